import { academicYearOf, englishDate, formatAcademicYear } from '../../src/common/academic-year';
import { ExecuteResult, startTestServer, TestServer } from '../helpers/server';
import { callAs, expectNoFaults, Role } from './support/callers';
import { gid, NUMERIC_MARKERS, seedWorld, World } from './support/world';

/**
 * Who may do what, in one table (SECURITY.md "Who is who", D3, S3). Every caller acts for
 * alliance A; B is the foreign alliance. A cell is the outcome a caller gets:
 *   ok      the value, in full
 *   own     people: only the caller's own staff record
 *   null    null, and no error (redacted, or not visible)
 *   hidden  the staff record is not in the caller's list at all
 *   a code  the one error's extensions.code (and no data for the field)
 */
type Outcome = 'ok' | 'own' | 'null' | 'hidden' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'NOT_FOUND';

const ROLES = ['anonymous', 'NO_MEMBERSHIP', 'PLATFORM_ADMIN', 'ALLIANCE_ADMIN', 'SCHOOL_LEAD', 'PRACTITIONER', 'ANALYST', 'PLATFORM_ANALYST'] as const satisfies readonly Role[];

// prettier-ignore
const MATRIX: Record<string, [anonymous: Outcome, noMembership: Outcome, platformAdmin: Outcome, allianceAdmin: Outcome, schoolLead: Outcome, practitioner: Outcome, analyst: Outcome, platformAnalyst: Outcome]> = {
  //                                          anonymous          no membership  PLATFORM_ADMIN  ALLIANCE_ADMIN  SCHOOL_LEAD   PRACTITIONER  ANALYST      PLATFORM_ANALYST
  'viewer':                                   ['UNAUTHENTICATED', 'ok',         'ok',           'ok',           'ok',         'ok',         'ok',         'ok'],
  'alliances':                                ['UNAUTHENTICATED', 'ok',         'ok',           'ok',           'ok',         'ok',         'ok',         'ok'],
  'alliance(slug) members-only, own':         ['UNAUTHENTICATED', 'null',       'ok',           'ok',           'ok',         'ok',         'ok',         'null'],
  'alliance(slug) members-only, foreign':     ['UNAUTHENTICATED', 'null',       'null',         'null',         'null',       'null',       'null',       'null'],
  'schools':                                  ['UNAUTHENTICATED', 'ok',         'ok',           'ok',           'ok',         'ok',         'ok',         'ok'],
  'school(urn)':                              ['UNAUTHENTICATED', 'ok',         'ok',           'ok',           'ok',         'ok',         'ok',         'ok'],
  'areasOfExpertise':                         ['UNAUTHENTICATED', 'ok',         'ok',           'ok',           'ok',         'ok',         'ok',         'ok'],
  'people':                                   ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',           'ok',           'ok',         'own',        'FORBIDDEN',  'FORBIDDEN'],
  'node(a colleague of the own alliance)':    ['UNAUTHENTICATED', 'null',       'ok',           'ok',           'ok',         'null',       'null',       'null'],
  'node(the practitioner’s own record)':      ['UNAUTHENTICATED', 'null',       'ok',           'ok',           'ok',         'ok',         'null',       'null'],
  'createPerson (default school)':            ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',           'ok',           'ok',         'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN'],
  'createPerson (another school)':            ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',           'ok',           'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN'],
  'updatePerson (lead’s school)':             ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',           'ok',           'ok',         'NOT_FOUND',  'FORBIDDEN',  'FORBIDDEN'],
  'updatePerson (another school)':            ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',           'ok',           'FORBIDDEN',  'NOT_FOUND',  'FORBIDDEN',  'FORBIDDEN'],
  'updatePerson (the practitioner’s record)': ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',           'ok',           'ok',         'ok',         'FORBIDDEN',  'FORBIDDEN'],
  'email+phone (lead’s school)':              ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',           'ok',           'ok',         'hidden',     'FORBIDDEN',  'FORBIDDEN'],
  'email+phone (another school)':             ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',           'ok',           'null',       'hidden',     'FORBIDDEN',  'FORBIDDEN'],
  'email+phone (the practitioner’s record)':  ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',           'ok',           'ok',         'ok',         'FORBIDDEN',  'FORBIDDEN'],
  'peopleStatistics':                         ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',           'ok',           'ok',         'FORBIDDEN',  'ok',         'FORBIDDEN'],
  'deploymentStatistics':                     ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',           'ok',           'FORBIDDEN',  'FORBIDDEN',  'ok',         'FORBIDDEN'],
  'designationStatistics':                    ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',           'ok',           'FORBIDDEN',  'FORBIDDEN',  'ok',         'FORBIDDEN'],
  'platformDeploymentStatistics':             ['UNAUTHENTICATED', 'FORBIDDEN',  'FORBIDDEN',    'FORBIDDEN',    'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN',  'ok'],
  'platformDesignationStatistics':            ['UNAUTHENTICATED', 'FORBIDDEN',  'FORBIDDEN',    'FORBIDDEN',    'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN',  'ok'],
  'auditEvents':                              ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',           'ok',           'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN'],
  'designations':                             ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',           'ok',           'ok',         'own',        'FORBIDDEN',  'FORBIDDEN'],
  'recruitmentRounds':                        ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',           'ok',           'ok',         'ok',         'FORBIDDEN',  'FORBIDDEN'],
  // A head reads the references they gave ('own': none here, the seeded one was recorded by the coordinator).
  'references (lead-school application)':     ['UNAUTHENTICATED', 'null',       'ok',           'ok',           'own',        'null',       'null',       'null'],
  'createRecruitmentRound':                   ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',           'ok',           'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN'],
  'setReleaseCommitment (practitioner’s)':    ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',           'ok',           'ok',         'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN'],
  'programmes':                               ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',           'ok',           'ok',         'ok',         'FORBIDDEN',  'FORBIDDEN'],
  'createProgramme':                          ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',           'ok',           'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN'],
  // Past the role gate, an id that names nothing of A is NOT_FOUND (test/programmes.test.ts has the happy paths).
  'updateProgramme (unknown id)':             ['UNAUTHENTICATED', 'FORBIDDEN',  'NOT_FOUND',    'NOT_FOUND',    'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN'],
  'scheduleProgrammeCohort (unknown id)':     ['UNAUTHENTICATED', 'FORBIDDEN',  'NOT_FOUND',    'NOT_FOUND',    'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN'],
  'enrolOnProgrammeCohort (unknown id)':      ['UNAUTHENTICATED', 'FORBIDDEN',  'NOT_FOUND',    'NOT_FOUND',    'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN'],
  'recordProgrammeAttendance (unknown id)':   ['UNAUTHENTICATED', 'FORBIDDEN',  'NOT_FOUND',    'NOT_FOUND',    'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN'],
  'recordProgrammeCompletion (unknown id)':   ['UNAUTHENTICATED', 'FORBIDDEN',  'NOT_FOUND',    'NOT_FOUND',    'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN'],
  // Sessions: the system leader's own and the coordinator's; the money and the overdue list the coordinator's (test/sessions.test.ts, test/cost.test.ts).
  'logSession (unknown id)':                  ['UNAUTHENTICATED', 'FORBIDDEN',  'NOT_FOUND',    'NOT_FOUND',    'FORBIDDEN',  'NOT_FOUND',  'FORBIDDEN',  'FORBIDDEN'],
  'submitVisitRecord (unknown id)':           ['UNAUTHENTICATED', 'FORBIDDEN',  'NOT_FOUND',    'NOT_FOUND',    'FORBIDDEN',  'NOT_FOUND',  'FORBIDDEN',  'FORBIDDEN'],
  // Brokerage: the coordinator brokers; a head sees what involves their school (the seeded deployments' home school is the lead school), the system leader their own.
  'supportRequests':                          ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',           'ok',           'ok',         'ok',         'FORBIDDEN',  'FORBIDDEN'],
  'deployments':                              ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',           'ok',           'ok',         'ok',         'FORBIDDEN',  'FORBIDDEN'],
  'node(a deployment of the practitioner)':   ['UNAUTHENTICATED', 'null',       'ok',           'ok',           'ok',         'ok',         'null',       'null'],
  'createSupportRequest':                     ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',           'ok',           'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN'],
  'proposeDeployment (unknown id)':           ['UNAUTHENTICATED', 'FORBIDDEN',  'NOT_FOUND',    'NOT_FOUND',    'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN'],
  'signDeployment (unknown id)':              ['UNAUTHENTICATED', 'FORBIDDEN',  'NOT_FOUND',    'NOT_FOUND',    'NOT_FOUND',  'NOT_FOUND',  'FORBIDDEN',  'FORBIDDEN'],
  'agreeDeployment (unknown id)':             ['UNAUTHENTICATED', 'FORBIDDEN',  'NOT_FOUND',    'NOT_FOUND',    'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN'],
  'brokerMatches':                            ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',           'ok',           'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN'],
  'evaluateDeployment (unknown id)':          ['UNAUTHENTICATED', 'FORBIDDEN',  'NOT_FOUND',    'NOT_FOUND',    'NOT_FOUND',  'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN'],
  'Designation.capacity (practitioner’s)':    ['UNAUTHENTICATED', 'null',       'ok',           'ok',           'ok',         'ok',         'null',       'null'],
  'overdueVisitRecords':                      ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',           'ok',           'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN'],
  'statementOfCharges':                       ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',           'ok',           'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN'],
  'conferenceEvents':                         ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',           'ok',           'ok',         'ok',         'FORBIDDEN',  'FORBIDDEN'],
  'createConferenceEvent':                    ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',           'ok',           'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN'],
  'publishedConferenceProgramme':             ['ok',              'ok',         'ok',           'ok',           'ok',         'ok',         'ok',         'ok'],
};

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Operation {
  source: string;
  variables?: (w: World, role: Role) => Record<string, unknown>;
  /** The outcome when there is no error. */
  outcome: (data: Data, w: World, t: TestServer) => Outcome | string | Promise<Outcome | string>;
  /** Checks the database after the call (mutations: a refusal changes nothing). */
  after?: (outcome: Outcome, w: World, t: TestServer, role: Role) => Promise<void>;
}

// `first` as a variable: the anonymous cost limit multiplies literal page sizes, and would refuse first.
const PEOPLE = `query($first: Int = 100) { people(first: $first) { totalCount edges { node { id email phone } } } }`;
const rawId = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];
const jobTitleOf = async (t: TestServer, id: string) => (await t.db.dataSource.query(`SELECT job_title FROM people WHERE id = $1`, [id]))[0].job_title as string | null;

function contactOutcome(pick: (w: World) => { id: string; email: string | null; phone: string | null }): Operation {
  return {
    source: PEOPLE,
    outcome: (data, w) => {
      const person = pick(w);
      const row = data.people.edges.map((e: Data) => e.node).find((n: Data) => n.id === gid('Person', person));
      if (!row) return 'hidden';
      if (row.email === person.email && row.phone === person.phone) return 'ok';
      if (row.email === null && row.phone === null) return 'null';
      return `mixed: ${JSON.stringify(row)}`;
    },
  };
}

function update(pick: (w: World) => { id: string }): Operation {
  return {
    source: `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id jobTitle } } }`,
    variables: (w, role) => ({ input: { id: gid('Person', pick(w)), jobTitle: `set by ${role}` } }),
    outcome: (data, w) => (data.updatePerson.person.id === gid('Person', pick(w)) ? 'ok' : 'wrong person'),
    after: async (outcome, w, t, role) => {
      const title = await jobTitleOf(t, pick(w).id);
      if (outcome === 'ok') expect(title).toBe(`set by ${role}`);
      else expect(title).not.toBe(`set by ${role}`);
    },
  };
}

function create(label: string, schoolId: (w: World) => string | undefined): Operation {
  const familyName = (role: Role) => `By ${role} at ${label}`;
  return {
    source: `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id school { urn } } } }`,
    variables: (w, role) => ({ input: { givenName: 'Created', familyName: familyName(role), schoolId: schoolId(w) } }),
    outcome: async (data, w, t) => {
      const row = (await t.db.dataSource.query(`SELECT alliance_id, school_id FROM people WHERE id = $1`, [rawId(data.createPerson.person.id)]))[0];
      return row?.alliance_id === w.A.alliance.id ? 'ok' : `landed in ${JSON.stringify(row)}`;
    },
    after: async (outcome, w, t, role) => {
      const rows = await t.db.dataSource.query(`SELECT alliance_id, school_id FROM people WHERE family_name = $1`, [familyName(role)]);
      expect(rows).toHaveLength(outcome === 'ok' ? 1 : 0);
      // A school lead's new staff member is at their school unless they said otherwise.
      if (outcome === 'ok' && role === 'SCHOOL_LEAD') expect(rows[0].school_id).toBe(w.A.leadSchool.id);
    },
  };
}

/** The groups of a grouping by alliance name both of the world's alliances (and perhaps others). */
const sameSlugs = (groups: { alliance: { code: string } }[], w: World) => [w.A.alliance.slug, w.B.alliance.slug].every((slug) => groups.some((g) => g.alliance.code === slug));

function membersOnly(tenant: 'A' | 'B'): Operation {
  return {
    source: `query($slug: String!) { alliance(slug: $slug) { slug settings { reviewPeriodYears } tariffs { edges { node { fullDayPence } } } termDates { edges { node { academicYear } } } } }`,
    variables: (w) => ({ slug: w[tenant].alliance.slug }),
    outcome: (data) => {
      const { settings, tariffs, termDates } = data.alliance;
      if (settings === null && tariffs === null && termDates === null) return 'null';
      const own = settings && tariffs?.edges[0]?.node.fullDayPence === NUMERIC_MARKERS[tenant].fullDayPence && termDates?.edges[0]?.node.academicYear.startsWith(String(NUMERIC_MARKERS[tenant].academicYear));
      return own ? 'ok' : `mixed: ${JSON.stringify(data.alliance)}`;
    },
  };
}

/** A programme mutation on ids that name nothing: only the role gate and the lookup are exercised, and nothing may be written. */
function programmeMutation(field: string, input: (unknown: (type: string) => string) => Record<string, unknown>): Operation {
  const unknown = (type: string) => gid(type, { id: '00000000-0000-4000-8000-00000000d00d' });
  return {
    source: `mutation($input: ${field[0].toUpperCase()}${field.slice(1)}Input!) { ${field}(input: $input) { __typename } }`,
    variables: () => ({ input: input(unknown) }),
    outcome: () => 'ok',
    after: async (_outcome, _w, t) => {
      const [rows] = await t.db.dataSource.query(
        `SELECT (SELECT count(*) FROM programmes WHERE name = 'Matrix') + (SELECT count(*) FROM programme_cohorts WHERE name = 'Matrix') + (SELECT count(*) FROM programme_enrolments WHERE completed_on = '2025-01-20') AS n`,
      );
      expect(Number(rows.n)).toBe(0);
    },
  };
}

const OPERATIONS: Record<keyof typeof MATRIX, Operation> = {
  peopleStatistics: { source: `{ peopleStatistics(groupBy: [LEADERSHIP_LEVEL]) { total minimumGroupSize } }`, outcome: (data) => (data.peopleStatistics.minimumGroupSize === 5 ? 'ok' : 'wrong') },
  deploymentStatistics: { source: `{ deploymentStatistics(groupBy: [PHASE]) { total { deployments } minimumGroupSize } }`, outcome: (data) => (data.deploymentStatistics.minimumGroupSize === 5 ? 'ok' : 'wrong') },
  designationStatistics: { source: `{ designationStatistics(groupBy: [TYPE]) { total { designations } minimumGroupSize } }`, outcome: (data) => (data.designationStatistics.minimumGroupSize === 5 ? 'ok' : 'wrong') },
  // Every alliance's counts: the world's two alliances, each by its slug.
  platformDeploymentStatistics: { source: `{ platformDeploymentStatistics(groupBy: [ALLIANCE]) { groups { alliance { code } } } }`, outcome: (d, w) => (sameSlugs(d.platformDeploymentStatistics.groups, w) ? 'ok' : 'wrong') },
  platformDesignationStatistics: { source: `{ platformDesignationStatistics(groupBy: [ALLIANCE]) { groups { alliance { code } } } }`, outcome: (d, w) => (sameSlugs(d.platformDesignationStatistics.groups, w) ? 'ok' : 'wrong') },
  auditEvents: { source: `{ auditEvents(first: 5) { totalCount edges { node { action } } } }`, outcome: (data) => (typeof data.auditEvents.totalCount === 'number' ? 'ok' : 'wrong') },
  'viewer': { source: `{ viewer { user { email } actingRole } }`, outcome: (d) => (d.viewer.user.email ? 'ok' : 'null') },
  'alliances': { source: `{ alliances { totalCount edges { node { slug } } } }`, outcome: (d) => (d.alliances.totalCount >= 2 ? 'ok' : 'empty') },
  'alliance(slug) members-only, own': membersOnly('A'),
  'alliance(slug) members-only, foreign': membersOnly('B'),
  'schools': { source: `{ schools { totalCount } }`, outcome: (d) => (d.schools.totalCount >= 4 ? 'ok' : 'empty') },
  'school(urn)': { source: `query($urn: String!) { school(urn: $urn) { urn } }`, variables: (w) => ({ urn: w.B.leadSchool.urn }), outcome: (d, w) => (d.school?.urn === w.B.leadSchool.urn ? 'ok' : 'null') },
  'areasOfExpertise': { source: `{ areasOfExpertise { totalCount } }`, outcome: (d) => (d.areasOfExpertise.totalCount > 0 ? 'ok' : 'empty') },
  'people': {
    source: PEOPLE,
    outcome: async (d, w, t) => {
      const ids = d.people.edges.map((e: Data) => e.node.id);
      const all = (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM people WHERE alliance_id = $1`, [w.A.alliance.id]))[0].n;
      if (ids.length === all && d.people.totalCount === all) return 'ok';
      if (ids.length === 1 && ids[0] === gid('Person', w.A.practitionerPerson) && d.people.totalCount === 1) return 'own';
      return `unexpected ${ids.length} of ${all}`;
    },
  },
  'node(a colleague of the own alliance)': {
    source: `query($id: ID!) { node(id: $id) { id ... on Person { givenName } } }`,
    variables: (w) => ({ id: gid('Person', w.A.personAtOtherSchool) }),
    outcome: (d) => (d.node ? 'ok' : 'null'),
  },
  'node(the practitioner’s own record)': {
    source: `query($id: ID!) { node(id: $id) { id ... on Person { givenName } } }`,
    variables: (w) => ({ id: gid('Person', w.A.practitionerPerson) }),
    outcome: (d) => (d.node ? 'ok' : 'null'),
  },
  'createPerson (default school)': create('default school', () => undefined),
  'createPerson (another school)': create('another school', (w) => gid('School', w.A.otherSchool)),
  'updatePerson (lead’s school)': update((w) => w.A.colleagueAtLeadSchool),
  'updatePerson (another school)': update((w) => w.A.personAtOtherSchool),
  'updatePerson (the practitioner’s record)': update((w) => w.A.practitionerPerson),
  'email+phone (lead’s school)': contactOutcome((w) => w.A.colleagueAtLeadSchool),
  'email+phone (another school)': contactOutcome((w) => w.A.personAtOtherSchool),
  'email+phone (the practitioner’s record)': contactOutcome((w) => w.A.practitionerPerson),
  'designations': {
    source: `{ designations(first: 10) { totalCount edges { node { id } } } }`,
    outcome: (d, w) => {
      const ids = d.designations.edges.map((e: Data) => e.node.id).sort();
      const { active, application } = w.A.systemLeaders;
      if (JSON.stringify(ids) === JSON.stringify([gid('Designation', active), gid('Designation', application)].sort())) return 'ok';
      return ids.length === 1 && ids[0] === gid('Designation', active) ? 'own' : `unexpected ${ids}`;
    },
  },
  'recruitmentRounds': { source: `{ recruitmentRounds { totalCount edges { node { name } } } }`, outcome: (d) => (d.recruitmentRounds.totalCount === 1 ? 'ok' : 'wrong') },
  'references (lead-school application)': {
    source: `query($id: ID!) { node(id: $id) { ... on Designation { references { refereeName } } } }`,
    variables: (w) => ({ id: gid('Designation', w.A.systemLeaders.application) }),
    outcome: (d) => (!d.node?.references ? 'null' : d.node.references.length === 1 ? 'ok' : d.node.references.length === 0 ? 'own' : 'wrong'),
  },
  'createRecruitmentRound': {
    source: `mutation($input: CreateRecruitmentRoundInput!) { createRecruitmentRound(input: $input) { recruitmentRound { id } } }`,
    variables: (_w, role) => ({ input: { designationType: 'SLE', name: `Matrix round by ${role}`, areas: [{ area: 'Maths', target: 1 }], applicationDeadline: '2099-01-01' } }),
    outcome: (d) => (d.createRecruitmentRound.recruitmentRound.id ? 'ok' : 'wrong'),
    after: async (outcome, _w, t, role) => {
      expect(await t.db.dataSource.query(`SELECT id FROM recruitment_rounds WHERE name = $1`, [`Matrix round by ${role}`])).toHaveLength(outcome === 'ok' ? 1 : 0);
    },
  },
  'setReleaseCommitment (practitioner’s)': {
    source: `mutation($input: SetReleaseCommitmentInput!) { setReleaseCommitment(input: $input) { releaseCommitment { committedDays } } }`,
    variables: (w, role) => ({ input: { designationId: gid('Designation', w.A.systemLeaders.active), academicYear: formatAcademicYear(academicYearOf(englishDate())), committedDays: 10 + ROLES.indexOf(role as never), signedByName: role === 'SCHOOL_LEAD' ? undefined : 'Dr Head' } }),
    outcome: (d) => (d.setReleaseCommitment.releaseCommitment.committedDays >= 10 ? 'ok' : 'wrong'),
  },
  'programmes': { source: `{ programmes(first: 5) { totalCount edges { node { name } } } }`, outcome: (d) => (typeof d.programmes.totalCount === 'number' ? 'ok' : 'wrong') },
  'createProgramme': {
    source: `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { programme { id } } }`,
    variables: (_w, role) => ({ input: { name: `Matrix programme by ${role}`, kind: 'OTHER' } }),
    outcome: async (d, w, t) => {
      const [row] = await t.db.dataSource.query(`SELECT alliance_id FROM programmes WHERE id = $1`, [rawId(d.createProgramme.programme.id)]);
      return row?.alliance_id === w.A.alliance.id ? 'ok' : `landed in ${JSON.stringify(row)}`;
    },
    after: async (outcome, _w, t, role) => {
      expect(await t.db.dataSource.query(`SELECT id FROM programmes WHERE name = $1`, [`Matrix programme by ${role}`])).toHaveLength(outcome === 'ok' ? 1 : 0);
    },
  },
  'updateProgramme (unknown id)': programmeMutation('updateProgramme', (unknown) => ({ id: unknown('Programme'), name: 'Matrix' })),
  'scheduleProgrammeCohort (unknown id)': programmeMutation('scheduleProgrammeCohort', (unknown) => ({ programmeId: unknown('Programme'), name: 'Matrix', days: [{ heldOn: '2025-01-14', title: 'Day 1' }] })),
  'enrolOnProgrammeCohort (unknown id)': programmeMutation('enrolOnProgrammeCohort', (unknown) => ({ cohortId: unknown('ProgrammeCohort'), personId: unknown('Person') })),
  'recordProgrammeAttendance (unknown id)': programmeMutation('recordProgrammeAttendance', (unknown) => ({ dayId: unknown('ProgrammeDay'), attendance: [{ personId: unknown('Person'), attended: true }] })),
  'recordProgrammeCompletion (unknown id)': programmeMutation('recordProgrammeCompletion', (unknown) => ({ cohortId: unknown('ProgrammeCohort'), personId: unknown('Person'), completedOn: '2025-01-20' })),
  'logSession (unknown id)': {
    source: `mutation($input: LogSessionInput!) { logSession(input: $input) { session { id } } }`,
    variables: () => ({ input: { deploymentId: gid('Deployment', { id: '00000000-0000-4000-8000-00000000d00d' }), heldOn: '2025-10-06', length: 'FULL_DAY' } }),
    outcome: () => 'ok',
  },
  'submitVisitRecord (unknown id)': {
    source: `mutation($input: SubmitVisitRecordInput!) { submitVisitRecord(input: $input) { session { id } } }`,
    variables: () => ({ input: { sessionId: gid('DeploymentSession', { id: '00000000-0000-4000-8000-00000000d00d' }), summary: 'Matrix' } }),
    outcome: () => 'ok',
  },
  'supportRequests': { source: `{ supportRequests(first: 5) { totalCount edges { node { needs } } } }`, outcome: (d) => (d.supportRequests.totalCount === 1 ? 'ok' : `wrong ${d.supportRequests.totalCount}`) },
  'deployments': { source: `{ deployments(first: 5) { totalCount edges { node { scope } } } }`, outcome: (d) => (d.deployments.totalCount === 2 ? 'ok' : `wrong ${d.deployments.totalCount}`) },
  'node(a deployment of the practitioner)': {
    source: `query($id: ID!) { node(id: $id) { ... on Deployment { scope } } }`,
    variables: (w) => ({ id: gid('Deployment', w.A.brokerage.active) }),
    outcome: (d) => (d.node ? 'ok' : 'null'),
  },
  'createSupportRequest': {
    source: `mutation($input: CreateSupportRequestInput!) { createSupportRequest(input: $input) { supportRequest { id } } }`,
    variables: (w, role) => ({ input: { commissioner: { type: 'DFE' }, supportedSchoolUrn: w.A.otherSchool.urn, needs: `Matrix request by ${role}` } }),
    outcome: async (d, w, t) => {
      const [row] = await t.db.dataSource.query(`SELECT alliance_id FROM support_requests WHERE id = $1`, [rawId(d.createSupportRequest.supportRequest.id)]);
      return row?.alliance_id === w.A.alliance.id ? 'ok' : `landed in ${JSON.stringify(row)}`;
    },
    after: async (outcome, _w, t, role) => {
      expect(await t.db.dataSource.query(`SELECT id FROM support_requests WHERE needs = $1`, [`Matrix request by ${role}`])).toHaveLength(outcome === 'ok' ? 1 : 0);
    },
  },
  'proposeDeployment (unknown id)': {
    source: `mutation($input: ProposeDeploymentInput!) { proposeDeployment(input: $input) { deployment { id } } }`,
    variables: () => ({ input: { supportRequestId: gid('SupportRequest', { id: '00000000-0000-4000-8000-00000000d00d' }), designationId: gid('Designation', { id: '00000000-0000-4000-8000-00000000d00d' }) } }),
    outcome: () => 'ok',
  },
  'signDeployment (unknown id)': {
    source: `mutation($input: SignDeploymentInput!) { signDeployment(input: $input) { signature { id } } }`,
    variables: () => ({ input: { deploymentId: gid('Deployment', { id: '00000000-0000-4000-8000-00000000d00d' }), party: 'ALLIANCE', termsVersion: 1 } }),
    outcome: () => 'ok',
  },
  'agreeDeployment (unknown id)': {
    source: `mutation($input: AgreeDeploymentInput!) { agreeDeployment(input: $input) { deployment { id } } }`,
    variables: () => ({ input: { deploymentId: gid('Deployment', { id: '00000000-0000-4000-8000-00000000d00d' }) } }),
    outcome: () => 'ok',
  },
  'brokerMatches': {
    source: `query($id: ID!) { brokerMatches(supportRequestId: $id, includeUnderReview: true, includeWithoutCapacity: true) { score designation { id } } }`,
    variables: (w) => ({ id: gid('SupportRequest', w.A.brokerage.request) }),
    outcome: (d) => (Array.isArray(d.brokerMatches) ? 'ok' : 'wrong'),
  },
  'evaluateDeployment (unknown id)': {
    source: `mutation($input: EvaluateDeploymentInput!) { evaluateDeployment(input: $input) { deployment { id } } }`,
    variables: () => ({ input: { deploymentId: gid('Deployment', { id: '00000000-0000-4000-8000-00000000d00d' }), rating: 'SOME', evidence: 'Matrix', evaluatorName: 'Matrix' } }),
    outcome: () => 'ok',
  },
  'Designation.capacity (practitioner’s)': {
    source: `query($id: ID!) { node(id: $id) { ... on Designation { capacity { committedDays } } } }`,
    variables: (w) => ({ id: gid('Designation', w.A.systemLeaders.active) }),
    outcome: (d) => (d.node?.capacity ? 'ok' : 'null'),
  },
  'overdueVisitRecords': { source: `{ overdueVisitRecords(first: 5) { totalCount edges { node { id } } } }`, outcome: (d) => (typeof d.overdueVisitRecords.totalCount === 'number' ? 'ok' : 'wrong') },
  'statementOfCharges': { source: `{ statementOfCharges(academicYear: "2025/26") { totalPence terms { term } } }`, outcome: (d) => (typeof d.statementOfCharges.totalPence === 'number' ? 'ok' : 'wrong') },
  'conferenceEvents': { source: `{ conferenceEvents(first: 5) { totalCount edges { node { id } } } }`, outcome: (d) => (typeof d.conferenceEvents.totalCount === 'number' ? 'ok' : 'wrong') },
  'createConferenceEvent': {
    source: `mutation($input: CreateConferenceEventInput!) { createConferenceEvent(input: $input) { event { id } } }`,
    variables: () => ({ input: { name: 'Matrix conference', heldOn: '2026-07-02' } }),
    outcome: (d) => (d.createConferenceEvent?.event?.id ? 'ok' : 'wrong'),
  },
  'publishedConferenceProgramme': { source: `{ publishedConferenceProgramme(allianceSlug: "a") { name } }`, outcome: (d) => (Array.isArray(d.publishedConferenceProgramme) ? 'ok' : 'wrong') },
};

const CELLS = Object.entries(MATRIX).flatMap(([operation, outcomes]) => ROLES.map((role, i) => ({ operation, role, expected: outcomes[i] })));

describe('the role matrix: every role × every operation, acting for alliance A', () => {
  let t: TestServer;
  let world: World;
  beforeAll(async () => {
    t = await startTestServer();
    world = await t.db.dataSource.transaction((em) => seedWorld(em, { extraPeople: 3 }));
  });
  afterAll(() => t.close());

  it.each(CELLS)('$operation as $role: $expected', async ({ operation, role, expected }) => {
    const op = OPERATIONS[operation];
    const result = (await t.execute(op.source, op.variables?.(world, role) ?? {}, callAs(t, world, world.A, role))) as ExecuteResult<Data>;
    expectNoFaults(result);
    let outcome: Outcome | string;
    if (result.errors) {
      const codes = [...new Set(result.errors.map((e) => e.extensions?.code))];
      expect(codes).toHaveLength(1);
      outcome = String(codes[0]);
      // A refusal gives no data for the field: data is null, or the (nullable) root field is.
      expect(Object.values(result.data ?? {}).every((v) => v === null)).toBe(true);
    } else {
      outcome = await op.outcome(result.data!, world, t);
    }
    expect(outcome).toBe(expected);
    await op.after?.(outcome as Outcome, world, t, role);
  });

  it('refuses with messages that say why, not shield’s fallback', async () => {
    const forbidden = await t.execute(PEOPLE, {}, { as: world.A.users.ANALYST });
    expect(forbidden.errors).toEqual([expect.objectContaining({ message: expect.not.stringMatching(/Not Authorised/), extensions: { code: 'FORBIDDEN' } })]);
    const anonymous = await t.execute(PEOPLE, {}, { as: 'anonymous' });
    expect(anonymous.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
  });

  it('redacts email and phone inside a list without refusing the list, for a school lead', async () => {
    const result = (await t.execute(`query($first: Int) { people(first: $first) { edges { node { id school { id } email phone } } } }`, { first: 100 }, { as: world.A.users.SCHOOL_LEAD })) as ExecuteResult<Data>;
    expect(result.errors).toBeUndefined();
    const seeded = new Set(world.A.people.map((p) => gid('Person', p)));
    const rows = result.data!.people.edges.map((e: Data) => e.node).filter((n: Data) => seeded.has(n.id));
    expect(rows).toHaveLength(world.A.people.length);
    for (const row of rows) {
      const atLeadSchool = row.school?.id === gid('School', world.A.leadSchool);
      expect({ atLeadSchool, email: row.email !== null, phone: row.phone !== null }).toEqual({ atLeadSchool, email: atLeadSchool, phone: atLeadSchool });
    }
  });

  // SECURITY.md D3: a redacted email must not be recoverable by searching for it, one prefix at a time.
  it('does not let a school lead find a record by an email redacted from them', async () => {
    const target = world.A.personAtOtherSchool;
    const search = async (text: string) => {
      const result = (await t.execute(`query($s: String!) { people(first: 100, filter: { search: $s }) { edges { node { id email } } } }`, { s: text }, { as: world.A.users.SCHOOL_LEAD })) as ExecuteResult<Data>;
      return result.data!.people.edges.map((e: Data) => e.node);
    };
    // The matrix shows the email is null for the lead ('email+phone (another school)'); a search on it must not single the record out.
    expect((await search(target.email!)).map((n: Data) => n.id)).not.toContain(gid('Person', target));
  });

  it('has a cell for every role in every row, and an operation for every row', () => {
    for (const [operation, outcomes] of Object.entries(MATRIX)) {
      expect(outcomes).toHaveLength(ROLES.length);
      expect(OPERATIONS[operation]).toBeDefined();
    }
  });
});
