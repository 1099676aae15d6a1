import { Field, InputType, registerEnumType } from 'type-graphql';
import { OrderInput } from '../../common/order-direction';
import { AllianceKind } from './alliance-enums';

export enum AllianceOrderField {
  NAME = 'NAME',
  SLUG = 'SLUG',
}
registerEnumType(AllianceOrderField, {
  name: 'AllianceOrderField',
  description: 'What alliances may be sorted by.',
  valuesConfig: {
    NAME: { description: "The alliance's name." },
    SLUG: { description: "The alliance's slug." },
  },
});

export const AllianceOrder = OrderInput(AllianceOrderField, 'AllianceOrder');
export type AllianceOrder = InstanceType<typeof AllianceOrder>;

@InputType({ description: 'Which alliances.' })
export class AllianceFilter {
  @Field(() => [AllianceKind], { nullable: true, description: 'Alliances of one of these kinds.' })
  kinds?: AllianceKind[] | null;
}
