import { Field, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../common/order-direction';
import { AllianceKind } from './alliance-enums';

export enum AllianceOrderField {
  NAME = 'NAME',
  SLUG = 'SLUG',
}
registerEnumType(AllianceOrderField, { name: 'AllianceOrderField' });

@InputType()
export class AllianceOrder {
  @Field(() => AllianceOrderField)
  field: AllianceOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction: OrderDirection = OrderDirection.ASC;
}

@InputType()
export class AllianceFilter {
  @Field(() => [AllianceKind], { nullable: true })
  kinds?: AllianceKind[] | null;
}
