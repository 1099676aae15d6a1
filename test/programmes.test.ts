import { englishDate } from '../src/common/academic-year';
import { RequestContext } from '../src/context/context';
import { DesignationType } from '../src/modules/designations/designation-enums';
import { RequirementStage, unmetProgrammeRequirements } from '../src/modules/programmes/programme-requirements';
import { Person } from '../src/modules/people/person.entity';
import { TestUser } from './factories/users';
import { ExecuteResult, silentLogger, startTestServer, TestServer } from './helpers/server';
import { gid, seedWorld, Tenant, World } from './security/support/world';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const CREATE = `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { programme { id name kind description requiredFor requiredBefore version } } }`;
const UPDATE = `mutation($input: UpdateProgrammeInput!) { updateProgramme(input: $input) { programme { id name description requiredFor requiredBefore version } } }`;
const SCHEDULE = `mutation($input: ScheduleProgrammeCohortInput!) { scheduleProgrammeCohort(input: $input) { cohort { id name startsOn endsOn programme { id } days { id heldOn title } } } }`;
const ENROL = `mutation($input: EnrolOnProgrammeCohortInput!) { enrolOnProgrammeCohort(input: $input) { enrolment { id completedOn person { id } cohort { id } attendedDays daysMissed } } }`;
const ATTENDANCE = `mutation($input: RecordProgrammeAttendanceInput!) { recordProgrammeAttendance(input: $input) { day { id heldOn } enrolments { id person { id } attendedDays daysMissed } } }`;
const COMPLETE = `mutation($input: RecordProgrammeCompletionInput!) { recordProgrammeCompletion(input: $input) { enrolment { id completedOn attendedDays daysMissed } } }`;

/** A date `days` from today in England. */
const fromToday = (days: number) => {
  const d = new Date(`${englishDate()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

let sequence = 0;
const unique = (label: string) => `${label} ${++sequence}`;

describe('programmes (issue 9, item 5)', () => {
  let t: TestServer;
  let world: World;
  let A: Tenant;
  let B: Tenant;
  let admin: TestUser;

  const run = async (source: string, variables: Record<string, unknown>, as: TestUser = admin, alliance?: string) =>
    (await t.execute<Data, Record<string, unknown>>(source, variables, { as, alliance })) as ExecuteResult<Data>;
  const ok = async (source: string, variables: Record<string, unknown>, as: TestUser = admin, alliance?: string) => {
    const result = await run(source, variables, as, alliance);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  const errorOf = (result: ExecuteResult<Data>) => {
    expect(result.errors).toHaveLength(1);
    return { code: result.errors![0].extensions?.code, field: result.errors![0].extensions?.field, message: result.errors![0].message };
  };
  const q = (sql: string, params: unknown[] = []) => t.db.dataSource.query(sql, params);
  const rowCounts = async () =>
    (await q(`SELECT (SELECT count(*) FROM programmes)::int AS programmes, (SELECT count(*) FROM programme_cohorts)::int AS cohorts, (SELECT count(*) FROM programme_days)::int AS days,
                     (SELECT count(*) FROM programme_enrolments)::int AS enrolments, (SELECT count(*) FROM programme_attendance)::int AS attendance, (SELECT count(*) FROM audit_events)::int AS audit`))[0];

  /** A request's context as the HTTP endpoint builds it: its own transaction, as the runtime role. */
  async function asRequest<T>(user: TestUser, work: (ctx: RequestContext) => Promise<T>): Promise<T> {
    const ctx = await t.server.createContext({ requestId: 'programmes', log: silentLogger, authorization: `Bearer ${user.token}` });
    try {
      return await work(ctx);
    } finally {
      await ctx.end(false);
    }
  }

  const createProgramme = async (input: Record<string, unknown> = {}, as: TestUser = admin) =>
    (await ok(CREATE, { input: { name: unique('Programme'), kind: 'OTHER', ...input } }, as)).createProgramme.programme as Data;
  const scheduleCohort = async (programmeId: string, days: { heldOn: string; title: string }[], as: TestUser = admin) =>
    (await ok(SCHEDULE, { input: { programmeId, name: unique('Cohort'), days } }, as)).scheduleProgrammeCohort.cohort as Data;
  const enrol = async (cohortId: string, person: Person, as: TestUser = admin) => (await ok(ENROL, { input: { cohortId, personId: gid('Person', person) } }, as)).enrolOnProgrammeCohort.enrolment as Data;
  const mark = async (dayId: string, attendance: { person: Person; attended: boolean }[], as: TestUser = admin) =>
    (await ok(ATTENDANCE, { input: { dayId, attendance: attendance.map((a) => ({ personId: gid('Person', a.person), attended: a.attended })) } }, as)).recordProgrammeAttendance as Data;
  const complete = (cohortId: string, person: Person, completedOn: string, as: TestUser = admin) => run(COMPLETE, { input: { cohortId, personId: gid('Person', person), completedOn } }, as);

  const PAST_DAYS = [
    { heldOn: '2025-01-14', title: 'Day 1: leading learning' },
    { heldOn: '2025-02-11', title: 'Day 2: coaching' },
    { heldOn: '2025-03-11', title: 'Day 3: evaluating impact' },
  ];

  beforeAll(async () => {
    t = await startTestServer();
    world = await t.db.dataSource.transaction((em) => seedWorld(em, { extraPeople: 6 }));
    ({ A, B } = world);
    admin = A.users.ALLIANCE_ADMIN;
  });
  afterAll(() => t.close());

  describe('createProgramme and updateProgramme', () => {
    it('creates a programme in the acting alliance, with its requirement, and audits it', async () => {
      const programme = await createProgramme({ name: 'Lead Practitioner programme', kind: 'LP_PROGRAMME', description: 'Three days', requiredFor: 'SLE', requiredBefore: 'APPLICATION' });
      expect(programme).toMatchObject({ name: 'Lead Practitioner programme', kind: 'LP_PROGRAMME', description: 'Three days', requiredFor: 'SLE', requiredBefore: 'APPLICATION', version: 1 });
      const raw = Buffer.from(programme.id, 'base64url').toString('utf8').split(':')[1];
      expect(await q(`SELECT alliance_id FROM programmes WHERE id = $1`, [raw])).toEqual([{ alliance_id: A.alliance.id }]);
      const [audit] = await q(`SELECT action, object_type, acting_role, changes FROM audit_events WHERE object_id = $1`, [raw]);
      expect(audit).toMatchObject({ action: 'createProgramme', object_type: 'Programme', acting_role: 'ALLIANCE_ADMIN' });
      expect(audit.changes).toEqual(expect.arrayContaining([{ field: 'requiredFor', before: null, after: '"SLE"' }]));
      // A platform admin acting for the alliance is its coordinator too.
      const byPlatform = (await ok(CREATE, { input: { name: unique('Platform'), kind: 'TEAM_MEETINGS' } }, world.platformAdmin, A.alliance.slug)).createProgramme.programme;
      expect(byPlatform.kind).toBe('TEAM_MEETINGS');
    });

    it.each([
      { what: 'an empty name', input: { name: '  ' }, field: 'input.name' },
      { what: 'a requirement without its stage', input: { requiredFor: 'SLE' }, field: 'input.requiredBefore' },
      { what: 'a stage without its designation type', input: { requiredBefore: 'DESIGNATION' }, field: 'input.requiredFor' },
    ])('refuses $what with BAD_USER_INPUT naming the field, and writes nothing', async ({ input, field }) => {
      const before = await rowCounts();
      const result = await run(CREATE, { input: { name: unique('Bad'), kind: 'OTHER', ...input } });
      expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await rowCounts()).toEqual(before);
    });

    it('refuses a name the alliance already uses, whatever its case, and leaves no row and no audit row; another alliance may use it', async () => {
      await createProgramme({ name: 'Termly team meetings', kind: 'TEAM_MEETINGS' });
      const before = await rowCounts();
      expect(errorOf(await run(CREATE, { input: { name: 'TERMLY team meetings', kind: 'OTHER' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
      expect(await rowCounts()).toEqual(before);
      await createProgramme({ name: 'Termly team meetings' }, B.users.ALLIANCE_ADMIN);
    });

    it('updates name, description and requirement, refuses a stale version with CONFLICT, and audits the change', async () => {
      const programme = await createProgramme({ description: 'old' });
      const updated = (await ok(UPDATE, { input: { id: programme.id, expectedVersion: 1, description: 'new', requiredFor: 'LP', requiredBefore: 'DESIGNATION' } })).updateProgramme.programme;
      expect(updated).toMatchObject({ description: 'new', requiredFor: 'LP', requiredBefore: 'DESIGNATION', version: 2 });
      const stale = errorOf(await run(UPDATE, { input: { id: programme.id, expectedVersion: 1, name: 'Renamed' } }));
      expect(stale).toMatchObject({ code: 'CONFLICT' });
      expect(stale.message).toMatch(/version 1.*version 2/);
      // Clearing one half of a requirement is refused; clearing both is allowed.
      expect(errorOf(await run(UPDATE, { input: { id: programme.id, requiredBefore: null } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.requiredBefore' });
      expect(errorOf(await run(UPDATE, { input: { id: programme.id, requiredFor: null } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.requiredFor' });
      const cleared = (await ok(UPDATE, { input: { id: programme.id, requiredFor: null, requiredBefore: null } })).updateProgramme.programme;
      expect(cleared).toMatchObject({ requiredFor: null, requiredBefore: null, name: programme.name });
      const raw = Buffer.from(programme.id, 'base64url').toString('utf8').split(':')[1];
      const audits = await q(`SELECT action, changes FROM audit_events WHERE object_id = $1 ORDER BY occurred_at`, [raw]);
      expect(audits.map((a: Data) => a.action)).toEqual(['createProgramme', 'updateProgramme', 'updateProgramme']);
      expect(audits[1].changes).toEqual(expect.arrayContaining([{ field: 'description', before: '"old"', after: '"new"' }]));
    });

    it('gives NOT_FOUND for another alliance’s programme, exactly as for one that does not exist, and changes nothing of it', async () => {
      const foreign = await createProgramme({ name: 'B only' }, B.users.ALLIANCE_ADMIN);
      const result = await run(UPDATE, { input: { id: foreign.id, name: 'Taken over' } });
      const random = await run(UPDATE, { input: { id: gid('Programme', { id: '00000000-0000-4000-8000-000000000000' }), name: 'Taken over' } });
      expect(errorOf(result)).toMatchObject({ code: 'NOT_FOUND' });
      expect(result).toEqual(random);
      expect(await q(`SELECT count(*)::int AS n FROM programmes WHERE name = 'Taken over'`)).toEqual([{ n: 0 }]);
      expect((await ok(`query($id: ID!) { node(id: $id) { id } }`, { id: foreign.id })).node).toBeNull();
    });
  });

  describe('scheduleProgrammeCohort', () => {
    it('schedules a cohort with its days in date order, first and last day, and one audit row', async () => {
      const programme = await createProgramme();
      const cohort = await scheduleCohort(programme.id, [PAST_DAYS[2], PAST_DAYS[0], PAST_DAYS[1]]);
      expect(cohort).toMatchObject({ startsOn: '2025-01-14', endsOn: '2025-03-11', programme: { id: programme.id } });
      expect(cohort.days.map((d: Data) => d.heldOn)).toEqual(['2025-01-14', '2025-02-11', '2025-03-11']);
      const raw = Buffer.from(cohort.id, 'base64url').toString('utf8').split(':')[1];
      const [audit] = await q(`SELECT changes FROM audit_events WHERE object_id = $1 AND action = 'scheduleProgrammeCohort'`, [raw]);
      expect(audit.changes.find((c: Data) => c.field === 'days').after).toContain('Day 2: coaching');
    });

    it.each([
      { what: 'no days', days: [], field: 'input.days' },
      { what: 'two days on one date', days: [PAST_DAYS[0], { heldOn: '2025-02-11', title: 'x' }, { heldOn: '2025-01-14', title: 'again' }], field: 'input.days[2].heldOn' },
      { what: 'a day without a title', days: [PAST_DAYS[0], { heldOn: '2025-02-12', title: ' ' }], field: 'input.days[1].title' },
      { what: 'a date decades away', days: [PAST_DAYS[0], { heldOn: '2205-02-12', title: 'typo' }], field: 'input.days[1].heldOn' },
    ])('refuses $what with BAD_USER_INPUT at $field, and writes nothing', async ({ days, field }) => {
      const programme = await createProgramme();
      const before = await rowCounts();
      expect(errorOf(await run(SCHEDULE, { input: { programmeId: programme.id, name: unique('Cohort'), days } }))).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await rowCounts()).toEqual(before);
    });

    it('refuses a second cohort of the same name in a programme', async () => {
      const programme = await createProgramme();
      await ok(SCHEDULE, { input: { programmeId: programme.id, name: 'Spring 2025', days: [PAST_DAYS[0]] } });
      const before = await rowCounts();
      expect(errorOf(await run(SCHEDULE, { input: { programmeId: programme.id, name: 'spring 2025', days: [PAST_DAYS[1]] } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
      expect(await rowCounts()).toEqual(before);
    });

    it('leaves neither cohort nor days when the audit row cannot be written: one transaction', async () => {
      const programme = await createProgramme();
      const before = await rowCounts();
      // Grants are per database: this file's database only.
      await q(`REVOKE INSERT ON audit_events FROM alliance_graph_api`);
      try {
        const result = await run(SCHEDULE, { input: { programmeId: programme.id, name: unique('Cohort'), days: PAST_DAYS } });
        expect(errorOf(result).code).toBe('INTERNAL_SERVER_ERROR');
      } finally {
        await q(`GRANT INSERT ON audit_events TO alliance_graph_api`);
      }
      expect(await rowCounts()).toEqual(before);
    });

    it('gives NOT_FOUND for another alliance’s programme', async () => {
      const foreign = await createProgramme({}, B.users.ALLIANCE_ADMIN);
      const before = await rowCounts();
      expect(errorOf(await run(SCHEDULE, { input: { programmeId: foreign.id, name: 'Smuggled', days: [PAST_DAYS[0]] } }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await rowCounts()).toEqual(before);
    });
  });

  describe('enrolment, attendance and completion', () => {
    let cohort: Data;
    beforeAll(async () => {
      cohort = await scheduleCohort((await createProgramme()).id, PAST_DAYS);
    });

    it('enrols a person once; a second enrolment is a CONFLICT naming them', async () => {
      const person = A.people[3];
      const enrolment = await enrol(cohort.id, person);
      expect(enrolment).toMatchObject({ completedOn: null, person: { id: gid('Person', person) }, cohort: { id: cohort.id }, attendedDays: 0, daysMissed: 3 });
      const again = errorOf(await run(ENROL, { input: { cohortId: cohort.id, personId: gid('Person', person) } }));
      expect(again.code).toBe('CONFLICT');
      expect(again.message).toContain(person.givenName);
    });

    it('gives NOT_FOUND for another alliance’s person or cohort, and BAD_USER_INPUT for an id of the wrong type', async () => {
      const foreignCohort = await scheduleCohort((await createProgramme({}, B.users.ALLIANCE_ADMIN)).id, [PAST_DAYS[0]], B.users.ALLIANCE_ADMIN);
      const before = await rowCounts();
      expect(errorOf(await run(ENROL, { input: { cohortId: cohort.id, personId: gid('Person', B.people[0]) } }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(errorOf(await run(ENROL, { input: { cohortId: foreignCohort.id, personId: gid('Person', A.people[0]) } }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(errorOf(await run(ENROL, { input: { cohortId: gid('Person', A.people[0]), personId: gid('Person', A.people[0]) } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.cohortId' });
      expect(await rowCounts()).toEqual(before);
    });

    it('records a day’s register, corrects it, and counts attended and missed days without N+1', async () => {
      const [ada, ben] = [A.people[4], A.people[5]];
      await enrol(cohort.id, ada);
      await enrol(cohort.id, ben);
      const day1 = cohort.days[0].id;
      const first = await mark(day1, [{ person: ada, attended: true }, { person: ben, attended: false }]);
      expect(first.enrolments.map((e: Data) => [e.person.id, e.attendedDays, e.daysMissed])).toEqual([
        [gid('Person', ada), 1, 2],
        [gid('Person', ben), 0, 3],
      ]);
      const corrected = await mark(day1, [{ person: ben, attended: true }]);
      expect(corrected.enrolments.map((e: Data) => e.attendedDays)).toEqual([1]);
      const raw = Buffer.from(day1, 'base64url').toString('utf8').split(':')[1];
      const audits = await q(`SELECT changes FROM audit_events WHERE object_id = $1 AND action = 'recordProgrammeAttendance' ORDER BY occurred_at`, [raw]);
      expect(audits).toHaveLength(2);
      expect(audits[1].changes[0].before).toBe(JSON.stringify({ [ben.id]: false }));
      expect(audits[1].changes[0].after).toBe(JSON.stringify({ [ben.id]: true }));
    });

    it('refuses a register naming someone not enrolled, and writes none of it', async () => {
      const before = await rowCounts();
      const result = await run(ATTENDANCE, { input: { dayId: cohort.days[1].id, attendance: [{ personId: gid('Person', A.people[4]), attended: true }, { personId: gid('Person', A.people[6]), attended: true }] } });
      expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.attendance[1].personId' });
      // A person of another alliance reads exactly like one who is not enrolled.
      const foreign = await run(ATTENDANCE, { input: { dayId: cohort.days[1].id, attendance: [{ personId: gid('Person', A.people[4]), attended: true }, { personId: gid('Person', B.people[0]), attended: true }] } });
      expect(errorOf(foreign)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.attendance[1].personId' });
      const twice = await run(ATTENDANCE, { input: { dayId: cohort.days[1].id, attendance: [{ personId: gid('Person', A.people[4]), attended: true }, { personId: gid('Person', A.people[4]), attended: false }] } });
      expect(errorOf(twice)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.attendance[1].personId' });
      expect(await rowCounts()).toEqual(before);
    });

    it('refuses attendance for a day in the future, and gives NOT_FOUND for another alliance’s day', async () => {
      const future = await scheduleCohort((await createProgramme()).id, [PAST_DAYS[0], { heldOn: fromToday(30), title: 'Next month' }]);
      const enrolment = await enrol(future.id, A.people[4]);
      const foreign = await scheduleCohort((await createProgramme({}, B.users.ALLIANCE_ADMIN)).id, [PAST_DAYS[0]], B.users.ALLIANCE_ADMIN);
      const before = await rowCounts();
      expect(errorOf(await run(ATTENDANCE, { input: { dayId: future.days[1].id, attendance: [{ personId: gid('Person', A.people[4]), attended: true }] } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.dayId' });
      expect(errorOf(await run(ATTENDANCE, { input: { dayId: foreign.days[0].id, attendance: [{ personId: gid('Person', A.people[4]), attended: true }] } }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await rowCounts()).toEqual(before);
      // The future day is neither attended nor missed yet.
      const counts = await ok(`query($id: ID!) { node(id: $id) { ... on ProgrammeEnrolment { attendedDays daysMissed } } }`, { id: enrolment.id });
      expect(counts.node).toEqual({ attendedDays: 0, daysMissed: 1 });
    });

    it('refuses completion with CONFLICT naming every missed day, and completes once every day is attended', async () => {
      const person = A.people[7];
      await enrol(cohort.id, person);
      await mark(cohort.days[0].id, [{ person, attended: true }]);
      await mark(cohort.days[2].id, [{ person, attended: false }]);
      const before = await rowCounts();
      const refused = errorOf(await complete(cohort.id, person, '2025-03-20'));
      expect(refused.code).toBe('CONFLICT');
      // Day 2 has no record at all, day 3 an absence: both are named.
      expect(refused.message).toContain('2025-02-11 (Day 2: coaching)');
      expect(refused.message).toContain('2025-03-11 (Day 3: evaluating impact)');
      expect(refused.message).not.toContain('2025-01-14');
      expect(await rowCounts()).toEqual(before);

      await mark(cohort.days[1].id, [{ person, attended: true }]);
      await mark(cohort.days[2].id, [{ person, attended: true }]);
      const done = await complete(cohort.id, person, '2025-03-20');
      expect(done.errors).toBeUndefined();
      expect(done.data!.recordProgrammeCompletion.enrolment).toMatchObject({ completedOn: '2025-03-20', attendedDays: 3, daysMissed: 0 });
      // Once completed, an absence that would contradict it is refused.
      expect(errorOf(await run(ATTENDANCE, { input: { dayId: cohort.days[1].id, attendance: [{ personId: gid('Person', person), attended: false }] } })).code).toBe('CONFLICT');
    });

    it.each([
      { what: 'before the cohort’s last day', completedOn: '2025-03-10', field: 'input.completedOn', code: 'BAD_USER_INPUT' },
      { what: 'in the future', completedOn: '2099-01-01', field: 'input.completedOn', code: 'BAD_USER_INPUT' },
    ])('refuses a completion date $what', async ({ completedOn, field, code }) => {
      const person = A.people[8];
      await run(ENROL, { input: { cohortId: cohort.id, personId: gid('Person', person) } });
      for (const day of cohort.days) await mark(day.id, [{ person, attended: true }]);
      const before = await rowCounts();
      expect(errorOf(await complete(cohort.id, person, completedOn))).toMatchObject({ code, field });
      expect(await rowCounts()).toEqual(before);
    });

    it('refuses completion of someone not enrolled', async () => {
      expect(errorOf(await complete(cohort.id, A.colleagueAtLeadSchool, '2025-03-20'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.personId' });
      expect(errorOf(await complete(cohort.id, B.people[0], '2025-03-20'))).toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('unmetProgrammeRequirements: the designation service’s check', () => {
    let lp: Data;
    let core: Data;
    let lpCohort: Data;
    let coreCohort: Data;
    beforeAll(async () => {
      // B requires a programme of the same type: it never counts for A.
      await createProgramme({ name: 'B requirement', requiredFor: 'SLE', requiredBefore: 'APPLICATION' }, B.users.ALLIANCE_ADMIN);
      lp = await createProgramme({ name: 'Aa LP programme', kind: 'LP_PROGRAMME', requiredFor: 'SLE', requiredBefore: 'APPLICATION' });
      core = await createProgramme({ name: 'Ab SLE core training', kind: 'CORE_TRAINING', requiredFor: 'SLE', requiredBefore: 'DESIGNATION' });
      await createProgramme({ name: 'Ac LLE induction', requiredFor: 'LLE', requiredBefore: 'APPLICATION' });
      lpCohort = await scheduleCohort(lp.id, [PAST_DAYS[0]]);
      coreCohort = await scheduleCohort(core.id, [PAST_DAYS[1]]);
      // Rows of earlier tests must not count: clear requirements other than these.
      await q(`UPDATE programmes SET required_for = NULL, required_before = NULL WHERE alliance_id = $1 AND name NOT IN ('Aa LP programme', 'Ab SLE core training', 'Ac LLE induction')`, [A.alliance.id]);
    });

    const unmet = (as: TestUser, person: Person, type: DesignationType, stage: RequirementStage) =>
      asRequest(as, async (ctx) => (await unmetProgrammeRequirements(ctx, person.id, type, stage)).map((p) => p.name));

    it('names the programmes required at each stage, earlier stages included at designation, until they are completed', async () => {
      const person = A.practitionerPerson;
      expect(await unmet(admin, person, DesignationType.SLE, RequirementStage.APPLICATION)).toEqual(['Aa LP programme']);
      expect(await unmet(admin, person, DesignationType.SLE, RequirementStage.DESIGNATION)).toEqual(['Aa LP programme', 'Ab SLE core training']);
      expect(await unmet(admin, person, DesignationType.LLE, RequirementStage.APPLICATION)).toEqual(['Ac LLE induction']);
      expect(await unmet(admin, person, DesignationType.NLE, RequirementStage.DESIGNATION)).toEqual([]);
      // Enrolled is not completed.
      await enrol(lpCohort.id, person);
      expect(await unmet(admin, person, DesignationType.SLE, RequirementStage.APPLICATION)).toEqual(['Aa LP programme']);
      await mark(lpCohort.days[0].id, [{ person, attended: true }]);
      expect((await complete(lpCohort.id, person, '2025-01-20')).errors).toBeUndefined();
      expect(await unmet(admin, person, DesignationType.SLE, RequirementStage.APPLICATION)).toEqual([]);
      expect(await unmet(admin, person, DesignationType.SLE, RequirementStage.DESIGNATION)).toEqual(['Ab SLE core training']);
      const ids = await asRequest(admin, (ctx) => unmetProgrammeRequirements(ctx, person.id, DesignationType.SLE, RequirementStage.DESIGNATION));
      expect(ids).toEqual([{ id: Buffer.from(core.id, 'base64url').toString('utf8').split(':')[1], name: 'Ab SLE core training' }]);
    });

    it('works for a practitioner checking their own record, in one statement, under row-level security', async () => {
      const person = A.practitionerPerson;
      t.db.counter.reset();
      expect(await unmet(A.users.PRACTITIONER, person, DesignationType.SLE, RequirementStage.DESIGNATION)).toEqual(['Ab SLE core training']);
      expect(t.db.counter.queries.filter((sql) => /programmes/.test(sql))).toHaveLength(1);
      await enrol(coreCohort.id, person);
      await mark(coreCohort.days[0].id, [{ person, attended: true }]);
      expect((await complete(coreCohort.id, person, '2025-02-11')).errors).toBeUndefined();
      expect(await unmet(A.users.PRACTITIONER, person, DesignationType.SLE, RequirementStage.DESIGNATION)).toEqual([]);
      // Row-level security hides a colleague's completions from a practitioner: for them the colleague has completed nothing.
      const colleague = A.colleagueAtLeadSchool;
      await enrol(lpCohort.id, colleague);
      await mark(lpCohort.days[0].id, [{ person: colleague, attended: true }]);
      expect((await complete(lpCohort.id, colleague, '2025-01-20')).errors).toBeUndefined();
      expect(await unmet(admin, colleague, DesignationType.SLE, RequirementStage.APPLICATION)).toEqual([]);
      expect(await unmet(A.users.PRACTITIONER, colleague, DesignationType.SLE, RequirementStage.APPLICATION)).toEqual(['Aa LP programme']);
      // Another alliance's coordinator finds none of A's requirements for A's person.
      expect(await unmet(B.users.ALLIANCE_ADMIN, person, DesignationType.SLE, RequirementStage.DESIGNATION)).toEqual(['B requirement']);
    });
  });

  describe('who may do what', () => {
    it('lets staff read programmes, a practitioner only their own enrolments, and refuses analysts', async () => {
      const cohort = await scheduleCohort((await createProgramme({ name: 'Zz visibility' })).id, [PAST_DAYS[0]]);
      await enrol(cohort.id, A.practitionerPerson);
      await enrol(cohort.id, A.personAtOtherSchool);
      const query = `query($filter: ProgrammeFilter) { programmes(first: 50, filter: $filter) { totalCount edges { node { name cohorts(first: 2) { edges { node { id enrolments(first: 10) { totalCount edges { node { person { id } } } } } } } } } } }`;
      const enrolledAs = async (user: TestUser) => {
        const data = await ok(query, {}, user);
        const node = data.programmes.edges.find((e: Data) => e.node.name === 'Zz visibility').node;
        return node.cohorts.edges[0].node.enrolments.edges.map((e: Data) => e.node.person.id).sort();
      };
      const both = [gid('Person', A.practitionerPerson), gid('Person', A.personAtOtherSchool)].sort();
      expect(await enrolledAs(admin)).toEqual(both);
      expect(await enrolledAs(A.users.SCHOOL_LEAD)).toEqual(both);
      expect(await enrolledAs(A.users.PRACTITIONER)).toEqual([gid('Person', A.practitionerPerson)]);
      expect(errorOf(await run(query, {}, A.users.ANALYST)).code).toBe('FORBIDDEN');
      // And only A's programmes.
      const names = (await ok(query, {}, admin)).programmes.edges.map((e: Data) => e.node.name);
      expect(names).not.toContain('B only');
      expect(names).toEqual([...names].sort());
    });

    it('filters by kind and by the designation type a programme is required for', async () => {
      const data = await ok(`{ kind: programmes(first: 100, filter: { kind: CORE_TRAINING }) { edges { node { kind } } } sle: programmes(first: 100, filter: { requiredFor: SLE }) { edges { node { requiredFor } } } }`, {});
      expect(data.kind.edges.length).toBeGreaterThan(0);
      expect(data.kind.edges.every((e: Data) => e.node.kind === 'CORE_TRAINING')).toBe(true);
      expect(data.sle.edges.length).toBeGreaterThan(0);
      expect(data.sle.edges.every((e: Data) => e.node.requiredFor === 'SLE')).toBe(true);
    });

    it.each(['SCHOOL_LEAD', 'PRACTITIONER', 'ANALYST'] as const)('refuses every programme mutation to a %s, writing nothing', async (role) => {
      const programme = await createProgramme();
      const cohort = await scheduleCohort(programme.id, [PAST_DAYS[0]]);
      await enrol(cohort.id, A.people[3]);
      const person = gid('Person', A.people[3]);
      const before = await rowCounts();
      const user = A.users[role];
      const calls: [string, Record<string, unknown>][] = [
        [CREATE, { input: { name: unique('By role'), kind: 'OTHER' } }],
        [UPDATE, { input: { id: programme.id, name: 'By role' } }],
        [SCHEDULE, { input: { programmeId: programme.id, name: 'By role', days: [PAST_DAYS[1]] } }],
        [ENROL, { input: { cohortId: cohort.id, personId: gid('Person', A.people[4]) } }],
        [ATTENDANCE, { input: { dayId: cohort.days[0].id, attendance: [{ personId: person, attended: true }] } }],
        [COMPLETE, { input: { cohortId: cohort.id, personId: person, completedOn: '2025-01-20' } }],
      ];
      for (const [source, variables] of calls) expect(errorOf(await run(source, variables, user)).code).toBe('FORBIDDEN');
      expect(await rowCounts()).toEqual(before);
    });

    it('holds in the database too: only coordinators write, and a practitioner reads only their own training record', async () => {
      const sql = (user: TestUser, text: string, params: unknown[] = []) => asRequest(user, (ctx) => ctx.em.query(text, params));
      await expect(sql(A.users.SCHOOL_LEAD, `INSERT INTO programmes (alliance_id, name, kind) VALUES ($1, 'Forged', 'OTHER')`, [A.alliance.id])).rejects.toThrow(/row-level security/);
      await expect(sql(A.users.PRACTITIONER, `UPDATE programme_enrolments SET completed_on = '2025-01-01' RETURNING id`)).resolves.toEqual([[], 0]);
      await expect(sql(admin, `INSERT INTO programmes (alliance_id, name, kind) VALUES ($1, 'Forged', 'OTHER')`, [B.alliance.id])).rejects.toThrow(/row-level security/);
      await expect(sql(admin, `DELETE FROM programme_enrolments`)).rejects.toThrow(/permission denied/);
      await expect(sql(admin, `UPDATE programme_enrolments SET person_id = person_id`)).rejects.toThrow(/permission denied/);

      const enrolled: { person_id: string }[] = await sql(A.users.PRACTITIONER, `SELECT DISTINCT person_id FROM programme_enrolments`);
      expect(enrolled).toEqual([{ person_id: A.practitionerPerson.id }]);
      const attendance: { person_id: string }[] = await sql(A.users.PRACTITIONER, `SELECT DISTINCT en.person_id FROM programme_attendance a JOIN programme_enrolments en ON en.id = a.enrolment_id`);
      expect(attendance).toEqual([{ person_id: A.practitionerPerson.id }]);
      const attendanceRows = await sql(A.users.PRACTITIONER, `SELECT count(*)::int AS n FROM programme_attendance`);
      const own = await q(`SELECT count(*)::int AS n FROM programme_attendance a JOIN programme_enrolments en ON en.id = a.enrolment_id WHERE en.person_id = $1`, [A.practitionerPerson.id]);
      expect(attendanceRows).toEqual(own);
      expect((await sql(A.users.PRACTITIONER, `SELECT DISTINCT alliance_id FROM programmes`)).map((r: Data) => r.alliance_id)).toEqual([A.alliance.id]);
      expect(await sql(A.users.ANALYST, `SELECT DISTINCT alliance_id FROM programme_enrolments`)).toEqual([{ alliance_id: A.alliance.id }]);
    });

    it('gives node(id) of a programme, cohort, day and enrolment to A’s staff and null to B and to analysts', async () => {
      const programme = await createProgramme();
      const cohort = await scheduleCohort(programme.id, [PAST_DAYS[0]]);
      const enrolment = await enrol(cohort.id, A.people[3]);
      const ids = [programme.id, cohort.id, cohort.days[0].id, enrolment.id];
      const nodes = `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`;
      expect((await ok(nodes, { ids }, A.users.SCHOOL_LEAD)).nodes).toEqual(ids.map((id) => ({ id })));
      expect((await ok(nodes, { ids }, B.users.ALLIANCE_ADMIN)).nodes).toEqual([null, null, null, null]);
      expect((await ok(nodes, { ids }, A.users.ANALYST)).nodes).toEqual([null, null, null, null]);
      // A practitioner sees the programme, but not someone else's enrolment.
      expect((await ok(nodes, { ids }, A.users.PRACTITIONER)).nodes).toEqual([{ id: programme.id }, { id: cohort.id }, { id: cohort.days[0].id }, null]);
    });
  });

  it('answers a page of programmes with cohorts, days, enrolments, people and attendance in one statement per relation per level, whatever the page size', async () => {
    const coordinator = B.users.ALLIANCE_ADMIN;
    for (let p = 0; p < 4; p++) {
      const programme = await createProgramme({ name: `0 Count ${p}` }, coordinator);
      for (let c = 0; c < 2; c++) {
        const cohort = await scheduleCohort(programme.id, PAST_DAYS, coordinator);
        for (const person of B.people.slice(0, 3)) await enrol(cohort.id, person, coordinator);
        await mark(cohort.days[0].id, B.people.slice(0, 3).map((person) => ({ person, attended: true })), coordinator);
      }
    }
    const query = `query($first: Int, $nested: Int) { programmes(first: $first) { totalCount edges { node { name cohorts(first: $nested) { totalCount edges { node { name programme { name } days { heldOn } enrolments(first: $nested) { edges { node { completedOn attendedDays daysMissed person { displayName } cohort { name } } } } } } } } } } }`;
    const statements = async (first: number, nested: number) => {
      t.db.counter.reset();
      const data = await ok(query, { first, nested }, coordinator);
      return { selects: t.db.counter.selects.length, programmes: data.programmes.edges.length, enrolments: data.programmes.edges.flatMap((e: Data) => e.node.cohorts.edges.flatMap((c: Data) => c.node.enrolments.edges)).length };
    };
    const small = await statements(1, 1);
    const large = await statements(10, 5);
    expect(small.programmes).toBe(1);
    expect(small.enrolments).toBe(1);
    expect(large.programmes).toBeGreaterThanOrEqual(4);
    expect(large.enrolments).toBeGreaterThanOrEqual(4 * 2 * 3);
    // Identity; programmes and their count; cohorts (one windowed query) and each cohort's programme;
    // days and enrolments (one windowed query each); the enrolments' people, cohorts and attendance counts.
    expect(small.selects).toBe(10);
    expect(large.selects).toBe(small.selects);
  });
});
