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
}

export interface ReferenceContext {
  /** The acting alliance of the benchmark's user (an ALLIANCE_ADMIN). */
  allianceId: string;
}

const CURRENT = (m: string) => `(${m}.starts_on <= current_date AND (${m}.ends_on IS NULL OR ${m}.ends_on >= current_date))`;
const codeName = (code: string, name: string) => `CASE WHEN ${code} IS NULL THEN NULL ELSE json_build_object('code', ${code}, 'name', ${name}) END`;
const globalId = (type: string, id: string) => `translate(encode(convert_to('${type}:' || ${id}, 'UTF8'), 'base64'), '+/=', '-_')`;

export const SEARCH = 'primary';

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
];
