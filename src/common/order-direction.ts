import { Field, InputType, registerEnumType } from 'type-graphql';

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, { name: 'OrderDirection' });

/** `orderBy: { field, direction }` for one list, with that list's own enum of fields. */
export function OrderInput<F extends string>(fields: Record<string, F>, name: string) {
  @InputType(name)
  class Order {
    @Field(() => fields)
    field: F;

    @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
    direction: OrderDirection = OrderDirection.ASC;
  }
  return Order;
}
