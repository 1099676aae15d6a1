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

/** The most keys an `orderBy` list may hold: every key widens the sort and the keyset condition. */
export const MAX_ORDER_KEYS = 4;

/** One key of an `orderBy` list, as a service receives it. */
export interface OrderKey<F extends string> {
  field: F;
  /** Null or absent is ascending (graphql-jit passes an unset variable as null instead of the default). */
  direction?: OrderDirection | null;
}

/**
 * One key of `orderBy: [{ field, direction }, ...]` for one list, with that list's own enum of fields.
 * `direction` is nullable with a default: graphql-jit refuses a variable that leaves out a non-null
 * input field even when it has a default, so a non-null `direction` would have to be spelt out.
 */
export function OrderInput<F extends string>(fields: Record<string, F>, name: string) {
  @InputType(name, {
    description: `One key of a list's order: a field and a direction. orderBy takes a list of them (at most ${MAX_ORDER_KEYS}, each field once), applied in order; ties left by every key are broken by id.`,
  })
  class Order implements OrderKey<F> {
    @Field(() => fields, { description: 'The field to sort by.' })
    field: F;

    @Field(() => OrderDirection, { nullable: true, defaultValue: OrderDirection.ASC, description: 'Ascending unless asked otherwise (null is ascending too).' })
    direction?: OrderDirection | null = OrderDirection.ASC;
  }
  return Order;
}

/** The description of a root list's `orderBy` argument; `byDefault` says the order when none is given. */
export function orderByDescription(byDefault: string): string {
  return `How to sort: keys applied in order, at most ${MAX_ORDER_KEYS}, each field once, ties broken by id (in the last key's direction). A single object is a list of one. Empty or absent: ${byDefault}.`;
}
