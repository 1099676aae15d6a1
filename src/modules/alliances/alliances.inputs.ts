import { Field, InputType, registerEnumType } from 'type-graphql';
import { OrderInput } from '../../common/order-direction';
import { AllianceKind } from './alliance-enums';

export enum AllianceOrderField {
  NAME = 'NAME',
  SLUG = 'SLUG',
}
registerEnumType(AllianceOrderField, { name: 'AllianceOrderField' });

export const AllianceOrder = OrderInput(AllianceOrderField, 'AllianceOrder');
export type AllianceOrder = InstanceType<typeof AllianceOrder>;

@InputType()
export class AllianceFilter {
  @Field(() => [AllianceKind], { nullable: true })
  kinds?: AllianceKind[] | null;
}
