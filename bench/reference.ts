import { createHash } from 'node:crypto';
import pedexManifest from '../operations/generated/pedex/persisted-documents.json';
import type { GraphQLRequest } from './http-load';
import { OPEN_REQUEST, scaleRowId } from './scale/scale-mark';

/**
 * The reference queries: each as a GraphQL document for the API and as ONE hand-written SQL
 * statement whose JSON PostgreSQL builds, for the raw-SQL baseline. The two must answer the same
 * `data`; the benchmark checks that before it times anything.
 */
export interface ReferenceQuery {
  key: string;
  name: string;
  graphql: string;
  /** One statement; $1.. are `params(context)`. Returns one row with a `body` column: `{"data": …}` as text. */
  sql: string;
  params: (context: ReferenceContext) => unknown[];
  /** Objects in an answer, for the table. */
  rows: (data: any) => number; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Relation edges the selection walks (root list included): the statements it may cost, identity aside. */
  edges: number;
  /**
   * Who asks: the alliance's coordinator (the default), the platform analyst (the platform's
   * statistics), or an anonymous PedEx reader: no token, and, as production requires of anonymous
   * callers, a persisted document of the manifest sent by its hash over GET (`graphql` is then the
   * manifest's text of it, and its page size is `variables.first`).
   */
  caller?: 'coordinator' | 'platformAnalyst' | 'anonymous';
  /** Variables sent with the document. */
  variables?: Record<string, unknown>;
  /** An aggregate: no page whose size could change its statements (every other query has a `first:`). */
  aggregate?: true;
}

export interface ReferenceContext {
  /** The acting alliance of the benchmark's user (an ALLIANCE_ADMIN). */
  allianceId: string;
}

const CURRENT = (m: string) => `(${m}.starts_on <= current_date AND (${m}.ends_on IS NULL OR ${m}.ends_on >= current_date))`;
const codeName = (code: string, name: string) => `CASE WHEN ${code} IS NULL THEN NULL ELSE json_build_object('code', ${code}, 'name', ${name}) END`;
const globalId = (type: string, id: string) => `translate(encode(convert_to('${type}:' || ${id}, 'UTF8'), 'base64'), '+/=', '-_')`;

export const SEARCH = 'primary';

/** The request for a reference query: by hash over GET for an anonymous reader, else the text by POST; `variables` replace its own (the small page of the statement count). */
export function graphqlRequest(q: ReferenceQuery, token: string | undefined, variables = q.variables): GraphQLRequest {
  return q.caller === 'anonymous' ? { query: q.graphql, variables, persisted: true } : { query: q.graphql, variables, token };
}

/** The text of a PedEx persisted document by its operation name, from the manifest codegen writes (the hash the server looks up is of this text). */
export function persistedDocument(operationName: string): string {
  const text = Object.values(pedexManifest as Record<string, string>).find((t) => t.startsWith(`query ${operationName}(`) || t.startsWith(`query ${operationName} `));
  if (!text) throw new Error(`no persisted document ${operationName} in operations/generated/pedex/persisted-documents.json: run npm run codegen`);
  return text;
}

/** The word PedEx readers search for: in the abstracts of about two thirds of the scale dataset's published research (seed-scale.ts), and a title's. */
export const PEDEX_SEARCH = 'feedback';
const PEDEX_PAGE = 20;
/** As published-research.service.ts writes them: the query, the rank (a title match first), the cursor's tag and the search's hash in it. */
const PEDEX_QUERY = `websearch_to_tsquery('english', $1)`;
const PEDEX_RANK = `((CASE WHEN ts_rank_cd('{0, 0, 0, 1}', p.search, ${PEDEX_QUERY}) > 0 THEN 1 ELSE 0 END)::real + ts_rank_cd(p.search, ${PEDEX_QUERY}, 32))`;
const PEDEX_SNIPPET = `ts_headline('english', replace(replace(replace(coalesce(p.abstract, ''), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), ${PEDEX_QUERY},
        'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "')`;
/** connection.ts's cursorTag and the service's search hash, written again: the baseline loads no type-graphql (the answers' check compares the cursors). */
const PEDEX_TAG = createHash('sha256').update('published_research|RELEVANCE').digest('base64url').slice(0, 10);
const searchHash = (search: string) => createHash('sha256').update(search).digest('base64url').slice(0, 12);
/** base64url of text, as Buffer's: PostgreSQL's base64 has padding and breaks lines every 76 characters. */
const base64url = (text: string) => `translate(encode(convert_to(${text}, 'UTF8'), 'base64'), E'+/=\\n', '-_')`;
const PERSON_NAME = (p: string) => `${p}.given_name || ' ' || ${p}.family_name`;

/** The support request brokerMatches ranks for: scale-01's first request not brokered yet (an SLE wanted from January 2027; seed-scale.ts gives it a fixed id). */
export const BROKERED_REQUEST_ID = scaleRowId(OPEN_REQUEST, 'scale-01', 0);
const BROKERED_REQUEST_GLOBAL_ID = Buffer.from(`SupportRequest:${BROKERED_REQUEST_ID}`, 'utf8').toString('base64url');

/** A session's fraction of a day as whole numbers num/den (cost.ts): 1/1, 1/2, or hundredths of hours over hundredths of the tariff's day. */
const NUM = (s: string) => `CASE ${s}.length WHEN 'HOURS' THEN round(${s}.hours * 100)::bigint ELSE 1 END`;
const DEN = (s: string, d: string) => `CASE ${s}.length WHEN 'FULL_DAY' THEN 1 WHEN 'HALF_DAY' THEN 2 ELSE ${d}.tariff_hours_per_day * 100 END`;
/** Days of a session for capacity: hours pro rata on the tariff's day, 6 hours before one is copied (capacity.ts). */
const DAYS = (s: string, d: string) => `CASE ${s}.length WHEN 'FULL_DAY' THEN 1 WHEN 'HALF_DAY' THEN 0.5 ELSE ${s}.hours / coalesce(${d}.tariff_hours_per_day, 6) END`;
const ACADEMIC_YEAR = (date: string) => `(extract(year FROM ${date}) - CASE WHEN extract(month FROM ${date}) >= 9 THEN 0 ELSE 1 END)::int`;

/**
 * Deployments by academic year, exactly as deployment-statistics.service.ts counts them (count, days
 * delivered to two places, cost, fee and home share in whole pence by cost.ts's rule), over the
 * deployments `where` keeps: the API's own statistics answer, built by hand.
 */
const STATISTICS_FIELDS = 'deployments daysDelivered totalPence brokerageFeePence homeSchoolPence suppressed';
const deploymentsByYear = (field: string, where: string) => `
      WITH cost AS (
        SELECT d.id, d.academic_year,
               coalesce(sum(${DAYS('s', 'd')}) FILTER (WHERE s.id IS NOT NULL AND d.tariff_full_day_pence IS NOT NULL), 0) AS days,
               coalesce(sum(c.total), 0) AS total, coalesce(sum(c.fee), 0) AS fee
          FROM deployments d
          LEFT JOIN deployment_sessions s ON s.deployment_id = d.id AND s.status = 'DELIVERED'
          LEFT JOIN LATERAL (SELECT ${NUM('s')} AS num, ${DEN('s', 'd')} AS den) f ON d.tariff_full_day_pence IS NOT NULL AND s.id IS NOT NULL
          LEFT JOIN LATERAL (SELECT CASE WHEN s.length = 'HALF_DAY' AND d.tariff_half_day_pence IS NOT NULL THEN d.tariff_half_day_pence
                                         ELSE (2 * d.tariff_full_day_pence * f.num + f.den) / (2 * f.den) END AS total) t ON f.num IS NOT NULL
          LEFT JOIN LATERAL (SELECT t.total, least((2 * coalesce(d.tariff_brokerage_fee_per_day_pence, 0) * f.num + f.den) / (2 * f.den), t.total) AS fee) c ON t.total IS NOT NULL
         WHERE ${where}
         GROUP BY d.id, d.academic_year),
      groups AS (
        SELECT academic_year, grouping(academic_year) = 1 AS is_total, count(*)::int AS n, round(sum(days), 2) AS days, sum(total)::bigint AS total, sum(fee)::bigint AS fee FROM cost GROUP BY ROLLUP (academic_year))
      SELECT json_build_object('data', json_build_object('${field}', json_build_object(
        'total', (SELECT json_build_object('deployments', n, 'daysDelivered', days, 'totalPence', total, 'brokerageFeePence', fee, 'homeSchoolPence', total - fee, 'suppressed', false)
                    FROM groups WHERE is_total),
        'groups', (SELECT coalesce(json_agg(json_build_object('academicYear', academic_year || '/' || lpad(((academic_year + 1) % 100)::text, 2, '0'),
                            'deployments', n, 'daysDelivered', days, 'totalPence', total, 'brokerageFeePence', fee, 'homeSchoolPence', total - fee, 'suppressed', false)
                          ORDER BY academic_year), '[]')
                     FROM groups WHERE NOT is_total))))::text AS body`;

export const REFERENCE_QUERIES: ReferenceQuery[] = [
  {
    key: 'nested',
    name: 'alliances(50) × memberSchools(50) with schools',
    graphql: `{ alliances(first: 50) { edges { node { slug name leadSchool { urn name } memberSchools(first: 50) { totalCount edges { node { role school { urn name categories phase { code name } } } } } } } } }`,
    sql: `
      SELECT json_build_object('data', json_build_object('alliances', json_build_object('edges', coalesce(json_agg(json_build_object('node', json_build_object(
        'slug', a.slug,
        'name', a.name,
        'leadSchool', (SELECT json_build_object('urn', s.urn, 'name', s.name)
                         FROM alliance_school_memberships m JOIN schools s ON s.id = m.school_id
                        WHERE m.alliance_id = a.id AND m.role = 'LEAD_SCHOOL' AND ${CURRENT('m')}),
        'memberSchools', json_build_object(
          'totalCount', (SELECT count(*) FROM alliance_school_memberships m WHERE m.alliance_id = a.id AND ${CURRENT('m')}),
          'edges', (SELECT coalesce(json_agg(json_build_object('node', json_build_object('role', p.role, 'school', json_build_object(
                              'urn', s.urn, 'name', s.name, 'categories', s.categories, 'phase', ${codeName('s.phase_code', 's.phase_name')})))
                            ORDER BY p.role, p.starts_on, p.id), '[]')
                      FROM (SELECT * FROM alliance_school_memberships m WHERE m.alliance_id = a.id AND ${CURRENT('m')}
                             ORDER BY m.role, m.starts_on, m.id LIMIT 50) p
                      JOIN schools s ON s.id = p.school_id))
      )) ORDER BY a.name, a.id), '[]'))))::text AS body
      FROM (SELECT * FROM alliances ORDER BY name, id LIMIT 50) a`,
    params: () => [],
    rows: (d) => d.alliances.edges.reduce((sum: number, e: any) => sum + 2 + e.node.memberSchools.edges.length, 0), // eslint-disable-line @typescript-eslint/no-explicit-any
    // alliances, lead membership, lead school, member schools' page, their schools
    edges: 5,
  },
  {
    key: 'schools',
    name: `schools(100, search "${SEARCH}")`,
    graphql: `{ schools(first: 100, filter: { search: "${SEARCH}" }) { totalCount edges { node { urn name localAuthority { code name } } } } }`,
    sql: `
      WITH hit AS (SELECT * FROM schools s WHERE s.name ILIKE $1 OR s.town ILIKE $1 OR replace(s.postcode, ' ', '') ILIKE $1 OR s.urn = $2)
      SELECT json_build_object('data', json_build_object('schools', json_build_object(
        'totalCount', (SELECT count(*) FROM hit),
        'edges', (SELECT coalesce(json_agg(json_build_object('node', json_build_object('urn', p.urn, 'name', p.name, 'localAuthority', ${codeName('p.la_code', 'p.la_name')}))
                          ORDER BY p.name, p.id), '[]')
                    FROM (SELECT * FROM hit ORDER BY name, id LIMIT 100) p))))::text AS body`,
    params: () => [`%${SEARCH}%`, SEARCH],
    rows: (d) => d.schools.edges.length,
    // the page, and its count
    edges: 2,
  },
  {
    key: 'people',
    name: 'people(100) with school',
    graphql: `{ people(first: 100) { totalCount edges { node { id displayName email school { name } } } } }`,
    sql: `
      SELECT json_build_object('data', json_build_object('people', json_build_object(
        'totalCount', (SELECT count(*) FROM people WHERE alliance_id = $1),
        'edges', (SELECT coalesce(json_agg(json_build_object('node', json_build_object(
                            'id', ${globalId('Person', 'p.id')}, 'displayName', p.given_name || ' ' || p.family_name, 'email', p.email,
                            'school', (SELECT json_build_object('name', s.name) FROM schools s WHERE s.id = p.school_id)))
                          ORDER BY p.family_name || ' ' || p.given_name, p.id), '[]')
                    FROM (SELECT * FROM people WHERE alliance_id = $1 ORDER BY family_name || ' ' || given_name, id LIMIT 100) p))))::text AS body`,
    params: (c) => [c.allianceId],
    rows: (d) => d.people.edges.length,
    // the page, its count, the schools
    edges: 3,
  },
  {
    key: 'designations',
    name: 'designations(50, ACTIVE, by review date) with person, school, areas, commitments',
    graphql: `{ designations(first: 50, filter: { statuses: [ACTIVE] }, orderBy: { field: REVIEW_DUE_ON }) { totalCount edges { node { id type reviewDueOn person { displayName school { name localAuthority { name } } } areasOfExpertise { code name } releaseCommitments { academicYear committedDays } } } } }`,
    sql: `
      WITH hit AS (SELECT * FROM designations d WHERE d.alliance_id = $1 AND d.status = 'ACTIVE')
      SELECT json_build_object('data', json_build_object('designations', json_build_object(
        'totalCount', (SELECT count(*) FROM hit),
        'edges', (SELECT coalesce(json_agg(json_build_object('node', json_build_object(
                            'id', ${globalId('Designation', 'd.id')}, 'type', d.type, 'reviewDueOn', d.review_due_on,
                            'person', (SELECT json_build_object('displayName', p.given_name || ' ' || p.family_name,
                                                'school', (SELECT json_build_object('name', s.name, 'localAuthority', CASE WHEN s.la_code IS NULL THEN NULL ELSE json_build_object('name', s.la_name) END)
                                                             FROM schools s WHERE s.id = p.school_id))
                                         FROM people p WHERE p.id = d.person_id),
                            'areasOfExpertise', (SELECT coalesce(json_agg(json_build_object('code', a.code, 'name', a.name) ORDER BY u.n), '[]')
                                                   FROM unnest(d.area_ids) WITH ORDINALITY u(id, n) JOIN areas_of_expertise a ON a.id = u.id),
                            'releaseCommitments', (SELECT coalesce(json_agg(json_build_object(
                                                            'academicYear', c.academic_year || '/' || lpad(((c.academic_year + 1) % 100)::text, 2, '0'), 'committedDays', c.committed_days)
                                                          ORDER BY c.academic_year, c.id), '[]')
                                                     FROM release_commitments c WHERE c.designation_id = d.id)))
                          ORDER BY coalesce(d.review_due_on, DATE '9999-12-31'), d.id), '[]')
                    FROM (SELECT * FROM hit ORDER BY coalesce(review_due_on, DATE '9999-12-31'), id LIMIT 50) d))))::text AS body`,
    params: (c) => [c.allianceId],
    rows: (d) => d.designations.edges.reduce((sum: number, e: any) => sum + 3 + e.node.areasOfExpertise.length + e.node.releaseCommitments.length, 0), // eslint-disable-line @typescript-eslint/no-explicit-any
    // the page, its count, the people, their schools, the areas, the release commitments
    edges: 6,
  },
  {
    key: 'rounds',
    name: 'recruitmentRounds(20) with progress per area',
    graphql: `{ recruitmentRounds(first: 20) { edges { node { name progress { target total { applied designated } areas { area { code } target designated } } } } } }`,
    sql: `
      SELECT json_build_object('data', json_build_object('recruitmentRounds', json_build_object('edges', coalesce(json_agg(json_build_object('node', json_build_object(
        'name', r.name,
        'progress', json_build_object(
          'target', coalesce(r.overall_target, (SELECT sum(t.target) FROM recruitment_round_targets t WHERE t.round_id = r.id), 0),
          'total', (SELECT json_build_object('applied', count(*), 'designated', count(*) FILTER (WHERE d.designated_on IS NOT NULL))
                      FROM designations d WHERE d.alliance_id = $1 AND d.round_id = r.id),
          'areas', (SELECT coalesce(json_agg(json_build_object('area', json_build_object('code', a.code), 'target', t.target,
                                      'designated', (SELECT count(*) FROM designations d
                                                      WHERE d.alliance_id = $1 AND d.round_id = r.id AND d.designated_on IS NOT NULL AND t.area_id = ANY(d.area_ids)))
                                    ORDER BY t.target DESC, t.id DESC), '[]')
                      FROM recruitment_round_targets t JOIN areas_of_expertise a ON a.id = t.area_id WHERE t.round_id = r.id))
      )) ORDER BY r.application_deadline DESC, r.id DESC), '[]'))))::text AS body
      FROM (SELECT * FROM recruitment_rounds WHERE alliance_id = $1 ORDER BY application_deadline DESC, id DESC LIMIT 20) r`,
    params: (c) => [c.allianceId],
    rows: (d) => d.recruitmentRounds.edges.reduce((sum: number, e: any) => sum + 1 + e.node.progress.areas.length, 0), // eslint-disable-line @typescript-eslint/no-explicit-any
    // the rounds' page, their targets, their counts (one grouping-sets statement), the targets' areas
    edges: 4,
  },
  {
    key: 'deployments',
    name: 'deployments(50, ACTIVE or AGREED) with request, schools, system leader, signatures, sessions, cost',
    graphql: `{ deployments(first: 50, filter: { statuses: [ACTIVE, AGREED] }) { totalCount edges { node { id status startsOn supportRequest { needs } homeSchool { name } supportedSchool { name } systemLeader { displayName } signatures { party } sessions { heldOn status } cost { totalPence brokerageFeePence homeSchoolPence } } } } }`,
    // Cost by hand (cost.ts states the rule): each delivered session priced on its own, half up to the penny
    // (⌊(2a + b) ÷ 2b⌋ for a ÷ b): a full day at the full-day rate, a half day at the half-day rate or half the
    // full day, hours pro rata on the tariff's hours per day; the fee the same fraction of the fee per day, never
    // more than the session's price; the home school's share what is left.
    sql: `
      WITH hit AS (SELECT * FROM deployments d WHERE d.alliance_id = $1 AND d.status IN ('ACTIVE', 'AGREED'))
      SELECT json_build_object('data', json_build_object('deployments', json_build_object(
        'totalCount', (SELECT count(*) FROM hit),
        'edges', (SELECT coalesce(json_agg(json_build_object('node', json_build_object(
                            'id', ${globalId('Deployment', 'd.id')}, 'status', d.status, 'startsOn', d.starts_on,
                            'supportRequest', (SELECT json_build_object('needs', r.needs) FROM support_requests r WHERE r.id = d.support_request_id),
                            'homeSchool', (SELECT json_build_object('name', s.name) FROM schools s WHERE s.id = d.home_school_id),
                            'supportedSchool', (SELECT json_build_object('name', s.name) FROM schools s WHERE s.id = d.supported_school_id),
                            'systemLeader', (SELECT json_build_object('displayName', p.given_name || ' ' || p.family_name) FROM people p WHERE p.id = d.person_id),
                            'signatures', (SELECT coalesce(json_agg(json_build_object('party', g.party) ORDER BY g.terms_version DESC, g.party), '[]')
                                             FROM deployment_signatures g WHERE g.deployment_id = d.id),
                            'sessions', (SELECT coalesce(json_agg(json_build_object('heldOn', s.held_on, 'status', s.status) ORDER BY s.held_on, s.id), '[]')
                                           FROM deployment_sessions s WHERE s.deployment_id = d.id),
                            'cost', CASE WHEN d.tariff_full_day_pence IS NOT NULL THEN (
                                      SELECT json_build_object('totalPence', coalesce(sum(c.total), 0), 'brokerageFeePence', coalesce(sum(c.fee), 0),
                                                               'homeSchoolPence', coalesce(sum(c.total - c.fee), 0))
                                        FROM deployment_sessions s
                                        CROSS JOIN LATERAL (SELECT ${NUM('s')} AS num, ${DEN('s', 'd')} AS den) f
                                        CROSS JOIN LATERAL (SELECT CASE WHEN s.length = 'HALF_DAY' AND d.tariff_half_day_pence IS NOT NULL THEN d.tariff_half_day_pence
                                                                        ELSE (2 * d.tariff_full_day_pence * f.num + f.den) / (2 * f.den) END AS total) t
                                        CROSS JOIN LATERAL (SELECT t.total, least((2 * coalesce(d.tariff_brokerage_fee_per_day_pence, 0) * f.num + f.den) / (2 * f.den), t.total) AS fee) c
                                       WHERE s.deployment_id = d.id AND s.status = 'DELIVERED') END))
                          ORDER BY d.proposed_on DESC, d.id DESC), '[]')
                    FROM (SELECT * FROM hit ORDER BY proposed_on DESC, id DESC LIMIT 50) d))))::text AS body`,
    params: (c) => [c.allianceId],
    rows: (d) => d.deployments.edges.reduce((sum: number, e: any) => sum + 5 + e.node.signatures.length + e.node.sessions.length, 0), // eslint-disable-line @typescript-eslint/no-explicit-any
    // the page, its count, the requests, the schools (home and supported, one loader), the people, the signatures, the sessions (which cost reads too)
    edges: 7,
  },
  {
    key: 'brokerMatches',
    name: 'brokerMatches(10) for an open request, with reasons and the designation\'s person',
    graphql: `{ brokerMatches(supportRequestId: "${BROKERED_REQUEST_GLOBAL_ID}", first: 10) { score availableDays academicYear reasons { factor points detail } designation { id person { displayName } } } }`,
    // Written by hand, not the API's RANKING_SQL (broker-matches.ts keeps it to itself): the same factors and
    // weights (BROKER_WEIGHTS: 30 an area, 20 the phase, 2 a day available up to 10, 10 the same local authority,
    // earlier deployments to the school 15 SIGNIFICANT, 5 SOME, −25 NONE, 0 unrated) and capacity's rule
    // (committed − delivered that year − planned net of delivered on AGREED and ACTIVE deployments of that year),
    // so the check that both sides answer alike checks the ranking as well.
    sql: `
      WITH r AS (SELECT sr.*, ${ACADEMIC_YEAR('coalesce(sr.preferred_start, current_date)')} AS year FROM support_requests sr WHERE sr.id = $2 AND sr.alliance_id = $1),
      c AS (
        SELECT d.id, d.area_ids, d.phases, p.given_name || ' ' || p.family_name AS display_name, hs.la_code AS home_la_code
          FROM r JOIN designations d ON d.alliance_id = r.alliance_id AND d.type = r.designation_type AND d.status = 'ACTIVE'
          JOIN people p ON p.id = d.person_id LEFT JOIN schools hs ON hs.id = p.school_id
         WHERE p.school_id IS DISTINCT FROM r.supported_school_id),
      f AS (
        SELECT c.*, r.year, r.year || '/' || lpad(((r.year + 1) % 100)::text, 2, '0') AS year_label,
               round((coalesce(rc.committed_days, 0)::float8 - coalesce(dl.days, 0)::float8 - coalesce(pl.days, 0)::float8)::numeric, 2) AS available,
               ar.names AS matched_areas, ar.n AS area_count, ph.names AS matched_phases,
               (c.home_la_code IS NOT NULL AND c.home_la_code = sch.la_code) AS same_la, coalesce(sch.la_name, sch.la_code) AS la_name, e.*
          FROM c CROSS JOIN r JOIN schools sch ON sch.id = r.supported_school_id
          LEFT JOIN release_commitments rc ON rc.designation_id = c.id AND rc.academic_year = r.year
          CROSS JOIN LATERAL (SELECT sum(${DAYS('s', 'dp')}) AS days FROM deployments dp JOIN deployment_sessions s ON s.deployment_id = dp.id
                               WHERE dp.designation_id = c.id AND s.status = 'DELIVERED' AND ${ACADEMIC_YEAR('s.held_on')} = r.year) dl
          CROSS JOIN LATERAL (SELECT sum(greatest(dp.planned_days - coalesce((SELECT sum(${DAYS('s', 'dp')}) FROM deployment_sessions s
                                                                               WHERE s.deployment_id = dp.id AND s.status = 'DELIVERED'), 0), 0)) AS days
                                FROM deployments dp WHERE dp.designation_id = c.id AND dp.academic_year = r.year AND dp.status IN ('AGREED', 'ACTIVE')) pl
          CROSS JOIN LATERAL (SELECT string_agg(a.name, ', ' ORDER BY a.position) AS names, count(*)::int AS n
                                FROM areas_of_expertise a WHERE a.id = ANY (c.area_ids) AND a.id = ANY (r.area_ids)) ar
          -- The school's GIAS phase as education phases: all-through counts as primary and secondary too; SPECIAL from its categories.
          CROSS JOIN LATERAL (SELECT string_agg(initcap(replace(x::text, '_', ' ')), ', ' ORDER BY x) AS names FROM unnest(c.phases) x
                               WHERE (x = 'EARLY_YEARS' AND sch.phase_code = '1') OR (x = 'PRIMARY' AND sch.phase_code IN ('2', '3', '7'))
                                  OR (x = 'SECONDARY' AND sch.phase_code IN ('4', '5', '7')) OR (x = 'POST_16' AND sch.phase_code = '6')
                                  OR (x = 'ALL_THROUGH' AND sch.phase_code = '7') OR (x = 'SPECIAL' AND 'SPECIAL' = ANY (sch.categories))) ph
          CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE dp.impact_rating = 'SIGNIFICANT')::int AS significant, count(*) FILTER (WHERE dp.impact_rating = 'SOME')::int AS some,
                                     count(*) FILTER (WHERE dp.impact_rating = 'NONE')::int AS none,
                                     count(*) FILTER (WHERE dp.impact_rating IS NULL OR dp.impact_rating = 'TOO_EARLY')::int AS unrated
                                FROM deployments dp WHERE dp.designation_id = c.id AND dp.supported_school_id = r.supported_school_id AND dp.agreed_on IS NOT NULL) e),
      scored AS (
        SELECT f.*, x.reasons, x.score FROM f CROSS JOIN LATERAL (
          SELECT json_agg(json_build_object('factor', v.factor, 'points', v.points, 'detail', v.detail) ORDER BY v.ord) AS reasons, sum(v.points)::int AS score
            FROM (VALUES
              (1, 'AREA_OF_EXPERTISE', 30 * f.area_count, 'expert in ' || f.matched_areas, f.area_count > 0),
              (2, 'PHASE', 20, 'works in ' || f.matched_phases, f.matched_phases IS NOT NULL),
              (3, 'CAPACITY', 2 * least(greatest(floor(f.available), 0), 10)::int,
                  trim_scale(f.available)::text || CASE WHEN f.available = 1 THEN ' day' ELSE ' days' END || ' available in ' || f.year_label, true),
              (4, 'SAME_LOCAL_AUTHORITY', 10, 'same local authority (' || f.la_name || ')', f.same_la),
              (5, 'EARLIER_DEPLOYMENTS', 15 * f.significant, f.significant || ' earlier ' || CASE WHEN f.significant = 1 THEN 'deployment' ELSE 'deployments' END || ' rated SIGNIFICANT', f.significant > 0),
              (6, 'EARLIER_DEPLOYMENTS', 5 * f.some, f.some || ' earlier ' || CASE WHEN f.some = 1 THEN 'deployment' ELSE 'deployments' END || ' rated SOME', f.some > 0),
              (7, 'EARLIER_DEPLOYMENTS', -25 * f.none, f.none || ' earlier ' || CASE WHEN f.none = 1 THEN 'deployment' ELSE 'deployments' END || ' rated NONE', f.none > 0),
              (8, 'EARLIER_DEPLOYMENTS', 0, f.unrated || ' earlier ' || CASE WHEN f.unrated = 1 THEN 'deployment' ELSE 'deployments' END || ' not yet rated', f.unrated > 0)
            ) v(ord, factor, points, detail, given)
           WHERE v.given) x
         WHERE f.available > 0)
      SELECT json_build_object('data', json_build_object('brokerMatches', coalesce(json_agg(json_build_object(
        'score', m.score, 'availableDays', m.available::float8, 'academicYear', m.year_label, 'reasons', m.reasons,
        'designation', json_build_object('id', ${globalId('Designation', 'm.id')}, 'person', json_build_object('displayName', m.display_name)))
        ORDER BY m.score DESC, m.available DESC, m.id), '[]')))::text AS body
      FROM (SELECT * FROM scored ORDER BY score DESC, available DESC, id LIMIT 10) m`,
    params: (c) => [c.allianceId, BROKERED_REQUEST_ID],
    rows: (d) => d.brokerMatches.reduce((sum: number, m: any) => sum + 2 + m.reasons.length, 0), // eslint-disable-line @typescript-eslint/no-explicit-any
    // the request, the ranking (one statement), the designations, their people
    edges: 4,
  },
  {
    key: 'deploymentStatistics',
    name: "deploymentStatistics by academic year: one alliance's deployments, days and cost (its coordinator, exact)",
    graphql: `{ deploymentStatistics(groupBy: [ACADEMIC_YEAR]) { total { ${STATISTICS_FIELDS} } groups { academicYear ${STATISTICS_FIELDS} } } }`,
    sql: deploymentsByYear('deploymentStatistics', 'd.alliance_id = $1'),
    params: (c) => [c.allianceId],
    rows: (d) => d.deploymentStatistics.groups.length + 1,
    // the cross-table, from deployment_statistics_cells()
    edges: 1,
    aggregate: true,
  },
  {
    key: 'platformStatistics',
    name: "platformDeploymentStatistics by academic year: every alliance's deployments, days and cost (the platform analyst, suppressed)",
    graphql: `{ platformDeploymentStatistics(groupBy: [ACADEMIC_YEAR]) { total { ${STATISTICS_FIELDS} } groups { academicYear ${STATISTICS_FIELDS} } } }`,
    // No group of the scale dataset's years is small, so suppression hides nothing and the exact figures are the answer.
    sql: deploymentsByYear('platformDeploymentStatistics', 'true'),
    params: () => [],
    rows: (d) => d.platformDeploymentStatistics.groups.length + 1,
    // the cross-table, from platform_deployment_statistics_cells()
    edges: 1,
    caller: 'platformAnalyst',
    aggregate: true,
  },
  {
    key: 'researchProjects',
    name: 'researchProjects(50) with leads, members and their people, schools, areas',
    graphql: `{ researchProjects(first: 50) { totalCount edges { node { id title status methodology keyStages keywords fundingType fundingPence startsOn endsOn slug leads { person { displayName } } members { role person { displayName } } schools { urn name } areasOfExpertise { code name } } } } }`,
    // Most recently changed first, as the service pages it (milliseconds of updated_at, then id); members leads first, then by id (the loader's order).
    sql: `
      WITH hit AS (SELECT * FROM research_projects e WHERE e.alliance_id = $1)
      SELECT json_build_object('data', json_build_object('researchProjects', json_build_object(
        'totalCount', (SELECT count(*) FROM hit),
        'edges', (SELECT coalesce(json_agg(json_build_object('node', json_build_object(
                            'id', ${globalId('ResearchProject', 'p.id')}, 'title', p.title, 'status', p.status, 'methodology', p.methodology,
                            'keyStages', p.key_stages, 'keywords', p.keywords, 'fundingType', p.funding_type, 'fundingPence', p.funding_pence,
                            'startsOn', p.starts_on, 'endsOn', p.ends_on, 'slug', p.slug,
                            'leads', (SELECT coalesce(json_agg(json_build_object('person', json_build_object('displayName', ${PERSON_NAME('pe')})) ORDER BY m.id), '[]')
                                        FROM research_project_members m JOIN people pe ON pe.id = m.person_id WHERE m.project_id = p.id AND m.role = 'LEAD'),
                            'members', (SELECT coalesce(json_agg(json_build_object('role', m.role, 'person', json_build_object('displayName', ${PERSON_NAME('pe')})) ORDER BY m.role, m.id), '[]')
                                          FROM research_project_members m JOIN people pe ON pe.id = m.person_id WHERE m.project_id = p.id),
                            'schools', (SELECT coalesce(json_agg(json_build_object('urn', s.urn, 'name', s.name) ORDER BY rs.position), '[]')
                                          FROM research_project_schools rs JOIN schools s ON s.id = rs.school_id WHERE rs.project_id = p.id),
                            'areasOfExpertise', (SELECT coalesce(json_agg(json_build_object('code', a.code, 'name', a.name) ORDER BY u.n), '[]')
                                                   FROM unnest(p.area_ids) WITH ORDINALITY u(id, n) JOIN areas_of_expertise a ON a.id = u.id)))
                          ORDER BY date_trunc('milliseconds', p.updated_at) DESC, p.id DESC), '[]')
                    FROM (SELECT * FROM hit ORDER BY date_trunc('milliseconds', updated_at) DESC, id DESC LIMIT 50) p))))::text AS body`,
    params: (c) => [c.allianceId],
    rows: (d) => d.researchProjects.edges.reduce((sum: number, e: any) => sum + 1 + e.node.members.length + e.node.schools.length + e.node.areasOfExpertise.length, 0), // eslint-disable-line @typescript-eslint/no-explicit-any
    // the page, its count, the members (leads and members, one loader), their people, the schools' ids, the schools, the areas
    edges: 7,
  },
  {
    key: 'publishedResearch',
    name: `publishedResearch(20, search "${PEDEX_SEARCH}") with snippets, authors, alliance: PedEx's search, anonymous, persisted over GET`,
    graphql: persistedDocument('PedExSearch'),
    variables: { search: PEDEX_SEARCH, first: PEDEX_PAGE },
    // The service's own expressions (rank, snippet) on the same rows: the answer is theirs to the character. Ties of rank go by id, as there.
    sql: `
      WITH hit AS (SELECT p.* FROM research_projects p WHERE p.status = 'PUBLISHED' AND p.visibility = 'PUBLIC' AND p.search @@ ${PEDEX_QUERY}),
      page AS (SELECT p.*, ${PEDEX_RANK} AS rank FROM hit p ORDER BY ${PEDEX_RANK} DESC, p.id ASC LIMIT $2 + 1),
      shown AS (SELECT page.*, row_number() OVER (ORDER BY page.rank DESC, page.id ASC) AS n FROM page)
      SELECT json_build_object('data', json_build_object('publishedResearch', json_build_object(
        'totalCount', (SELECT count(*) FROM hit),
        'pageInfo', json_build_object(
          'hasNextPage', (SELECT count(*) FROM page) > $2,
          'endCursor', (SELECT ${base64url(`'["' || $3 || '","' || $4 || '","' || p.rank::text || '","' || p.id || '"]'`)} FROM shown p WHERE p.n = least($2, (SELECT count(*) FROM page)))),
        'edges', (SELECT coalesce(json_agg(json_build_object('node', json_build_object(
                            'slug', p.slug, 'title', p.title, 'snippet', ${PEDEX_SNIPPET}, 'rank', p.rank::text::numeric, 'publishedOn', p.published_on,
                            'methodology', p.methodology, 'keyStages', p.key_stages, 'keywords', p.keywords,
                            'areasOfExpertise', ARRAY(SELECT a.name FROM areas_of_expertise a WHERE a.id = ANY(p.area_ids) ORDER BY a.position),
                            'journal', json_build_object('title', p.journal_title, 'volume', p.volume, 'issue', p.issue),
                            'alliance', (SELECT json_build_object('name', al.name, 'slug', al.slug) FROM alliances al WHERE al.id = p.alliance_id),
                            'authors', (SELECT coalesce(json_agg(json_build_object('displayName', ra.display_name) ORDER BY ra.position), '[]')
                                          FROM research_authors ra WHERE ra.project_id = p.id AND ra.consent_to_be_named)))
                          ORDER BY p.n), '[]')
                    FROM shown p WHERE p.n <= $2))))::text AS body`,
    params: () => [PEDEX_SEARCH, PEDEX_PAGE, PEDEX_TAG, searchHash(PEDEX_SEARCH)],
    rows: (d) => d.publishedResearch.edges.reduce((sum: number, e: any) => sum + 2 + e.node.authors.length, 0), // eslint-disable-line @typescript-eslint/no-explicit-any
    // the page (with its alliance, areas and snippets), its count, the authors
    edges: 3,
    caller: 'anonymous',
  },
];
