import { PUBLIC_ROLE, RUNTIME_ROLE } from '../migrations/support/row-level-security';
import { cursorTag, encodeCursor } from '../src/common/connection';
import { toGlobalId } from '../src/common/global-id';
import { Alliance } from '../src/modules/alliances/alliance.entity';
import { Person } from '../src/modules/people/person.entity';
import { ResearchAuthor } from '../src/modules/research/research-author.entity';
import { ResearchStatus } from '../src/modules/research/research-enums';
import { School } from '../src/modules/schools/school.entity';
import { MembershipRole } from '../src/modules/users/user-enums';
import { addMember, createAlliance, createSchool } from './factories';
import { createResearchProject, PUBLICATION, seedResearch } from './factories/research';
import { createPerson, createUser, TestUser } from './factories/users';
import { callsAs, Data, silentLogger, startTestServer, TestServer, verifyTestToken } from './helpers/server';
import { createTestDatabase, TestDatabase } from './helpers/database';
import { listen } from './helpers/http';
import { AppServer, createServer } from '../src/server';
import manifest from '../operations/generated/pedex/persisted-documents.json';

/**
 * Issue 11 at its edges: forged cursors, ranking against repetition, the audit of who is named, large
 * sums of pence, what a lead and an anonymous caller may do in SQL at the second wall, and odd paths.
 */

const LIST = `query($search: String, $orderBy: PublishedResearchOrder, $first: Int, $after: String) {
  publishedResearch(search: $search, orderBy: $orderBy, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor } edges { node { slug rank } } } }`;

describe('research and PedEx at their edges', () => {
  let t: TestServer;
  let alliance: Alliance;
  let school: School;
  let coordinator: TestUser;
  let lead: TestUser;
  let leadPerson: Person;
  const { run } = callsAs(() => t);
  const em = () => t.db.dataSource.manager;

  /** Runs `sql` as the runtime role with the settings of a request. */
  const asRuntime = <T = Data[]>(settings: { role: string; allianceId?: string; userId?: string; personId?: string; schoolId?: string }, sql: string, params: unknown[] = []): Promise<T> =>
    t.db.dataSource.transaction(async (m) => {
      // As the request would run: anonymous callers as the public reader, everyone else as the runtime role.
      await m.query(`SET LOCAL ROLE ${settings.role === 'ANONYMOUS' ? PUBLIC_ROLE : RUNTIME_ROLE}`);
      await m.query(
        `SELECT set_config('app.alliance_id', $1, true), set_config('app.role', $2, true), set_config('app.user_id', $3, true), set_config('app.school_id', $4, true), set_config('app.person_id', $5, true)`,
        [settings.allianceId ?? '', settings.role, settings.userId ?? '', settings.schoolId ?? '', settings.personId ?? ''],
      );
      return m.query(sql, params);
    });

  beforeAll(async () => {
    t = await startTestServer();
    alliance = await createAlliance(em(), { slug: 'rv-romero', name: 'RV Romero' });
    school = await createSchool(em());
    await addMember(em(), alliance, school);
    coordinator = await createUser(em(), { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
    leadPerson = await createPerson(em(), alliance);
    lead = await createUser(em(), { memberships: [{ alliance, role: MembershipRole.PRACTITIONER, person: leadPerson }] });
    for (const [i, title] of ['Retrieval practice in Year 6', 'Teachers and retrieval', 'Homework'].entries()) {
      const p = await createResearchProject(em(), alliance, { ...PUBLICATION(`rv-${i}`), title, abstract: 'Teachers tried retrieval practice.', publishedOn: `2025-0${i + 1}-01` });
      await em().getRepository(ResearchAuthor).insert({ allianceId: alliance.id, projectId: p.id, position: 1, displayName: 'Ada Lovelace', consentToBeNamed: true });
    }
  });
  afterAll(() => t.close());

  describe('crafted cursors of the public list', () => {
    const code = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.code ?? 'OK';

    it('refuses a NEWEST cursor holding an impossible date as BAD_USER_INPUT, not INTERNAL_SERVER_ERROR', async () => {
      const tag = cursorTag('published_research|NEWEST');
      for (const date of ['2024-02-30', '2023-02-29', '0000-01-01']) {
        const after = encodeCursor(tag, [date, '00000000-0000-4000-8000-000000000000']);
        const result = await t.execute<Data, Record<string, unknown>>(LIST, { after }, { as: 'anonymous' });
        expect(`${date}: ${code(result)}`).toMatch(new RegExp(`^${date}: (OK|BAD_USER_INPUT)$`));
      }
    });

    it('refuses a RELEVANCE cursor holding a rank no real can hold as BAD_USER_INPUT, not INTERNAL_SERVER_ERROR', async () => {
      const tag = cursorTag('published_research|RELEVANCE');
      // The search's hash, as the service computes it.
      const { createHash } = await import('node:crypto');
      const searchHash = createHash('sha256').update('retrieval').digest('base64url').slice(0, 12);
      for (const rank of ['1e999', '1e-999', '-1e300']) {
        const after = encodeCursor(tag, [searchHash, rank, '00000000-0000-4000-8000-000000000000']);
        const result = await t.execute<Data, Record<string, unknown>>(LIST, { search: 'retrieval', after }, { as: 'anonymous' });
        expect(`${rank}: ${code(result)}`).toMatch(new RegExp(`^${rank.replace(/[+.]/g, '\\$&')}: (OK|BAD_USER_INPUT)$`));
      }
    });
  });

  describe('search', () => {
    it('ranks a project whose title matches above one that only mentions the word in its abstract, however often', async () => {
      await createResearchProject(em(), alliance, { ...PUBLICATION('rv-title-metacognition'), title: 'Metacognition in Year 4', abstract: 'Pupils planned, monitored and evaluated their own learning.' });
      await createResearchProject(em(), alliance, {
        ...PUBLICATION('rv-abstract-metacognition'), title: 'Homework habits',
        abstract: 'Metacognition matters. We taught metacognition explicitly; metacognition talk grew; metacognition prompts helped; metacognition scores rose; metacognition stuck.',
      });
      const result = await t.execute<Data, Record<string, unknown>>(LIST, { search: 'metacognition' }, { as: 'anonymous' });
      expect(result.errors).toBeUndefined();
      expect(result.data!.publishedResearch.edges.map((e: Data) => e.node.slug)).toEqual(['rv-title-metacognition', 'rv-abstract-metacognition']);
    });
  });

  describe('publication', () => {
    const PUBLISH = `mutation($input: PublishResearchProjectInput!) { publishResearchProject(input: $input) { researchProject { id slug } } }`;

    it('audits who is named and who consented: the authors written at publication are in the audit trail', async () => {
      const p = await createResearchProject(em(), alliance, { title: 'Audited authors', abstract: 'x', keywords: ['k'], status: ResearchStatus.ACCEPTED }, leadPerson);
      const result = await run(PUBLISH, { input: {
        projectId: toGlobalId('ResearchProject', p.id), volume: '1', issue: '1', publishedOn: '2025-06-30', doi: '10.5555/rv.audit', licence: 'CC-BY-4.0',
        authors: [{ displayName: 'Consenting Author', consentToBeNamed: true }, { displayName: 'Withheld Author', consentToBeNamed: false }],
      } }, coordinator);
      expect(result.errors).toBeUndefined();
      const audit = await t.db.dataSource.query(`SELECT action, changes FROM audit_events WHERE object_id = $1`, [p.id]);
      expect(JSON.stringify(audit)).toContain('Withheld Author');
    });
  });

  describe('the research budget', () => {
    const CREATE = `mutation($input: CreateResearchProjectInput!) { createResearchProject(input: $input) { researchProject { id } } }`;
    const FUNDING = `query($y: AcademicYear!) { researchFunding(academicYear: $y) { budgetPence committedPence remainingPence projectCount } }`;

    it('reports the committed funding of a year whatever its size, not an internal error (pence beyond a 32-bit Int)', async () => {
      for (const n of [1, 2]) {
        const result = await run(CREATE, { input: {
          title: `Large grant ${n}`, methodology: 'RCT', leadIds: [toGlobalId('Person', leadPerson.id)],
          funding: { type: 'OTHER', pence: 2_000_000_000, academicYear: '2031/32' }, budgetOverrideReason: 'Endowment',
        } }, coordinator);
        expect(result.errors).toBeUndefined();
      }
      const result = await run(FUNDING, { y: '2031/32' }, coordinator);
      expect(result.errors?.[0]?.extensions?.code ?? 'OK').toBe('OK');
    });
  });

  describe('the second wall', () => {
    it("lets no Lead Practitioner approve their own PROPOSED project by UPDATE (only the coordinator approves; the insert policy says so)", async () => {
      const p = await createResearchProject(em(), alliance, { title: 'Self-approval' }, leadPerson);
      await asRuntime({ role: 'PRACTITIONER', allianceId: alliance.id, userId: lead.user.id, personId: leadPerson.id },
        `UPDATE research_projects SET status = 'APPROVED' WHERE id = $1`, [p.id]).catch(() => undefined);
      expect((await t.db.dataSource.query(`SELECT status FROM research_projects WHERE id = $1`, [p.id]))[0].status).toBe('PROPOSED');
    });

    it('refuses an interest sent while the coordinator closes the call: it waits for the closing, then sees it', async () => {
      const [call] = await t.db.dataSource.query(
        `INSERT INTO research_calls (alliance_id, title, academic_year, funding_type, funding_pence, closes_on) VALUES ($1, 'Race', 2026, 'TLR3', 1000, '2099-01-01') RETURNING id`, [alliance.id]);
      const closing = t.db.dataSource.createQueryRunner();
      await closing.connect();
      await closing.startTransaction();
      await closing.query(`SELECT id FROM research_calls WHERE id = $1 FOR UPDATE`, [call.id]);
      await closing.query(`UPDATE research_calls SET status = 'CLOSED' WHERE id = $1`, [call.id]);
      const interest = asRuntime({ role: 'PRACTITIONER', allianceId: alliance.id, personId: leadPerson.id, userId: lead.user.id },
        `INSERT INTO research_interests (alliance_id, call_id, person_id, statement, submitted_on) VALUES ($1, $2, $3, 'Me', current_date)`, [alliance.id, call.id, leadPerson.id]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await closing.commitTransaction();
      await closing.release();
      await expect(interest).rejects.toThrow(/call is closed/);
      expect(await t.db.dataSource.query(`SELECT id FROM research_interests WHERE call_id = $1`, [call.id])).toEqual([]);
    });

    it('lets no Lead Practitioner publish their own project to the public by UPDATE, bypassing the gate and the coordinator', async () => {
      const p = await createResearchProject(em(), alliance, { title: 'Self-published', abstract: 'Mine.', keywords: ['k'], status: ResearchStatus.IN_PROGRESS }, leadPerson);
      await asRuntime({ role: 'PRACTITIONER', allianceId: alliance.id, userId: lead.user.id, personId: leadPerson.id },
        `UPDATE research_projects SET status = 'PUBLISHED', visibility = 'PUBLIC', slug = 'self-published', journal_title = 'PedEx', volume = '1', issue = '1',
           published_on = '2025-01-01', url = 'https://example.org/x', licence = 'CC-BY-4.0' WHERE id = $1`, [p.id]).catch(() => undefined);
      const anonymous = await asRuntime({ role: 'ANONYMOUS' }, `SELECT title FROM research_projects WHERE id = $1`, [p.id]);
      expect(anonymous).toEqual([]);
    });

    it('gives the anonymous runtime role no funding, call, presenter or staff-record column of published rows', async () => {
      const other = await createAlliance(em(), { slug: 'rv-seeded' });
      const s = await createSchool(em());
      await addMember(em(), other, s);
      const person = await createPerson(em(), other);
      const { published } = await seedResearch(em(), other, person, s, 'RVSEED');
      const rows = await asRuntime({ role: 'ANONYMOUS' }, `SELECT funding_pence, funding_type, call_id, research_question FROM research_projects WHERE id = $1`, [published.id]).catch((e: Error) => e);
      const presenters = await asRuntime({ role: 'ANONYMOUS' }, `SELECT presenter_person_ids FROM conference_presentations WHERE project_id = $1`, [published.id]).catch((e: Error) => e);
      // Either refused (column privileges) or nothing of them: the funding (123456 pence) and the presenter (a staff id) are not public.
      expect(JSON.stringify(rows)).not.toContain('123456');
      expect(JSON.stringify(presenters)).not.toContain(person.id);
    });
  });
});

describe('PedEx over HTTP in production, at its edges', () => {
  let db: TestDatabase;
  let production: AppServer;
  let base: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    production = await createServer({ dataSource: db.dataSource, config: { NODE_ENV: 'production', CORS_ORIGINS: [], ANONYMOUS_PERSISTED_ONLY: true }, logger: silentLogger, verifyToken: verifyTestToken });
    base = (await listen(production)).base;
  });
  afterAll(async () => {
    await production?.stop();
    await db?.drop();
  });

  it('answers a request whose path after /graphql starts with "//" as the caller\'s mistake or as usual, never a 500', async () => {
    const documentId = Object.keys(manifest)[0];
    for (const path of ['/graphql//', '/graphql///x']) {
      const response = await fetch(`${base}${path}?documentId=${encodeURIComponent(documentId)}&variables=${encodeURIComponent('{"slug":"x"}')}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect(`${path} ${response.status}`).toMatch(new RegExp(`^${path} [234]\\d\\d$`));
    }
  });
});
