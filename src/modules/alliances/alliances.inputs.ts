import { Field, InputType } from 'type-graphql';
import { AllianceKind } from './alliance-enums';

@InputType()
export class AllianceFilter {
  @Field(() => [AllianceKind], { nullable: true })
  kinds?: AllianceKind[] | null;
}
