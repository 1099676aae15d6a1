import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OrderInput } from '../../common/order-direction';
import { LocalDate } from '../../common/scalars';
import { LeadershipLevel } from './person-enums';
import { Person } from './person.entity';

@InputType({ description: 'Which staff records; every condition given must hold.' })
export class PersonFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name or email.' })
  search?: string | null;

  @Field(() => ID, { nullable: true, description: 'People who work at this school.' })
  schoolId?: string | null;

  @Field(() => [LeadershipLevel], { nullable: true, description: 'Staff at one of these levels.' })
  leadershipLevels?: LeadershipLevel[] | null;
}

export enum PersonOrderField {
  NAME = 'NAME',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(PersonOrderField, {
  name: 'PersonOrderField',
  description: 'NAME is family then given name.',
  valuesConfig: {
    NAME: { description: 'By family name, then given name.' },
    UPDATED_AT: { description: 'By when the record last changed.' },
  },
});

export const PersonOrder = OrderInput(PersonOrderField, 'PersonOrder');
export type PersonOrder = InstanceType<typeof PersonOrder>;

/** The optional details of a staff record, shared by create and update. */
@InputType()
abstract class PersonDetailsInput {
  @Field(() => String, { nullable: true, description: 'Their email address.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Their phone number.' })
  phone?: string | null;

  @Field(() => ID, { nullable: true, description: 'The school they work at. A school lead keeps staff at their own school, which is the default on create.' })
  schoolId?: string | null;

  @Field(() => String, { nullable: true, description: 'Job title, e.g. "Head of maths".' })
  jobTitle?: string | null;

  @Field(() => LeadershipLevel, { nullable: true, description: 'Their level of leadership, if any.' })
  leadershipLevel?: LeadershipLevel | null;

  @Field(() => LocalDate, { nullable: true, description: 'When they first held a leadership post.' })
  inLeadershipSince?: string | null;
}

@InputType({ description: 'The arguments of createPerson.' })
export class CreatePersonInput extends PersonDetailsInput {
  @Field({ description: 'Given name.' })
  givenName: string;

  @Field({ description: 'Family name.' })
  familyName: string;
}

@InputType({ description: 'Fields left out stay as they are; null clears an optional field.' })
export class UpdatePersonInput extends PersonDetailsInput {
  @Field(() => ID, { description: "The staff record's global ID." })
  id: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a newer change gives CONFLICT.' })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: 'Given name.' })
  givenName?: string | null;

  @Field(() => String, { nullable: true, description: 'Family name.' })
  familyName?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'What createPerson returns.' })
export class CreatePersonPayload {
  @Field(() => Person, { description: 'The person, as it stands after the change.' })
  person: Person;
}

@ObjectType({ simpleResolvers: true, description: 'What updatePerson returns.' })
export class UpdatePersonPayload {
  @Field(() => Person, { description: 'The person, as it stands after the change.' })
  person: Person;
}
