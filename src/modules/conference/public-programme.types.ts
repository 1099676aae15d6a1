import { Field, Int, ObjectType } from 'type-graphql';
import { DateTime, LocalDate } from '../../common/scalars';

/**
 * The Teacher Learning Conference as the public reads it: dedicated types holding only what the
 * programme prints. No presenter, no staff data, no id of a private row; a presentation names its
 * published project by PedEx slug and title, which the site reads with publishedResearchProject(slug).
 */
@ObjectType('PublicConferencePresentation', { simpleResolvers: true, description: 'A presentation of a published project.' })
export class PublicConferencePresentation {
  @Field()
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
  @Field()
  title: string;

  @Field(() => DateTime)
  startsAt: Date;

  @Field(() => DateTime)
  endsAt: Date;

  @Field(() => String, { nullable: true })
  room: string | null;

  @Field(() => [PublicConferencePresentation])
  presentations: PublicConferencePresentation[];
}

@ObjectType('PublicConferenceEvent', { simpleResolvers: true, description: "A conference's public programme: only sessions presenting published projects." })
export class PublicConferenceEvent {
  @Field()
  name: string;

  @Field(() => LocalDate)
  heldOn: string;

  @Field(() => String, { nullable: true })
  venue: string | null;

  @Field(() => [PublicConferenceSession])
  sessions: PublicConferenceSession[];
}
