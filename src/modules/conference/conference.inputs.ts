import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTime, LocalDate } from '../../common/scalars';
import { ConferenceEvent } from './conference-event.entity';
import { ConferencePresentation } from './conference-presentation.entity';
import { ConferenceSession } from './conference-session.entity';

@InputType({ description: 'The arguments of createConferenceEvent.' })
export class CreateConferenceEventInput {
  @Field({ description: 'e.g. "Teacher Learning Conference 2026".' })
  name: string;

  @Field(() => LocalDate, { description: 'The day it is held; its sessions fall on this day (in England).' })
  heldOn: string;

  @Field(() => String, { nullable: true, description: 'Where.' })
  venue?: string | null;

  @Field(() => String, { nullable: true, description: 'What it is.' })
  description?: string | null;
}

@InputType({ description: 'The arguments of addConferenceSession.' })
export class AddConferenceSessionInput {
  @Field(() => ID, { description: "The event's global ID." })
  eventId: string;

  @Field({ description: "The session's title." })
  title: string;

  @Field(() => DateTime, { description: "On the event's day, in England." })
  startsAt: Date;

  @Field(() => DateTime, { description: 'After startsAt, on the same day.' })
  endsAt: Date;

  @Field(() => String, { nullable: true, description: 'Where, within the venue.' })
  room?: string | null;
}

@InputType({ description: 'The arguments of addConferencePresentation.' })
export class AddConferencePresentationInput {
  @Field(() => ID, { description: "The session's global ID." })
  sessionId: string;

  @Field(() => ID, { description: "A research project of the alliance's R&D database." })
  projectId: string;

  @Field(() => String, { nullable: true, description: "Default: the project's title." })
  title?: string | null;

  @Field(() => Int, { nullable: true, description: "Its place in the session, from 1. Default: after the session's last." })
  position?: number | null;

  @Field(() => [ID], { description: 'People of the alliance presenting it; at least one.' })
  presenterIds: string[];
}

@ObjectType({ description: 'What createConferenceEvent returns.' })
export class CreateConferenceEventPayload {
  @Field(() => ConferenceEvent, { description: 'The event, as it stands after the change.' })
  event: ConferenceEvent;
}

@ObjectType({ description: 'What addConferenceSession returns.' })
export class AddConferenceSessionPayload {
  @Field(() => ConferenceSession, { description: 'The session, as it stands after the change.' })
  session: ConferenceSession;
}

@ObjectType({ description: 'What addConferencePresentation returns.' })
export class AddConferencePresentationPayload {
  @Field(() => ConferencePresentation, { description: 'The presentation, as it stands after the change.' })
  presentation: ConferencePresentation;
}
