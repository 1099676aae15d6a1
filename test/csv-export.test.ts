import pg from 'pg';
import { parse } from 'csv-parse/sync';
import { Alliance } from '../src/modules/alliances/alliance.entity';
import { School } from '../src/modules/schools/school.entity';
import { MembershipRole } from '../src/modules/users/user-enums';
import { AppServer, createServer } from '../src/server';
import { addMember, createAlliance, createSchool } from './factories';
import { createPerson, createUser, TestUser } from './factories/users';
import { GraphQLBody, listen } from './helpers/http';
import { silentLogger, startTestServer, TestServer, verifyTestToken } from './helpers/server';

/**
 * Issue 12, item 7: a root connection as CSV over real HTTP, against PostgreSQL. The export runs
 * each page as /graphql would, so every comparison here is with the query's own answer.
 */
describe('CSV exports', () => {
  let t: TestServer;
  let http: Awaited<ReturnType<typeof listen>>;
  let alliance: Alliance;
  let ownSchool: School;
  let otherSchool: School;
  let coordinator: TestUser;
  let head: TestUser;
  let analyst: TestUser;

  const PEOPLE = `query People($first: Int, $after: String) {
    people(first: $first, after: $after, orderBy: { field: NAME, direction: ASC }) {
      edges { node { id givenName familyName email phone school { name urn } } }
    }
  }`;
  const COLUMNS = ['id', 'givenName', 'familyName', 'email', 'phone', 'school.name', 'school.urn'];

  beforeAll(async () => {
    t = await startTestServer();
    http = await listen(t.server);
    const em = t.db.dataSource.manager;
    alliance = await createAlliance(em);
    ownSchool = await createSchool(em, { name: 'Own Primary' });
    otherSchool = await createSchool(em, { name: 'Other, "Quoted" Academy' });
    await addMember(em, alliance, ownSchool);
    await addMember(em, alliance, otherSchool);
    coordinator = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
    head = await createUser(em, { memberships: [{ alliance, role: MembershipRole.SCHOOL_LEAD, school: ownSchool }] });
    analyst = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ANALYST }] });
    for (let i = 0; i < 6; i++) {
      await createPerson(em, alliance, { givenName: `Staff${i}`, familyName: `Member${i}`, schoolId: (i % 2 ? otherSchool : ownSchool).id, email: `staff${i}@school.invalid` });
    }
    // Cells a spreadsheet would run as formulas.
    await createPerson(em, alliance, { givenName: '=HYPERLINK("http://evil.invalid","open")', familyName: '+SUM(1,2)', jobTitle: null, email: 'formula@school.invalid', phone: '-2+3', schoolId: ownSchool.id });
    await createPerson(em, alliance, { givenName: '@cmd', familyName: 'Plain', email: null, phone: null, schoolId: null });
  });
  afterAll(() => t.close());

  const auth = (user: TestUser) => ({ authorization: `Bearer ${user.token}` });
  const exportCsv = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${http.base}/graphql/export.csv`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const rowsOf = async (response: Response): Promise<string[][]> => parse(await response.text(), { bom: true }) as string[][];

  /** What a spreadsheet is given for a value the query answers. */
  const cell = (value: unknown) => {
    if (value === null || value === undefined) return '';
    const text = String(value);
    return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  };
  /** Every page of the query, as /graphql answers it, in rows. */
  async function queryRows(user: TestUser, first: number): Promise<string[][]> {
    const rows: string[][] = [];
    let after: string | null = null;
    for (;;) {
      const body: GraphQLBody = await http.gql({ query: PEOPLE.replace('edges {', 'pageInfo { hasNextPage endCursor } edges {'), variables: { first, after } }, auth(user));
      expect(body.errors).toBeUndefined();
      for (const { node } of body.data.people.edges) {
        rows.push([node.id, node.givenName, node.familyName, node.email, node.phone, node.school?.name, node.school?.urn].map(cell));
      }
      if (!body.data.people.pageInfo.hasNextPage) return rows;
      after = body.data.people.pageInfo.endCursor;
    }
  }

  it("gives a coordinator the staff list, page after page, equal to the query's pages put together", async () => {
    const response = await exportCsv({ query: PEOPLE, variables: { first: 3 }, operationName: 'People' }, auth(coordinator));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="people.csv"');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    // A byte order mark, so that a spreadsheet reads UTF-8; records end with CRLF (RFC 4180).
    const bytes = Buffer.from(await response.clone().arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = bytes.toString('utf8');
    expect(text.slice(1).startsWith('id,givenName,')).toBe(true);
    expect(text).toContain('\r\n');
    const [header, ...rows] = await rowsOf(response);
    expect(header).toEqual(COLUMNS);
    // Eight records, three a page: three pages.
    expect(rows).toHaveLength(8);
    expect(rows).toEqual(await queryRows(coordinator, 3));
    expect(rows).toEqual(await queryRows(coordinator, 100));
  });

  it('neutralises cells a spreadsheet would run as formulas, and quotes what CSV needs quoted', async () => {
    const rows = await rowsOf(await exportCsv({ query: PEOPLE }, auth(coordinator)));
    const formula = rows.find((r) => r[3] === 'formula@school.invalid')!;
    expect(formula.slice(1, 5)).toEqual(["'=HYPERLINK(\"http://evil.invalid\",\"open\")", "'+SUM(1,2)", 'formula@school.invalid', "'-2+3"]);
    expect(rows.find((r) => r[2] === 'Plain')!.slice(1, 7)).toEqual(["'@cmd", 'Plain', '', '', '', '']);
    expect(rows.filter((r) => r[5] === 'Other, "Quoted" Academy')).toHaveLength(3);
  });

  it('exports shared reference data too: schools, with lists joined and dotted columns', async () => {
    const query = `{ schools(first: 100) { edges { node { urn name allianceMemberships { edges { node { alliance { slug } } } } } } } }`;
    const response = await exportCsv({ query }, auth(coordinator));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="schools.csv"');
    const [header, ...rows] = await rowsOf(response);
    expect(header).toEqual(['urn', 'name', 'allianceMemberships.edges.node.alliance.slug']);
    const answer = await http.gql({ query: query.replace('edges {', 'totalCount edges {') }, auth(coordinator));
    expect(rows).toHaveLength(answer.data.schools.totalCount);
    expect(rows.find((r) => r[0] === ownSchool.urn)).toEqual([ownSchool.urn, 'Own Primary', alliance.slug]);
  });

  it("shows a head the query's redactions: no contact details of other schools' staff", async () => {
    const [header, ...rows] = await rowsOf(await exportCsv({ query: PEOPLE, variables: { first: 4 } }, auth(head)));
    expect(header).toEqual(COLUMNS);
    expect(rows).toEqual(await queryRows(head, 100));
    const other = rows.filter((r) => r[5] === 'Other, "Quoted" Academy');
    expect(other).toHaveLength(3);
    for (const row of other) expect([row[3], row[4]]).toEqual(['', '']);
    expect(rows.filter((r) => r[5] === 'Own Primary').every((r) => r[3].endsWith('@school.invalid'))).toBe(true);
  });

  it('refuses an analyst the staff list with 403, in the words the query uses', async () => {
    const query = await http.gql({ query: PEOPLE }, auth(analyst));
    expect(query.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const response = await exportCsv({ query: PEOPLE }, auth(analyst));
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as GraphQLBody;
    // The export's document is the query rewritten for paging: positions in it would mislead, and are left out.
    expect(body.errors).toEqual(query.errors!.map((error) => ({ ...error, locations: undefined })).map(({ locations: _locations, ...error }) => error));
    // What an analyst may query, an analyst may export.
    const schools = await exportCsv({ query: '{ schools(first: 100) { edges { node { urn name } } } }' }, auth(analyst));
    expect(schools.status).toBe(200);
    expect((await rowsOf(schools)).slice(1)).toContainEqual([ownSchool.urn, 'Own Primary']);
  });

  it('refuses callers as /graphql does: 401 without a token or with a bad one, 403 for an alliance not theirs', async () => {
    const anonymous = await exportCsv({ query: PEOPLE });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const bad = await exportCsv({ query: PEOPLE }, { authorization: 'Bearer a.b.c' });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as GraphQLBody).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const elsewhere = await exportCsv({ query: PEOPLE }, { ...auth(coordinator), 'x-alliance-id': '00000000-0000-4000-8000-000000000000' });
    expect(elsewhere.status).toBe(403);
  });

  it('refuses with 400 what is not one root connection of a query, and runs nothing of it', async () => {
    const count = async () => Number((await t.db.dataSource.query('SELECT count(*) AS n FROM people'))[0].n);
    const before = await count();
    const cases: [string, string][] = [
      ['mutation { createPerson(input: { givenName: "Made", familyName: "ByExport" }) { person { id } } }', 'BAD_REQUEST'],
      ['{ people { edges { node { id } } } schools { edges { node { urn } } } }', 'BAD_REQUEST'],
      [`{ school(urn: "${ownSchool.urn}") { name } }`, 'BAD_REQUEST'],
      ['{ people { totalCount } }', 'BAD_REQUEST'],
      ['{ ...F } fragment F on Query { people { edges { node { id } } } }', 'BAD_REQUEST'],
      ['{ people { edges { node { id } }', 'GRAPHQL_PARSE_FAILED'],
      ['{ nobody { edges { node { id } } } }', 'GRAPHQL_VALIDATION_FAILED'],
    ];
    for (const [query, code] of cases) {
      const response = await exportCsv({ query }, auth(coordinator));
      expect([query, response.status]).toEqual([query, 400]);
      expect([query, ((await response.json()) as GraphQLBody).errors?.[0].extensions?.code]).toEqual([query, code]);
    }
    expect(await count()).toBe(before);
    const get = await fetch(`${http.base}/graphql/export.csv?query=${encodeURIComponent(PEOPLE)}`, { headers: auth(coordinator) });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it("applies the query's limits: an over-complex export is refused before any of its SQL runs", async () => {
    const query = `{ people(first: 100) { edges { node { school { allianceMemberships(first: 100) { edges { node { alliance {
      memberSchools(first: 100) { totalCount } } } } } } } } } }`;
    const statements: string[] = [];
    const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      statements.push(typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string } | undefined)?.text));
      return original.apply(this, args);
    };
    let response: Response;
    try {
      response = await exportCsv({ query }, auth(coordinator));
    } finally {
      proto.query = original;
    }
    expect(response.status).toBe(400);
    const body = (await response.json()) as GraphQLBody;
    expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0].message).toMatch(/too complex/i);
    // The caller was identified (users, memberships); no list was read.
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.filter((s) => /\b(people|schools|school_memberships)\b/.test(s))).toEqual([]);
  });

  it('ends every request transaction: after refusals, exports and a client gone mid-export, nothing is left open', async () => {
    // A client that reads the first bytes of a many-page export, then goes away.
    const controller = new AbortController();
    const response = await fetch(`${http.base}/graphql/export.csv`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth(coordinator) },
      body: JSON.stringify({ query: PEOPLE, variables: { first: 1 } }),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const open = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`);
    expect(open).toEqual([{ n: 0 }]);
    // And the pool still serves an export.
    expect((await exportCsv({ query: PEOPLE }, auth(coordinator))).status).toBe(200);
  });

  describe('with a cap on rows', () => {
    let capped: AppServer;
    let base: string;
    beforeAll(async () => {
      capped = await createServer({ dataSource: t.db.dataSource, config: { NODE_ENV: 'production', CORS_ORIGINS: [] }, logger: silentLogger, verifyToken: verifyTestToken, exportMaxRows: 5 });
      base = (await listen(capped)).base;
    });
    afterAll(() => capped.stop());
    const post = (body: unknown) => fetch(`${base}/graphql/export.csv`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth(coordinator) }, body: JSON.stringify(body) });

    it('refuses, before the first byte, an export longer than the cap, saying so', async () => {
      const response = await post({ query: PEOPLE });
      expect(response.status).toBe(400);
      const body = (await response.json()) as GraphQLBody;
      expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST', rows: 8, maxRows: 5 } });
      expect(body.errors?.[0].message).toMatch(/narrow it with a filter/);
      // Within the cap, it is served.
      const filtered = await post({ query: PEOPLE.replace('people(first: $first, after: $after,', 'people(first: $first, after: $after, filter: { schoolId: $school },').replace('$after: String)', `$after: String, $school: ID)`), variables: { school: Buffer.from(`School:${otherSchool.id}`).toString('base64url') } });
      expect(filtered.status).toBe(200);
      expect(await rowsOf(filtered)).toHaveLength(1 + 3);
    });

    it('aborts, after the first byte, an export that passes the cap: the client sees a truncated transfer, not a complete file', async () => {
      // Started after a cursor, the export is not counted up front; the cap stops it mid-stream.
      const first = await http.gql({ query: PEOPLE.replace('edges {', 'pageInfo { endCursor } edges {'), variables: { first: 1 } }, auth(coordinator));
      const response = await post({ query: PEOPLE, variables: { first: 2, after: first.data.people.pageInfo.endCursor } });
      expect(response.status).toBe(200);
      await expect(response.text()).rejects.toThrow();
    });
  });
});
