import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { RequestContext } from '../../context/context';
import { Person } from '../people/person.entity';
import { ResearchProject } from '../research/research-project.entity';
import { ConferenceEvent } from './conference-event.entity';
import { ConferencePresentation } from './conference-presentation.entity';
import { ConferenceSession } from './conference-session.entity';
import {
  AddConferencePresentationInput,
  AddConferencePresentationPayload,
  AddConferenceSessionInput,
  AddConferenceSessionPayload,
  CreateConferenceEventInput,
  CreateConferenceEventPayload,
} from './conference.inputs';
import { addConferencePresentation, addConferenceSession, createConferenceEvent, listConferenceEvents } from './conference.service';
import { publishedConferenceProgramme } from './public-programme.service';
import { PublicConferenceEvent } from './public-programme.types';

export const ConferenceEventConnection = ConnectionType(ConferenceEvent);

@Resolver(() => ConferenceEvent)
export class ConferenceEventResolver {
  @Query(() => ConferenceEventConnection, { description: "The acting alliance's conferences, newest first. Staff." })
  conferenceEvents(@Ctx() ctx: RequestContext, @Args() page: PageArgs) {
    return listConferenceEvents(ctx, page);
  }

  @Query(() => [PublicConferenceEvent], {
    description: `Public, no token: an alliance's conference programme (of one calendar year, if given), newest first, with the presentations of published projects only; at most 10 events.`,
  })
  publishedConferenceProgramme(@Ctx() ctx: RequestContext, @Arg('allianceSlug', { description: 'The alliance whose conference it is, by slug.' }) allianceSlug: string, @Arg('year', () => Int, { nullable: true, description: "A calendar year, from 2000 to 2100; every year's conferences unless given." }) year?: number | null) {
    return publishedConferenceProgramme(ctx, allianceSlug, year);
  }

  @FieldResolver(() => [ConferenceSession], { description: 'By start.' })
  sessions(@Root() event: ConferenceEvent, @Ctx() ctx: RequestContext) {
    return ctx.loaders.sessionsByConferenceEvent.load(event.id);
  }

  @Mutation(() => CreateConferenceEventPayload, { description: "Creates the alliance's research conference." })
  async createConferenceEvent(@Ctx() ctx: RequestContext, @Arg('input', () => CreateConferenceEventInput, { description: 'What to do, and to what.' }) input: CreateConferenceEventInput): Promise<CreateConferenceEventPayload> {
    return { event: await createConferenceEvent(ctx, input) };
  }

  @Mutation(() => AddConferenceSessionPayload, { description: "A session on the event's day." })
  async addConferenceSession(@Ctx() ctx: RequestContext, @Arg('input', () => AddConferenceSessionInput, { description: 'What to do, and to what.' }) input: AddConferenceSessionInput): Promise<AddConferenceSessionPayload> {
    return { session: await addConferenceSession(ctx, input) };
  }

  @Mutation(() => AddConferencePresentationPayload, { description: 'A presentation of one of the alliance\'s research projects by its people.' })
  async addConferencePresentation(@Ctx() ctx: RequestContext, @Arg('input', () => AddConferencePresentationInput, { description: 'What to do, and to what.' }) input: AddConferencePresentationInput): Promise<AddConferencePresentationPayload> {
    return { presentation: await addConferencePresentation(ctx, input) };
  }
}

@Resolver(() => ConferenceSession)
export class ConferenceSessionResolver {
  @FieldResolver(() => [ConferencePresentation], { description: 'In their order.' })
  presentations(@Root() session: ConferenceSession, @Ctx() ctx: RequestContext) {
    return ctx.loaders.presentationsByConferenceSession.load(session.id);
  }
}

@Resolver(() => ConferencePresentation)
export class ConferencePresentationResolver {
  @FieldResolver(() => ResearchProject, { nullable: true, description: 'Null where the caller may not see it.' })
  project(@Root() presentation: ConferencePresentation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.researchProjectById.load(presentation.projectId);
  }

  @FieldResolver(() => [Person], { nullable: 'items', description: 'In the order given; null for a person the caller may not see.' })
  presenters(@Root() presentation: ConferencePresentation, @Ctx() ctx: RequestContext) {
    return Promise.all(presentation.presenterPersonIds.map((id) => ctx.loaders.personById.load(id)));
  }
}
