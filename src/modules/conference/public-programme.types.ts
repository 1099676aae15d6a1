import { Field, Int, ObjectType } from 'type-graphql';
import { DateTime, LocalDate } from '../../common/scalars';

/**
 * The Teacher Learning Conference as the public reads it: dedicated types holding only what the
 * programme prints. No presenter, no staff data, no id of a private row; a presentation names its
 * published project by PedEx slug and title, which the site reads with publishedResearchProject(slug).
 */
@ObjectType('PublicConferencePresentation', { simpleResolvers: true, description: 'A presentation of a published project.' })
export class PublicConferencePresentation {
  @Field({ description: "The presentation's title." })
  title: string;

  @Field(() => Int, { description: 'Its place in the session.' })
  position: number;

  @Field({ description: "The published project's PedEx slug: publishedResearchProject(slug) reads it." })
  projectSlug: string;

  @Field({ description: "The published project's title." })
  projectTitle: string;
}

@ObjectType('PublicConferenceSession', { simpleResolvers: true, description: 'A session of the programme, with its presentations of published projects.' })
export class PublicConferenceSession {
  @Field({ description: "The session's title." })
  title: string;

  @Field(() => DateTime, { description: 'When it starts.' })
  startsAt: Date;

  @Field(() => DateTime, { description: 'When it ends.' })
  endsAt: Date;

  @Field(() => String, { nullable: true, description: 'Where, within the venue.' })
  room: string | null;

  @Field(() => [PublicConferencePresentation], { description: 'Its presentations, in order.' })
  presentations: PublicConferencePresentation[];
}

@ObjectType('PublicConferenceEvent', { simpleResolvers: true, description: "A conference's public programme: only sessions presenting published projects." })
export class PublicConferenceEvent {
  @Field({ description: "The conference's name." })
  name: string;

  @Field(() => LocalDate, { description: 'The day it is held.' })
  heldOn: string;

  @Field(() => String, { nullable: true, description: 'Where.' })
  venue: string | null;

  @Field(() => [PublicConferenceSession], { description: 'Its sessions, in time order.' })
  sessions: PublicConferenceSession[];
}
