import { englishDate } from '../../common/academic-year';
import { PageArgs } from '../../common/connection';
import { BadUserInput, NotFound } from '../../common/errors';
import { expectGlobalId } from '../../common/global-id';
import { paginate } from '../../common/paginate';
import { actingOf, RequestContext } from '../../context/context';
import { inTransaction } from '../../context/transaction';
import { scopedQuery } from '../../loaders/helpers';
import { recordChange } from '../audit/audit.service';
import { optionalText, requiredText } from '../people/person.validation';
import { researchVisibleTo } from '../research/research.policy';
import { ConferenceEvent } from './conference-event.entity';
import { ConferencePresentation } from './conference-presentation.entity';
import { ConferenceSession } from './conference-session.entity';
import { AddConferencePresentationInput, AddConferenceSessionInput, CreateConferenceEventInput } from './conference.inputs';

/**
 * The Teacher Learning Conference (DOMAIN.md, "Lead Practitioners, research and PedEx"): the
 * coordinator's events, their dated sessions and the presentations of the alliance's research
 * projects by its people. Staff read them; the public reads the programme of published projects
 * only (public-programme.service.ts).
 */

const MAX_PRESENTERS = 20;
const EARLIEST_EVENT = '2000-01-01';

export function listConferenceEvents(ctx: RequestContext, page: PageArgs) {
  actingOf(ctx);
  const qb = scopedQuery(ctx, ConferenceEvent, { visible: researchVisibleTo }) ?? ctx.em.createQueryBuilder(ConferenceEvent, 'e').where('false');
  // Newest first: the next conference is what a coordinator works on.
  return paginate(qb, page, [{ expression: 'e.held_on', value: (e) => e.heldOn, direction: 'DESC', kind: 'date' }]);
}

export async function createConferenceEvent(ctx: RequestContext, input: CreateConferenceEventInput): Promise<ConferenceEvent> {
  const acting = actingOf(ctx);
  const latest = `${Number(englishDate().slice(0, 4)) + 5}-12-31`;
  if (input.heldOn < EARLIEST_EVENT || input.heldOn > latest) throw new BadUserInput(`input.heldOn must be from ${EARLIEST_EVENT} to ${latest}`, 'input.heldOn');
  const event = ctx.em.create(ConferenceEvent, {
    // The tenant comes from the request, never from input (SECURITY.md T3).
    allianceId: acting.allianceId,
    name: requiredText(input.name, 'input.name', 200),
    heldOn: input.heldOn,
    venue: optionalText(input.venue, 'input.venue', 200),
    description: optionalText(input.description, 'input.description', 4000),
  });
  return inTransaction(ctx, async (tx) => {
    const saved = await tx.em.save(event);
    await recordChange(tx, { action: 'createConferenceEvent', objectType: 'ConferenceEvent', objectId: saved.id, before: null, after: saved, fields: ['name', 'heldOn', 'venue', 'description'] });
    return saved;
  });
}

export async function addConferenceSession(ctx: RequestContext, input: AddConferenceSessionInput): Promise<ConferenceSession> {
  const acting = actingOf(ctx);
  const eventId = expectGlobalId(input.eventId, 'ConferenceEvent', 'input.eventId');
  const title = requiredText(input.title, 'input.title', 200);
  const room = optionalText(input.room, 'input.room', 100);
  if (input.endsAt.getTime() <= input.startsAt.getTime()) throw new BadUserInput('input.endsAt must be after input.startsAt', 'input.endsAt');
  return inTransaction(ctx, async (tx) => {
    const event = await tx.loaders.conferenceEventById.load(eventId);
    if (!event) throw new NotFound('conference event');
    // The event's day as England has it: a 09:00 session in summer is 08:00 UTC.
    if (englishDate(input.startsAt) !== event.heldOn) throw new BadUserInput(`input.startsAt must be on the event's day, ${event.heldOn}`, 'input.startsAt');
    if (englishDate(input.endsAt) !== event.heldOn) throw new BadUserInput(`input.endsAt must be on the event's day, ${event.heldOn}`, 'input.endsAt');
    const saved = await tx.em.save(tx.em.create(ConferenceSession, { allianceId: acting.allianceId, eventId: event.id, title, startsAt: input.startsAt, endsAt: input.endsAt, room }));
    await recordChange(tx, { action: 'addConferenceSession', objectType: 'ConferenceSession', objectId: saved.id, before: null, after: saved, fields: ['eventId', 'title', 'startsAt', 'endsAt', 'room'] });
    return saved;
  });
}

export async function addConferencePresentation(ctx: RequestContext, input: AddConferencePresentationInput): Promise<ConferencePresentation> {
  const acting = actingOf(ctx);
  const sessionId = expectGlobalId(input.sessionId, 'ConferenceSession', 'input.sessionId');
  const projectId = expectGlobalId(input.projectId, 'ResearchProject', 'input.projectId');
  if (!input.presenterIds.length) throw new BadUserInput('input.presenterIds must name at least one person', 'input.presenterIds');
  if (input.presenterIds.length > MAX_PRESENTERS) throw new BadUserInput(`input.presenterIds must name at most ${MAX_PRESENTERS} people`, 'input.presenterIds');
  const presenterIds = input.presenterIds.map((id, i) => expectGlobalId(id, 'Person', `input.presenterIds[${i}]`));
  const repeated = presenterIds.findIndex((id, i) => presenterIds.indexOf(id) !== i);
  if (repeated >= 0) throw new BadUserInput(`input.presenterIds[${repeated}] names the same person twice`, `input.presenterIds[${repeated}]`);
  if (input.position != null && (input.position < 1 || input.position > 100)) throw new BadUserInput('input.position must be from 1 to 100', 'input.position');
  const title = input.title == null ? undefined : requiredText(input.title, 'input.title', 300);

  return inTransaction(ctx, async (tx) => {
    const session = await tx.loaders.conferenceSessionById.load(sessionId);
    if (!session) throw new NotFound('conference session');
    // Another alliance's project, or one the caller cannot see, is not found (SECURITY.md T2).
    const project = await tx.loaders.researchProjectById.load(projectId);
    if (!project) throw new NotFound('research project');
    const people = await Promise.all(presenterIds.map((id) => tx.loaders.personById.load(id)));
    const missing = people.findIndex((p) => !p);
    if (missing >= 0) throw new NotFound(`person (input.presenterIds[${missing}])`);
    let position = input.position ?? undefined;
    if (position === undefined) {
      const [{ last }] = await tx.em.query(`SELECT COALESCE(max(position), 0) AS last FROM conference_presentations WHERE session_id = $1`, [session.id]);
      position = Number(last) + 1;
    }
    const saved = await tx.em.save(
      tx.em.create(ConferencePresentation, { allianceId: acting.allianceId, sessionId: session.id, projectId: project.id, title: title ?? project.title, position, presenterPersonIds: presenterIds }),
    );
    await recordChange(tx, { action: 'addConferencePresentation', objectType: 'ConferencePresentation', objectId: saved.id, before: null, after: saved, fields: ['sessionId', 'projectId', 'title', 'position', 'presenterPersonIds'] });
    return saved;
  });
}
