import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTime, LocalDate } from '../../common/scalars';
import { ConferenceEvent } from './conference-event.entity';
import { ConferencePresentation } from './conference-presentation.entity';
import { ConferenceSession } from './conference-session.entity';

@InputType()
export class CreateConferenceEventInput {
  @Field({ description: 'e.g. "Teacher Learning Conference 2026".' })
  name: string;

  @Field(() => LocalDate, { description: 'The day it is held; its sessions fall on this day (in England).' })
  heldOn: string;

  @Field(() => String, { nullable: true })
  venue?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@InputType()
export class AddConferenceSessionInput {
  @Field(() => ID)
  eventId: string;

  @Field()
  title: string;

  @Field(() => DateTime, { description: "On the event's day, in England." })
  startsAt: Date;

  @Field(() => DateTime, { description: 'After startsAt, on the same day.' })
  endsAt: Date;

  @Field(() => String, { nullable: true })
  room?: string | null;
}

@InputType()
export class AddConferencePresentationInput {
  @Field(() => ID)
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

@ObjectType()
export class CreateConferenceEventPayload {
  @Field(() => ConferenceEvent)
  event: ConferenceEvent;
}

@ObjectType()
export class AddConferenceSessionPayload {
  @Field(() => ConferenceSession)
  session: ConferenceSession;
}

@ObjectType()
export class AddConferencePresentationPayload {
  @Field(() => ConferencePresentation)
  presentation: ConferencePresentation;
}
