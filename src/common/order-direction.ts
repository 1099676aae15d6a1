import { Field, InputType, registerEnumType } from 'type-graphql';

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Which way a list is sorted.',
  valuesConfig: {
    ASC: { description: 'Smallest, earliest or A first.' },
    DESC: { description: 'Largest, latest or Z first.' },
  },
});

/** `orderBy: { field, direction }` for one list, with that list's own enum of fields. */
export function OrderInput<F extends string>(fields: Record<string, F>, name: string) {
  @InputType(name, { description: 'How to sort the list: by which field, in which direction.' })
  class Order {
    @Field(() => fields, { description: 'The field to sort by; ties are broken by id.' })
    field: F;

    @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Ascending unless asked otherwise.' })
    direction: OrderDirection = OrderDirection.ASC;
  }
  return Order;
}
