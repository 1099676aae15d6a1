import { Field, ID, InputType } from 'type-graphql';
import { DateTime } from '../../common/scalars';

@InputType({ description: 'Which audit events; every condition given must hold.' })
export class AuditFilter {
  @Field(() => ID, { nullable: true, description: 'Changes to this object.' })
  objectId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Mutation names, e.g. ["updatePerson"].' })
  actions?: string[] | null;

  @Field(() => DateTime, { nullable: true, description: 'At or after this moment.' })
  since?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'Before this moment.' })
  before?: Date | null;
}
