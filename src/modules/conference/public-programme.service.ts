import { BadUserInput } from '../../common/errors';
import { RequestContext } from '../../context/context';
import { PublicConferenceEvent, PublicConferencePresentation, PublicConferenceSession } from './public-programme.types';

/** The most recent events a programme lists. */
export const MAX_PROGRAMME_EVENTS = 10;

interface Row {
  event_id: string;
  name: string;
  held_on: string;
  venue: string | null;
  session_id: string;
  session_title: string;
  starts_at: Date;
  ends_at: Date;
  room: string | null;
  title: string;
  position: number;
  slug: string;
  project_title: string;
}

/**
 * The public programme of an alliance's conferences (of one calendar year, if given), newest first:
 * the presentations of published, public projects, their sessions and events, in one statement.
 * The condition on the project is the first wall, for signed-in staff too (whose own rows the
 * second wall would show them); the `public_read` policies are the second, for anonymous callers.
 * An unknown alliance, or one without such presentations, gives an empty list.
 */
export async function publishedConferenceProgramme(ctx: RequestContext, allianceSlug: string, year: number | null | undefined): Promise<PublicConferenceEvent[]> {
  if (year != null && (year < 2000 || year > 2100)) throw new BadUserInput('year must be from 2000 to 2100', 'year');
  if (allianceSlug.length > 100) return [];
  const rows: Row[] = await ctx.em.query(
    `WITH presented AS (
       SELECT cp.session_id, cp.title, cp.position, cp.id, p.slug, p.title AS project_title
         FROM conference_presentations cp
         JOIN research_projects p ON p.id = cp.project_id AND p.status = 'PUBLISHED' AND p.visibility = 'PUBLIC'
        WHERE cp.alliance_id = (SELECT a.id FROM alliances a WHERE a.slug = $1)
     ),
     events AS (
       SELECT DISTINCT e.id, e.held_on
         FROM conference_events e JOIN conference_sessions s ON s.event_id = e.id JOIN presented x ON x.session_id = s.id
        WHERE $2::int IS NULL OR e.held_on BETWEEN make_date($2::int, 1, 1) AND make_date($2::int, 12, 31)
        ORDER BY e.held_on DESC, e.id
        LIMIT ${MAX_PROGRAMME_EVENTS}
     )
     SELECT e.id AS event_id, e.name, e.held_on::text AS held_on, e.venue, s.id AS session_id, s.title AS session_title, s.starts_at, s.ends_at, s.room,
            x.title, x.position, x.slug, x.project_title
       FROM events v
       JOIN conference_events e ON e.id = v.id
       JOIN conference_sessions s ON s.event_id = e.id
       JOIN presented x ON x.session_id = s.id
      ORDER BY e.held_on DESC, e.id, s.starts_at, s.id, x.position, x.id`,
    [allianceSlug.trim().toLowerCase(), year ?? null],
  );
  const events: PublicConferenceEvent[] = [];
  let event: PublicConferenceEvent | undefined;
  let session: PublicConferenceSession | undefined;
  let eventId: string | undefined;
  let sessionId: string | undefined;
  for (const row of rows) {
    if (row.event_id !== eventId) {
      eventId = row.event_id;
      event = Object.assign(new PublicConferenceEvent(), { name: row.name, heldOn: row.held_on, venue: row.venue, sessions: [] });
      events.push(event);
    }
    if (row.session_id !== sessionId) {
      sessionId = row.session_id;
      session = Object.assign(new PublicConferenceSession(), { title: row.session_title, startsAt: row.starts_at, endsAt: row.ends_at, room: row.room, presentations: [] });
      event!.sessions.push(session);
    }
    session!.presentations.push(Object.assign(new PublicConferencePresentation(), { title: row.title, position: row.position, projectSlug: row.slug, projectTitle: row.project_title }));
  }
  return events;
}
