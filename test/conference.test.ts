import { toGlobalId } from '../src/common/global-id';
import { ResearchStatus, ResearchVisibility } from '../src/modules/research/research-enums';
import { MembershipRole } from '../src/modules/users/user-enums';
import { silentLogger } from './helpers/server';
import { addMember, createAlliance, createSchool } from './factories';
import { createResearchProject, PUBLICATION } from './factories/research';
import { createPerson, createUser, TestUser } from './factories/users';
import { callsAs, startTestServer, TestServer } from './helpers/server';

/** The Teacher Learning Conference: the coordinator's events, sessions and presentations; the public programme of published projects. */
describe('the Teacher Learning Conference', () => {
  let t: TestServer;
  let coordinator: TestUser;
  let head: TestUser;
  let practitioner: TestUser;
  let analyst: TestUser;
  let otherCoordinator: TestUser;
  let ids: { published: string; unpublished: string; foreign: string; presenter: string; foreignPerson: string };
  const { run, ok, refused } = callsAs(() => t);

  beforeAll(async () => {
    t = await startTestServer();
    const em = t.db.dataSource.manager;
    const alliance = await createAlliance(em, { slug: 'conferring', name: 'Conferring Alliance' });
    const other = await createAlliance(em, { slug: 'elsewhere' });
    const school = await createSchool(em);
    await addMember(em, alliance, school);
    const presenter = await createPerson(em, alliance, { givenName: 'Prisha', familyName: 'Presenter', email: 'prisha@school.invalid' });
    const foreignPerson = await createPerson(em, other);
    const published = await createResearchProject(em, alliance, { ...PUBLICATION('oracy-in-year-5'), title: 'Oracy in Year 5' }, presenter);
    const unpublished = await createResearchProject(em, alliance, { title: 'SECRET_DRAFT_TITLE', status: ResearchStatus.IN_PROGRESS, visibility: ResearchVisibility.ALLIANCE });
    const foreign = await createResearchProject(em, other, { title: 'Theirs' });
    coordinator = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
    head = await createUser(em, { memberships: [{ alliance, role: MembershipRole.SCHOOL_LEAD, school }] });
    practitioner = await createUser(em, { memberships: [{ alliance, role: MembershipRole.PRACTITIONER, person: presenter }] });
    analyst = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ANALYST }] });
    otherCoordinator = await createUser(em, { memberships: [{ alliance: other, role: MembershipRole.ALLIANCE_ADMIN }] });
    ids = {
      published: toGlobalId('ResearchProject', published.id),
      unpublished: toGlobalId('ResearchProject', unpublished.id),
      foreign: toGlobalId('ResearchProject', foreign.id),
      presenter: toGlobalId('Person', presenter.id),
      foreignPerson: toGlobalId('Person', foreignPerson.id),
    };
  });
  afterAll(() => t.close());

  const CREATE_EVENT = `mutation($input: CreateConferenceEventInput!) { createConferenceEvent(input: $input) { event { id name heldOn venue } } }`;
  const ADD_SESSION = `mutation($input: AddConferenceSessionInput!) { addConferenceSession(input: $input) { session { id title startsAt endsAt room } } }`;
  const ADD_PRESENTATION = `mutation($input: AddConferencePresentationInput!) { addConferencePresentation(input: $input) { presentation { id title position } } }`;
  const EVENTS = `{ conferenceEvents(first: 10) { totalCount edges { node { name heldOn sessions { title presentations { title position project { title } presenters { displayName email } } } } } } }`;
  const PROGRAMME = `query($slug: String!, $year: Int) { publishedConferenceProgramme(allianceSlug: $slug, year: $year) { name heldOn venue sessions { title startsAt endsAt room presentations { title position projectSlug projectTitle } } } }`;

  let eventId: string;
  let sessionId: string;

  it('lets the coordinator create an event, add a session on its day and presentations of its projects, each audited', async () => {
    const event = (await ok(CREATE_EVENT, { input: { name: 'Teacher Learning Conference 2026', heldOn: '2026-07-02', venue: 'Romero Hall', description: 'Our annual conference.' } }, coordinator)).createConferenceEvent.event;
    eventId = event.id;
    expect(event).toMatchObject({ name: 'Teacher Learning Conference 2026', heldOn: '2026-07-02', venue: 'Romero Hall' });
    // 09:30 and 10:30 in England in July (BST) are 08:30 and 09:30 UTC.
    const session = (await ok(ADD_SESSION, { input: { eventId, title: 'Morning strand', startsAt: '2026-07-02T08:30:00Z', endsAt: '2026-07-02T09:30:00Z', room: 'Library' } }, coordinator)).addConferenceSession.session;
    sessionId = session.id;
    expect(session).toMatchObject({ title: 'Morning strand', room: 'Library' });

    const first = (await ok(ADD_PRESENTATION, { input: { sessionId, projectId: ids.published, presenterIds: [ids.presenter] } }, coordinator)).addConferencePresentation.presentation;
    expect(first).toMatchObject({ title: 'Oracy in Year 5', position: 1 });
    const second = (await ok(ADD_PRESENTATION, { input: { sessionId, projectId: ids.unpublished, title: 'Work in progress', presenterIds: [ids.presenter] } }, coordinator)).addConferencePresentation.presentation;
    expect(second).toMatchObject({ title: 'Work in progress', position: 2 });

    const audit: { action: string }[] = await t.db.dataSource.query(`SELECT action FROM audit_events WHERE action LIKE '%Conference%' ORDER BY occurred_at, action`);
    expect(audit.map((a) => a.action).sort()).toEqual(['addConferencePresentation', 'addConferencePresentation', 'addConferenceSession', 'createConferenceEvent']);
  });

  it('names the field at fault: a session off the event day, one that ends before it starts, a bad date, no presenter', async () => {
    const session = (startsAt: string, endsAt: string) => ({ input: { eventId, title: 'Late', startsAt, endsAt } });
    // 23:30 UTC on the 2nd is 00:30 on the 3rd in England.
    expect((await refused(ADD_SESSION, session('2026-07-02T22:00:00Z', '2026-07-02T23:30:00Z'), coordinator)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endsAt' });
    expect((await refused(ADD_SESSION, session('2026-07-01T09:00:00Z', '2026-07-01T10:00:00Z'), coordinator)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.startsAt' });
    expect((await refused(ADD_SESSION, session('2026-07-02T10:00:00Z', '2026-07-02T09:00:00Z'), coordinator)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endsAt' });
    expect((await refused(CREATE_EVENT, { input: { name: 'Far future', heldOn: '2999-01-01' } }, coordinator)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.heldOn' });
    expect((await refused(CREATE_EVENT, { input: { name: '  ', heldOn: '2026-01-01' } }, coordinator)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect((await refused(ADD_PRESENTATION, { input: { sessionId, projectId: ids.published, presenterIds: [] } }, coordinator)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.presenterIds' });
    expect((await refused(ADD_PRESENTATION, { input: { sessionId, projectId: ids.published, presenterIds: [ids.presenter, ids.presenter] } }, coordinator)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.presenterIds[1]' });
  });

  it("treats another alliance's project, person, event or session as not found", async () => {
    expect((await refused(ADD_PRESENTATION, { input: { sessionId, projectId: ids.foreign, presenterIds: [ids.presenter] } }, coordinator)).extensions.code).toBe('NOT_FOUND');
    expect((await refused(ADD_PRESENTATION, { input: { sessionId, projectId: ids.published, presenterIds: [ids.foreignPerson] } }, coordinator)).extensions.code).toBe('NOT_FOUND');
    expect((await refused(ADD_SESSION, { input: { eventId, title: 'Theirs', startsAt: '2026-07-02T08:30:00Z', endsAt: '2026-07-02T09:30:00Z' } }, otherCoordinator)).extensions.code).toBe('NOT_FOUND');
    expect((await refused(ADD_PRESENTATION, { input: { sessionId, projectId: ids.foreign, presenterIds: [ids.foreignPerson] } }, otherCoordinator)).extensions.code).toBe('NOT_FOUND');
  });

  it('lets only the coordinator change the conference', async () => {
    for (const user of [head, practitioner, analyst]) {
      expect((await refused(CREATE_EVENT, { input: { name: 'Mine', heldOn: '2026-01-01' } }, user)).extensions.code).toBe('FORBIDDEN');
    }
  });

  it('shows staff the conference with its sessions, presentations, projects and presenters; analysts and other alliances nothing', async () => {
    for (const user of [coordinator, head, practitioner]) {
      const events = (await ok(EVENTS, {}, user)).conferenceEvents;
      expect(events.totalCount).toBe(1);
      const presentations = events.edges[0].node.sessions[0].presentations;
      expect(presentations.map((p: { title: string }) => p.title)).toEqual(['Oracy in Year 5', 'Work in progress']);
      expect(presentations[0].project).toEqual({ title: 'Oracy in Year 5' });
      expect(presentations[0].presenters[0].displayName).toMatch(/Prisha/);
    }
    expect((await refused(EVENTS, {}, analyst)).extensions.code).toBe('FORBIDDEN');
    expect((await ok(EVENTS, {}, otherCoordinator)).conferenceEvents.totalCount).toBe(0);
    expect((await t.execute('{ conferenceEvents { totalCount } }', {}, { as: 'anonymous' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("publishes the programme of published projects only, without presenters, to anyone", async () => {
    for (const as of ['anonymous', coordinator] as const) {
      const result = await t.execute(PROGRAMME, { slug: 'conferring' }, { as });
      expect(result.errors).toBeUndefined();
      // As the client reads it (executeOperation leaves DateTimes as Dates).
      expect(JSON.parse(JSON.stringify(result.data))).toEqual({
        publishedConferenceProgramme: [
          {
            name: 'Teacher Learning Conference 2026', heldOn: '2026-07-02', venue: 'Romero Hall',
            sessions: [{ title: 'Morning strand', startsAt: '2026-07-02T08:30:00.000Z', endsAt: '2026-07-02T09:30:00.000Z', room: 'Library', presentations: [{ title: 'Oracy in Year 5', position: 1, projectSlug: 'oracy-in-year-5', projectTitle: 'Oracy in Year 5' }] }],
          },
        ],
      });
      expect(JSON.stringify(result)).not.toMatch(/SECRET_DRAFT|Work in progress|Prisha|prisha/);
    }
    expect((await t.execute(PROGRAMME, { slug: 'conferring', year: 2025 }, { as: 'anonymous' })).data).toEqual({ publishedConferenceProgramme: [] });
    expect((await t.execute(PROGRAMME, { slug: 'no-such-alliance' }, { as: 'anonymous' })).data).toEqual({ publishedConferenceProgramme: [] });
  });

  it('gives the anonymous runtime role, in SQL, the published presentation and nothing of the unpublished one', async () => {
    const ctx = await t.server.createContext({ requestId: 'sql', log: silentLogger });
    try {
      const presentations: { title: string }[] = await ctx.em.query('SELECT title FROM conference_presentations');
      expect(presentations.map((p) => p.title)).toEqual(['Oracy in Year 5']);
      // The presenters are staff: not a column the anonymous role may read, even of the published presentation.
      await ctx.em.query('SAVEPOINT presenters');
      await expect(ctx.em.query('SELECT presenter_person_ids FROM conference_presentations')).rejects.toThrow(/permission denied/);
      await ctx.em.query('ROLLBACK TO SAVEPOINT presenters');
      expect(await ctx.em.query(`SELECT id FROM research_projects WHERE title = 'SECRET_DRAFT_TITLE'`)).toEqual([]);
    } finally {
      await ctx.end(false);
    }
  });

  it('keeps a session that presents only an unpublished project out of the public programme, at both walls', async () => {
    const session = (await ok(ADD_SESSION, { input: { eventId, title: 'SECRET_SESSION', startsAt: '2026-07-02T12:00:00Z', endsAt: '2026-07-02T13:00:00Z' } }, coordinator)).addConferenceSession.session;
    await ok(ADD_PRESENTATION, { input: { sessionId: session.id, projectId: ids.unpublished, presenterIds: [ids.presenter] } }, coordinator);
    expect(JSON.stringify(await t.execute(PROGRAMME, { slug: 'conferring' }, { as: 'anonymous' }))).not.toMatch(/SECRET/);
    const ctx = await t.server.createContext({ requestId: 'sql', log: silentLogger });
    try {
      expect(await ctx.em.query(`SELECT title FROM conference_sessions WHERE title = 'SECRET_SESSION'`)).toEqual([]);
    } finally {
      await ctx.end(false);
    }
  });
});
