import { toGlobalId } from '../src/common/global-id';
import { Alliance } from '../src/modules/alliances/alliance.entity';
import { Person } from '../src/modules/people/person.entity';
import { TRANSITIONS } from '../src/modules/research/lifecycle';
import { ResearchFundingType, ResearchMemberRole, ResearchStatus } from '../src/modules/research/research-enums';
import { ResearchProjectMember } from '../src/modules/research/research-project-member.entity';
import { School } from '../src/modules/schools/school.entity';
import { MembershipRole } from '../src/modules/users/user-enums';
import { addMember, createAlliance, createSchool } from './factories';
import { areaId } from './factories/designations';
import { createResearchProject, PUBLICATION } from './factories/research';
import { createPerson, createUser, TestUser } from './factories/users';
import { callsAs, Data, startTestServer, TestServer } from './helpers/server';

/** Issue 11: the R&D database through the GraphQL API, and its second wall. */

const PROJECT_FIELDS = `id title status version methodology keywords keyStages startsOn endsOn fundingType fundingPence fundingAcademicYear slug
  members { role person { id displayName } } leads { person { id } } schools { urn } commissionedBySchool { urn } areasOfExpertise { code } call { id } nextMoves { to mutation }`;
const CREATE = `mutation($input: CreateResearchProjectInput!) { createResearchProject(input: $input) { researchProject { ${PROJECT_FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateResearchProjectInput!) { updateResearchProject(input: $input) { researchProject { ${PROJECT_FIELDS} } } }`;
const MOVE = `mutation($input: TransitionResearchProjectInput!) { transitionResearchProject(input: $input) { researchProject { id status version } } }`;
const LIST = `query($filter: ResearchProjectFilter, $first: Int, $after: String, $orderBy: [ResearchProjectOrder!]) {
  researchProjects(filter: $filter, first: $first, after: $after, orderBy: $orderBy) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title } } } }`;
const BUDGET = `mutation($input: SetResearchBudgetInput!) { setResearchBudget(input: $input) { researchFunding { budgetPence committedPence remainingPence } } }`;

describe('the R&D database', () => {
  let t: TestServer;
  let alliance: Alliance;
  let schoolA: School;
  let schoolB: School;
  let outsider: School;
  let coordinator: TestUser;
  let head: TestUser;
  let analyst: TestUser;
  let lpPerson: Person;
  let lp: TestUser;
  let otherPerson: Person;
  let other: TestUser;
  let colleague: Person;

  const { run, ok, refused } = callsAs(() => t);
  const em = () => t.db.dataSource.manager;
  const pid = (p: { id: string }) => toGlobalId('Person', p.id);
  const rowId = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];
  const counts = async () =>
    Promise.all(['research_projects', 'research_project_members', 'research_project_schools', 'audit_events'].map(async (table) =>
      (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE alliance_id = $1`, [alliance.id]))[0].n as number));

  beforeAll(async () => {
    t = await startTestServer();
    alliance = await createAlliance(em());
    schoolA = await createSchool(em());
    schoolB = await createSchool(em());
    outsider = await createSchool(em());
    await addMember(em(), alliance, schoolA);
    await addMember(em(), alliance, schoolB);
    coordinator = await createUser(em(), { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
    head = await createUser(em(), { memberships: [{ alliance, role: MembershipRole.SCHOOL_LEAD, school: schoolA }] });
    analyst = await createUser(em(), { memberships: [{ alliance, role: MembershipRole.ANALYST }] });
    lpPerson = await createPerson(em(), alliance, { schoolId: schoolA.id });
    lp = await createUser(em(), { memberships: [{ alliance, role: MembershipRole.PRACTITIONER, person: lpPerson }] });
    otherPerson = await createPerson(em(), alliance, { schoolId: schoolB.id });
    other = await createUser(em(), { memberships: [{ alliance, role: MembershipRole.PRACTITIONER, person: otherPerson }] });
    colleague = await createPerson(em(), alliance, { schoolId: schoolB.id });
    await ok(BUDGET, { input: { academicYear: '2025/26', budgetPence: 1_000_000 } }, coordinator);
  });
  afterAll(() => t.close());

  describe('createResearchProject', () => {
    it('lets the coordinator record a project with its people, schools, commissioning, funding, areas, key stages, keywords and dates, PROPOSED and audited', async () => {
      const before = await counts();
      const data = await ok(CREATE, {
        input: {
          title: '  Retrieval practice in Year 5  ', methodology: 'ACTION_RESEARCH', leadIds: [pid(lpPerson)], contributorIds: [pid(colleague)],
          schools: [{ id: toGlobalId('School', schoolB.id) }, { urn: schoolA.urn }], commissionedBySchool: { urn: schoolA.urn },
          funding: { type: 'TLR3', pence: 150000, academicYear: '2025/26' }, areas: ['Maths', 'More Able'], keyStages: ['KS2', 'KS2', 'KS1'],
          keywords: [' Retrieval ', 'retrieval', 'Quizzing', 'RETRIEVAL'], startsOn: '2025-09-01', endsOn: '2026-07-20',
        },
      }, coordinator);
      const p = data.createResearchProject.researchProject;
      expect(p).toMatchObject({
        title: 'Retrieval practice in Year 5', status: 'PROPOSED', version: 1, keywords: ['Retrieval', 'Quizzing'], keyStages: ['KS2', 'KS1'],
        fundingType: 'TLR3', fundingPence: 150000, fundingAcademicYear: '2025/26', slug: null, call: null,
        schools: [{ urn: schoolB.urn }, { urn: schoolA.urn }], commissionedBySchool: { urn: schoolA.urn }, areasOfExpertise: [{ code: 'MATHS' }, { code: 'MOST_ABLE' }],
        members: [{ role: 'LEAD', person: { id: pid(lpPerson) } }, { role: 'CONTRIBUTOR', person: { id: pid(colleague) } }], leads: [{ person: { id: pid(lpPerson) } }],
      });
      expect(p.nextMoves.map((m: Data) => m.to).sort()).toEqual(['APPROVED', 'WITHDRAWN']);
      const after = await counts();
      expect(after.map((n, i) => n - before[i])).toEqual([1, 2, 2, 2]);
      const audit = await t.db.dataSource.query(`SELECT action, changes FROM audit_events WHERE object_id = $1 ORDER BY occurred_at, id`, [rowId(p.id)]).catch(() =>
        t.db.dataSource.query(`SELECT action, changes FROM audit_events WHERE object_id = $1`, [rowId(p.id)]));
      expect(audit.map((a: Data) => a.action)).toEqual(['createResearchProject', 'createResearchProject']);
      expect(JSON.stringify(audit)).toContain('leadIds');
    });

    it('makes the practitioner who proposes a project its lead, PROPOSED, and they cannot approve it; the coordinator does', async () => {
      const data = await ok(CREATE, { input: { title: 'Oracy in KS1', methodology: 'LESSON_STUDY', contributorIds: [pid(colleague)] } }, lp);
      const p = data.createResearchProject.researchProject;
      expect(p).toMatchObject({ status: 'PROPOSED', members: [{ role: 'LEAD', person: { id: pid(lpPerson) } }, { role: 'CONTRIBUTOR', person: null }] });
      expect(p.nextMoves).toEqual([{ to: 'WITHDRAWN', mutation: 'transitionResearchProject' }]);
      const refusal = await refused(MOVE, { input: { projectId: p.id, to: 'APPROVED', expectedVersion: 1 } }, lp);
      expect(refusal.extensions.code).toBe('FORBIDDEN');
      const moved = await ok(MOVE, { input: { projectId: p.id, to: 'APPROVED', expectedVersion: 1 } }, coordinator);
      expect(moved.transitionResearchProject.researchProject).toMatchObject({ status: 'APPROVED', version: 2 });
    });

    it('leaves funding and commissioning to the coordinator', async () => {
      const before = await counts();
      const funded = await refused(CREATE, { input: { title: 'x', methodology: 'SURVEY', funding: { type: 'BURSARY', pence: 1, academicYear: '2025/26' } } }, lp);
      expect(funded).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect(funded.message).toContain('input.funding');
      const commissioned = await refused(CREATE, { input: { title: 'x', methodology: 'SURVEY', commissionedBySchool: { urn: schoolA.urn } } }, lp);
      expect(commissioned.extensions.code).toBe('FORBIDDEN');
      expect(await counts()).toEqual(before);
    });

    it('is refused to heads and analysts', async () => {
      for (const user of [head, analyst]) expect((await refused(CREATE, { input: { title: 'x', methodology: 'SURVEY', leadIds: [pid(lpPerson)] } }, user)).extensions.code).toBe('FORBIDDEN');
    });

    it.each([
      [{ areas: ['Basket weaving'] }, 'input.areas[0]'],
      [{ startsOn: '2026-01-01', endsOn: '2025-12-31' }, 'input.endsOn'],
      [{ funding: { type: 'TLR3', pence: -1, academicYear: '2025/26' } }, 'input.funding.pence'],
      [{ funding: { type: 'TLR3', pence: 1, academicYear: '1999/00' } }, 'input.funding.academicYear'],
      [{ leadIds: ['SCHOOL'] }, 'input.leadIds[0]'],
      [{ contributorIds: ['LEAD'] }, 'input.contributorIds[0]'],
      [{ leadIds: ['UNKNOWN'] }, 'input.leadIds[0]'],
      [{ leadIds: [] }, 'input.leadIds'],
      [{ title: 'x'.repeat(10_000) }, 'input.title'],
      [{ title: '   ' }, 'input.title'],
      [{ schools: [{ urn: 'OUTSIDER' }] }, 'input.schools[0].urn'],
      [{ schools: [{ urn: '12' }] }, 'input.schools[0].urn'],
      [{ schools: [{}] }, 'input.schools[0]'],
      [{ keywords: ['ok', '  '] }, 'input.keywords[1]'],
    ].map(([g, f]) => [f, g]) as [string, Record<string, unknown>][])('refuses bad input, naming %s, and writes nothing', async (field, given) => {
      const input: Record<string, unknown> = { title: 'Valid', methodology: 'CASE_STUDY', leadIds: [pid(lpPerson)], ...given };
      if (JSON.stringify(given.leadIds) === '["SCHOOL"]') input.leadIds = [toGlobalId('School', schoolA.id)];
      if (JSON.stringify(given.leadIds) === '["UNKNOWN"]') input.leadIds = [toGlobalId('Person', '00000000-0000-4000-8000-000000000000')];
      if (JSON.stringify(given.contributorIds) === '["LEAD"]') input.contributorIds = [pid(lpPerson)];
      if (JSON.stringify(given.schools) === '[{"urn":"OUTSIDER"}]') input.schools = [{ urn: outsider.urn }];
      const before = await counts();
      const error = await refused(CREATE, { input }, coordinator);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await counts()).toEqual(before);
    });

    it('takes a person of another alliance as unknown', async () => {
      const foreign = await createPerson(em(), await createAlliance(em()));
      const error = await refused(CREATE, { input: { title: 'x', methodology: 'RCT', leadIds: [pid(lpPerson)], contributorIds: [pid(foreign)] } }, coordinator);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contributorIds[0]' });
    });
  });

  describe('updateResearchProject', () => {
    it('lets a lead change their project, replacing the lists given, at the version they read', async () => {
      const project = await createResearchProject(em(), alliance, { title: 'Before' }, lpPerson);
      const id = toGlobalId('ResearchProject', project.id);
      const data = await ok(UPDATE, { input: { projectId: id, expectedVersion: 1, title: 'After', contributorIds: [pid(colleague)], schools: [{ urn: schoolA.urn }], keywords: ['a', 'A', 'b'] } }, lp);
      expect(data.updateResearchProject.researchProject).toMatchObject({
        title: 'After', version: 2, keywords: ['a', 'b'], schools: [{ urn: schoolA.urn }], members: [{ role: 'LEAD' }, { role: 'CONTRIBUTOR' }],
      });
      // A change of the lists alone is a new version too.
      const lists = await ok(UPDATE, { input: { projectId: id, expectedVersion: 2, contributorIds: [] } }, lp);
      expect(lists.updateResearchProject.researchProject).toMatchObject({ version: 3, members: [{ role: 'LEAD' }] });
      const stale = await refused(UPDATE, { input: { projectId: id, expectedVersion: 2, title: 'Stale' } }, lp);
      expect(stale.extensions.code).toBe('CONFLICT');
      const leaving = await refused(UPDATE, { input: { projectId: id, expectedVersion: 3, leadIds: [pid(colleague)] } }, lp);
      expect(leaving.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.leadIds' });
    });

    it('refuses a practitioner a project they do not lead, at the API', async () => {
      const project = await createResearchProject(em(), alliance, { title: 'Not theirs' }, lpPerson);
      const error = await refused(UPDATE, { input: { projectId: toGlobalId('ResearchProject', project.id), expectedVersion: 1, title: 'Taken' } }, other);
      expect(error.extensions.code).toBe('FORBIDDEN');
      const move = await refused(MOVE, { input: { projectId: toGlobalId('ResearchProject', project.id), to: 'WITHDRAWN', expectedVersion: 1 } }, other);
      expect(move.extensions.code).toBe('FORBIDDEN');
      const [row] = await t.db.dataSource.query(`SELECT title, status FROM research_projects WHERE id = $1`, [project.id]);
      expect(row).toEqual({ title: 'Not theirs', status: 'PROPOSED' });
    });

    it('never changes the PedEx address of a published project when its title changes', async () => {
      const project = await createResearchProject(em(), alliance, { ...PUBLICATION('stable-address'), abstract: 'An abstract.' }, lpPerson);
      const id = toGlobalId('ResearchProject', project.id);
      const data = await ok(UPDATE, { input: { projectId: id, expectedVersion: 1, title: 'A better title' } }, coordinator);
      expect(data.updateResearchProject.researchProject).toMatchObject({ title: 'A better title', slug: 'stable-address', status: 'PUBLISHED' });
      const cleared = await refused(UPDATE, { input: { projectId: id, expectedVersion: 2, abstract: null } }, coordinator);
      expect(cleared.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.abstract' });
    });

    it('answers NOT_FOUND for another alliance\'s project and leaves it unchanged', async () => {
      const foreignAlliance = await createAlliance(em());
      const foreign = await createResearchProject(em(), foreignAlliance, { title: 'Foreign' });
      const error = await refused(UPDATE, { input: { projectId: toGlobalId('ResearchProject', foreign.id), expectedVersion: 1, title: 'Mine' } }, coordinator);
      expect(error.extensions.code).toBe('NOT_FOUND');
      expect((await t.db.dataSource.query(`SELECT title FROM research_projects WHERE id = $1`, [foreign.id]))[0].title).toBe('Foreign');
    });
  });

  describe('the second wall', () => {
    const asRuntime = (person: Person, user: TestUser, sql: string, params: unknown[]) =>
      t.db.dataSource.transaction(async (m) => {
        await m.query(`SET LOCAL ROLE alliance_graph_api`);
        await m.query(
          `SELECT set_config('app.alliance_id', $1, true), set_config('app.role', 'PRACTITIONER', true), set_config('app.user_id', $2, true), set_config('app.school_id', '', true), set_config('app.person_id', $3, true)`,
          [alliance.id, user.user.id, person.id],
        );
        return m.query(sql, params);
      });

    it('lets no practitioner change a project they do not lead, or add themself to it', async () => {
      const project = await createResearchProject(em(), alliance, { title: 'Walled' }, lpPerson);
      await asRuntime(otherPerson, other, `UPDATE research_projects SET title = 'Breached' WHERE id = $1`, [project.id]);
      expect((await t.db.dataSource.query(`SELECT title FROM research_projects WHERE id = $1`, [project.id]))[0].title).toBe('Walled');
      await expect(asRuntime(otherPerson, other, `INSERT INTO research_project_members (alliance_id, project_id, person_id, role) VALUES ($1, $2, $3, 'LEAD')`,
        [alliance.id, project.id, otherPerson.id])).rejects.toThrow(/row-level security/);
      // The lead may.
      await asRuntime(lpPerson, lp, `UPDATE research_projects SET title = 'Led' WHERE id = $1`, [project.id]);
      expect((await t.db.dataSource.query(`SELECT title FROM research_projects WHERE id = $1`, [project.id]))[0].title).toBe('Led');
    });

    it('lets a practitioner insert PROPOSED projects only', async () => {
      await expect(asRuntime(lpPerson, lp, `INSERT INTO research_projects (alliance_id, title, methodology, status) VALUES ($1, 'Self-approved', 'SURVEY', 'APPROVED')`, [alliance.id]))
        .rejects.toThrow(/row-level security/);
    });
  });

  describe('transitionResearchProject', () => {
    const moves = TRANSITIONS.filter((m) => m.action === 'transitionResearchProject');

    it.each(moves.map((m) => [m.from, m.to, m.by.join('+')]))('%s → %s by %s, and by nobody else', async (from, to, by) => {
      const project = await createResearchProject(em(), alliance, { status: from as ResearchStatus }, lpPerson);
      const id = toGlobalId('ResearchProject', project.id);
      const input = { projectId: id, to, expectedVersion: 1 };
      if (!by.includes('LEAD')) expect((await refused(MOVE, { input }, lp)).extensions.code).toBe('FORBIDDEN');
      expect((await refused(MOVE, { input }, other)).extensions.code).toBe('FORBIDDEN');
      const mover = by.includes('LEAD') ? lp : coordinator;
      const data = await ok(MOVE, { input: { ...input, reason: 'Because' } }, mover);
      expect(data.transitionResearchProject.researchProject).toMatchObject({ status: to, version: 2 });
    });

    it('refuses a move the table does not have, naming both states, and PUBLISHED points at publishResearchProject', async () => {
      const project = await createResearchProject(em(), alliance, {}, lpPerson);
      const id = toGlobalId('ResearchProject', project.id);
      const illegal = await refused(MOVE, { input: { projectId: id, to: 'IN_PROGRESS', expectedVersion: 1 } }, coordinator);
      expect(illegal.extensions.code).toBe('CONFLICT');
      expect(illegal.message).toMatch(/PROPOSED.*IN_PROGRESS/);
      const accepted = await createResearchProject(em(), alliance, { status: ResearchStatus.ACCEPTED }, lpPerson);
      const publish = await refused(MOVE, { input: { projectId: toGlobalId('ResearchProject', accepted.id), to: 'PUBLISHED', expectedVersion: 1 } }, coordinator);
      expect(publish.extensions.code).toBe('CONFLICT');
      expect(publish.message).toContain('publishResearchProject');
      const withdrawn = await createResearchProject(em(), alliance, { status: ResearchStatus.WITHDRAWN }, lpPerson);
      const back = await refused(MOVE, { input: { projectId: toGlobalId('ResearchProject', withdrawn.id), to: 'PROPOSED', expectedVersion: 1 } }, coordinator);
      expect(back.message).toMatch(/WITHDRAWN.*PROPOSED/);
    });

    it('checks the version read', async () => {
      const project = await createResearchProject(em(), alliance, {}, lpPerson);
      const error = await refused(MOVE, { input: { projectId: toGlobalId('ResearchProject', project.id), to: 'APPROVED', expectedVersion: 7 } }, coordinator);
      expect(error.extensions.code).toBe('CONFLICT');
    });
  });

  describe('researchProjects', () => {
    let listed: Alliance;
    let listCoordinator: TestUser;
    let leadA: Person;

    beforeAll(async () => {
      listed = await createAlliance(em());
      await addMember(em(), listed, schoolA);
      listCoordinator = await createUser(em(), { memberships: [{ alliance: listed, role: MembershipRole.ALLIANCE_ADMIN }] });
      leadA = await createPerson(em(), listed);
      const maths = await areaId(em(), 'MATHS');
      await createResearchProject(em(), listed, { title: 'Feedback that moves learning', abstract: 'Marking and feedback.', keywords: ['feedback'], areaIds: [maths], methodology: 'RCT' as never }, leadA);
      await createResearchProject(em(), listed, { title: 'Phonics catch-up', abstract: 'Teaching phonics.', status: ResearchStatus.APPROVED, fundingType: ResearchFundingType.BURSARY, fundingPence: 5000, fundingAcademicYear: 2024 });
      await createResearchProject(em(), listed, { title: 'Withdrawn idea', status: ResearchStatus.WITHDRAWN, keyStages: ['KS4' as never] });
    });

    const titles = async (filter: Record<string, unknown>, as = listCoordinator) =>
      ((await ok(LIST, { filter, first: 50 }, as)).researchProjects.edges as Data[]).map((e) => e.node.title).sort();

    it('filters in SQL by status, methodology, area, key stage, lead, funding and full-text search', async () => {
      expect(await titles({})).toHaveLength(3);
      expect(await titles({ statuses: ['APPROVED', 'WITHDRAWN'] })).toEqual(['Phonics catch-up', 'Withdrawn idea']);
      expect(await titles({ methodology: 'RCT' })).toEqual(['Feedback that moves learning']);
      expect(await titles({ area: 'maths' })).toEqual(['Feedback that moves learning']);
      expect(await titles({ keyStage: 'KS4' })).toEqual(['Withdrawn idea']);
      expect(await titles({ leadPersonId: pid(leadA) })).toEqual(['Feedback that moves learning']);
      expect(await titles({ fundingType: 'BURSARY' })).toEqual(['Phonics catch-up']);
      expect(await titles({ fundingAcademicYear: '2024/25' })).toEqual(['Phonics catch-up']);
      expect(await titles({ search: 'feedbacks' })).toEqual(['Feedback that moves learning']);
      expect(await titles({ search: '"phonics' })).toEqual(['Phonics catch-up']);
      expect(await titles({ search: 'x'.repeat(10_000) + ' ) ( OR -' })).toEqual([]);
    });

    it('refuses an unknown area label and an id of the wrong type, naming the field', async () => {
      expect((await refused(LIST, { filter: { area: 'Basket weaving' } }, listCoordinator)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.area[0]' });
      expect((await refused(LIST, { filter: { leadPersonId: toGlobalId('School', schoolA.id) } }, listCoordinator)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.leadPersonId' });
    });

    it('pages by keyset and counts only the alliance\'s projects', async () => {
      const first = (await ok(LIST, { first: 2 }, listCoordinator)).researchProjects;
      expect(first).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
      const second = (await ok(LIST, { first: 2, after: first.pageInfo.endCursor }, listCoordinator)).researchProjects;
      expect(second.edges).toHaveLength(1);
      const all = [...first.edges, ...second.edges].map((e: Data) => e.node.id);
      expect(new Set(all).size).toBe(3);
      const byTitle = (await ok(LIST, { first: 3, orderBy: { field: 'TITLE', direction: 'ASC' } }, listCoordinator)).researchProjects.edges.map((e: Data) => e.node.title);
      expect(byTitle).toEqual(['Feedback that moves learning', 'Phonics catch-up', 'Withdrawn idea']);
    });

    it('is for staff: analysts are refused', async () => {
      expect((await run(LIST, {}, head)).errors).toBeUndefined();
      expect((await run(LIST, {}, lp)).errors).toBeUndefined();
      expect((await refused(LIST, {}, analyst)).extensions.code).toBe('FORBIDDEN');
    });

    it('answers a page of 20 projects with their people, schools, areas and call in as many statements as a page of 2', async () => {
      const big = await createAlliance(em());
      await addMember(em(), big, schoolA);
      await addMember(em(), big, schoolB);
      const bigCoordinator = await createUser(em(), { memberships: [{ alliance: big, role: MembershipRole.ALLIANCE_ADMIN }] });
      const maths = await areaId(em(), 'MATHS');
      const [call] = await t.db.dataSource.query(
        `INSERT INTO research_calls (alliance_id, title, academic_year, funding_type, funding_pence, closes_on) VALUES ($1, 'Call', 2025, 'TLR3', 100, '2030-01-01') RETURNING id`, [big.id]);
      for (let i = 0; i < 20; i++) {
        const lead = await createPerson(em(), big);
        const p = await createResearchProject(em(), big, { title: `Project ${i}`, areaIds: [maths], callId: call.id, commissionedBySchoolId: schoolB.id }, lead);
        await em().getRepository(ResearchProjectMember).insert({ allianceId: big.id, projectId: p.id, personId: (await createPerson(em(), big)).id, role: ResearchMemberRole.CONTRIBUTOR });
        await t.db.dataSource.query(`INSERT INTO research_project_schools (alliance_id, project_id, school_id, position) VALUES ($1, $2, $3, 1), ($1, $2, $4, 2)`, [big.id, p.id, schoolA.id, schoolB.id]);
      }
      const page = `query($first: Int) { researchProjects(first: $first) { totalCount edges { node { id title nextMoves { to }
        members { role person { displayName } } leads { person { id } } schools { urn } commissionedBySchool { urn } areasOfExpertise { code } call { title } } } } }`;
      const statements = async (first: number) => {
        t.db.counter.reset();
        const data = await ok(page, { first }, bigCoordinator);
        expect(data.researchProjects.edges).toHaveLength(first);
        for (const e of data.researchProjects.edges) expect(e.node).toMatchObject({ schools: [{ urn: schoolA.urn }, { urn: schoolB.urn }], call: { title: 'Call' }, areasOfExpertise: [{ code: 'MATHS' }] });
        expect(data.researchProjects.edges[0].node.members).toHaveLength(2);
        return t.db.counter.queries.length;
      };
      const two = await statements(2);
      expect(await statements(20)).toBe(two);
    });
  });
});
