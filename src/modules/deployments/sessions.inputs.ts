import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../common/scalars';
import { SessionLength, SessionStatus } from './deployment-enums';
import { DeploymentSession } from './deployment-session.entity';
import { Deployment } from './deployment.entity';

@InputType({ description: 'A session of an agreed or active deployment, planned or (on an active one) delivered.' })
export class LogSessionInput {
  @Field(() => ID, { description: "The deployment's global ID." })
  deploymentId: string;

  @Field(() => LocalDate, { description: "Within the deployment's start and end; a delivered session not in the future." })
  heldOn: string;

  @Field(() => SessionLength, { description: 'How long it is.' })
  length: SessionLength;

  @Field(() => Number, { nullable: true, description: 'For HOURS only, and required there: more than 0, at most 12, to the hundredth.' })
  hours?: number | null;

  @Field(() => SessionStatus, { nullable: true, defaultValue: SessionStatus.PLANNED, description: 'PLANNED (the default) or DELIVERED.' })
  status?: SessionStatus | null;

  @Field(() => String, { nullable: true, description: 'Notes on the session.' })
  notes?: string | null;
}

@InputType({ description: 'Mark a planned session delivered or cancelled, move its date, or change its notes.' })
export class UpdateSessionInput {
  @Field(() => ID, { description: "The session's global ID." })
  sessionId: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a newer change gives CONFLICT.' })
  expectedVersion?: number | null;

  @Field(() => SessionStatus, { nullable: true, description: 'DELIVERED or CANCELLED; a delivered session never goes back.' })
  status?: SessionStatus | null;

  @Field(() => LocalDate, { nullable: true, description: 'A new date.' })
  heldOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Replaces the notes; an empty string clears them.' })
  notes?: string | null;
}

@InputType({ description: "The system leader's record of a delivered session, once." })
export class SubmitVisitRecordInput {
  @Field(() => ID, { description: "The session's global ID." })
  sessionId: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a newer change gives CONFLICT.' })
  expectedVersion?: number | null;

  @Field({ description: 'What was done.' })
  summary: string;

  @Field(() => String, { nullable: true, description: 'What the school does next.' })
  nextSteps?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'What logSession, submitVisitRecord, updateSession returns.' })
export class SessionPayload {
  @Field(() => DeploymentSession, { description: 'The session, as it stands after the change.' })
  session: DeploymentSession;

  @Field(() => Deployment, { description: 'The deployment, as it stands after the change.' })
  deployment: Deployment;
}

@ObjectType({ simpleResolvers: true, description: "The system leader's record of a delivered session." })
export class VisitRecord {
  @Field({ description: 'What was done.' })
  summary: string;

  @Field(() => String, { nullable: true, description: 'What the school does next.' })
  nextSteps: string | null;

  @Field(() => LocalDate, { description: 'When it was submitted.' })
  submittedOn: string;

  @Field({ description: 'Submitted after its due date (5 working days in England after the session).' })
  submittedLate: boolean;
}
