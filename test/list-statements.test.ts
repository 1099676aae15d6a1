import { Alliance } from '../src/modules/alliances/alliance.entity';
import { ConferenceEvent } from '../src/modules/conference/conference-event.entity';
import { ConferencePresentation } from '../src/modules/conference/conference-presentation.entity';
import { ConferenceSession } from '../src/modules/conference/conference-session.entity';
import { Person } from '../src/modules/people/person.entity';
import { KeyStage, ResearchCallStatus, ResearchFundingType } from '../src/modules/research/research-enums';
import { ResearchCall } from '../src/modules/research/research-call.entity';
import { ResearchInterest } from '../src/modules/research/research-interest.entity';
import { School } from '../src/modules/schools/school.entity';
import { MembershipRole } from '../src/modules/users/user-enums';
import { addMember, createAlliance, createSchool } from './factories';
import { areaId } from './factories/designations';
import { createSupportRequest } from './factories/deployments';
import { createResearchProject } from './factories/research';
import { createPerson, createUser, TestUser } from './factories/users';
import { callsAs, startTestServer, TestServer } from './helpers/server';

/**
 * The lists of issues 10 and 11 that no feature test counts: a page with every relation takes the
 * same number of SQL statements for 2 rows as for 8 (one statement per relation per level).
 */
describe('statements per page of the brokerage and research lists', () => {
  let t: TestServer;
  const { ok } = callsAs(() => t);

  /** An alliance of its own with `n` rows of each list, and its coordinator. */
  async function world(n: number): Promise<{ alliance: Alliance; coordinator: TestUser }> {
    const em = t.db.dataSource.manager;
    const alliance = await createAlliance(em);
    const schools: School[] = [];
    for (let i = 0; i < 3; i++) schools.push(await createSchool(em));
    for (const school of schools) await addMember(em, alliance, school);
    const people: Person[] = [];
    for (let i = 0; i < 3; i++) people.push(await createPerson(em, alliance, { schoolId: schools[i].id }));
    const maths = await areaId(em, 'MATHS');
    const event = await em.getRepository(ConferenceEvent).save(em.create(ConferenceEvent, { allianceId: alliance.id, name: 'Conference', heldOn: '2026-07-02' }));
    for (let i = 0; i < n; i++) {
      await createSupportRequest(em, alliance, schools[i % 3], { areaIds: [maths] });
      const call = await em.getRepository(ResearchCall).save(
        em.create(ResearchCall, {
          allianceId: alliance.id, title: `Call ${i}`, academicYear: 2026, fundingType: ResearchFundingType.TLR3, fundingPence: 1000, areaIds: [maths],
          keyStages: [KeyStage.KS2], closesOn: '2099-01-01', status: ResearchCallStatus.OPEN, commissionedBySchoolId: schools[i % 3].id,
        }),
      );
      await em.getRepository(ResearchInterest).insert({ allianceId: alliance.id, callId: call.id, personId: people[i % 3].id, statement: 'Me', submittedOn: '2026-10-01' });
      const session = await em.getRepository(ConferenceSession).save(
        em.create(ConferenceSession, { allianceId: alliance.id, eventId: event.id, title: `Session ${i}`, startsAt: new Date('2026-07-02T09:00:00Z'), endsAt: new Date('2026-07-02T10:00:00Z') }),
      );
      const project = await createResearchProject(em, alliance, {}, people[i % 3]);
      await em.getRepository(ConferencePresentation).insert({ allianceId: alliance.id, sessionId: session.id, projectId: project.id, title: `Talk ${i}`, position: 1, presenterPersonIds: [people[i % 3].id] });
    }
    return { alliance, coordinator: await createUser(em, { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] }) };
  }

  const PAGES: Record<string, { source: string; rows: (data: Record<string, any>) => number }> = { // eslint-disable-line @typescript-eslint/no-explicit-any
    supportRequests: {
      source: `{ supportRequests(first: 20) { totalCount edges { node { needs supportedSchool { name } commissionerSchool { name } areasOfExpertise { code } } } } }`,
      rows: (d) => d.supportRequests.edges.length,
    },
    researchCalls: {
      source: `{ researchCalls(first: 20) { totalCount edges { node { title commissionedBySchool { name } areasOfExpertise { code } interests { statement person { familyName } } } } } }`,
      rows: (d) => d.researchCalls.edges.length,
    },
    conferenceEvents: {
      source: `{ conferenceEvents(first: 5) { edges { node { name sessions { title presentations { title project { title } presenters { familyName } } } } } } }`,
      rows: (d) => d.conferenceEvents.edges[0].node.sessions.length,
    },
  };

  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it.each(Object.keys(PAGES))('%s: the same statements for 2 rows as for 8', async (key) => {
    const statements = async (n: number) => {
      const { coordinator } = await world(n);
      t.db.counter.reset();
      const data = await ok(PAGES[key].source, {}, coordinator);
      expect(PAGES[key].rows(data)).toBe(n);
      return t.db.counter.selects.length;
    };
    expect(await statements(8)).toBe(await statements(2));
  });
});
