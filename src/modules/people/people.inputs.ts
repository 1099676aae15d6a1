import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OrderInput } from '../../common/order-direction';
import { LocalDate } from '../../common/scalars';
import { LeadershipLevel } from './person-enums';
import { Person } from './person.entity';

@InputType()
export class PersonFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name or email.' })
  search?: string | null;

  @Field(() => ID, { nullable: true, description: 'People who work at this school.' })
  schoolId?: string | null;

  @Field(() => [LeadershipLevel], { nullable: true })
  leadershipLevels?: LeadershipLevel[] | null;
}

export enum PersonOrderField {
  NAME = 'NAME',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(PersonOrderField, { name: 'PersonOrderField', description: 'NAME is family then given name.' });

export const PersonOrder = OrderInput(PersonOrderField, 'PersonOrder');
export type PersonOrder = InstanceType<typeof PersonOrder>;

/** The optional details of a staff record, shared by create and update. */
@InputType()
abstract class PersonDetailsInput {
  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => ID, { nullable: true, description: 'The school they work at. A school lead keeps staff at their own school, which is the default on create.' })
  schoolId?: string | null;

  @Field(() => String, { nullable: true })
  jobTitle?: string | null;

  @Field(() => LeadershipLevel, { nullable: true })
  leadershipLevel?: LeadershipLevel | null;

  @Field(() => LocalDate, { nullable: true })
  inLeadershipSince?: string | null;
}

@InputType()
export class CreatePersonInput extends PersonDetailsInput {
  @Field()
  givenName: string;

  @Field()
  familyName: string;
}

@InputType({ description: 'Fields left out stay as they are; null clears an optional field.' })
export class UpdatePersonInput extends PersonDetailsInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a newer change gives CONFLICT.' })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true })
  givenName?: string | null;

  @Field(() => String, { nullable: true })
  familyName?: string | null;
}

@ObjectType({ simpleResolvers: true })
export class CreatePersonPayload {
  @Field(() => Person)
  person: Person;
}

@ObjectType({ simpleResolvers: true })
export class UpdatePersonPayload {
  @Field(() => Person)
  person: Person;
}
