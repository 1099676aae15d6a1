import { EntityManager } from 'typeorm';
import { academicYearOf, englishDate, formatAcademicYear } from '../common/academic-year';
import { Alliance } from '../modules/alliances/alliance.entity';
import { Person } from '../modules/people/person.entity';
import { ProgrammeCohort } from '../modules/programmes/programme-cohort.entity';
import { ProgrammeDay } from '../modules/programmes/programme-day.entity';
import { ProgrammeEnrolment } from '../modules/programmes/programme-enrolment.entity';
import { Programme } from '../modules/programmes/programme.entity';
import { RecruitmentRoundTarget } from '../modules/recruitment/recruitment-round-target.entity';
import { RecruitmentRound } from '../modules/recruitment/recruitment-round.entity';
import { School } from '../modules/schools/school.entity';
import { User } from '../modules/users/user.entity';
import { DEMO_ALLIANCES, DemoAlliance } from './demo-alliances';
import { dayOf } from './demo-calendar';
import { loadDemoDesignation } from './demo-designation-rows';
import { DEMO_DESIGNATIONS } from './demo-designations';
import { demoPeople } from './demo-people';
import { DEMO_PROGRAMMES, DemoCohort, DemoProgramme } from './demo-programmes';
import { ROMERO_ROUND, ROUND_DATES } from './demo-romero-round';
import { EXTRA_STAFF, STAFF_BY_JOB_TITLE } from './demo-system-leader-staff';

/** What the system-leader rows of one alliance point at: its staff by key, its demo users, the areas by code. */
export interface DemoWorld {
  alliance: Alliance;
  today: string;
  staff: Map<string, Person>;
  coordinator: User;
  head: { user: User; schoolId: string };
  schoolNames: Map<string, string>;
  areaIds: Map<string, string>;
}

/**
 * System leaders (issue 9, item 11): programmes, Romero's round, designations with their references,
 * release commitments and reviews, after the alliances and their staff exist. Seed data, not changes:
 * no audit rows. Dates count from `today` (demo-calendar.ts), so one load date gives the same rows.
 */
export async function loadDemoSystemLeaders(em: EntityManager, today: string = englishDate()): Promise<void> {
  const areas: { id: string; code: string }[] = await em.query(`SELECT id, code FROM areas_of_expertise`);
  const areaIds = new Map(areas.map((a) => [a.code, a.id]));
  for (const demo of DEMO_ALLIANCES) {
    const world = await worldOf(em, demo, today, areaIds);
    for (const programme of DEMO_PROGRAMMES.filter((p) => p.alliance === demo.slug)) await loadProgramme(em, world, programme);
    const roundId = demo.slug === 'romero' ? await loadRomeroRound(em, world) : null;
    for (const designation of DEMO_DESIGNATIONS[demo.slug]) await loadDemoDesignation(em, world, designation, designation.round ? roundId : null);
  }
}

async function worldOf(em: EntityManager, demo: DemoAlliance, today: string, areaIds: Map<string, string>): Promise<DemoWorld> {
  const alliance = await em.getRepository(Alliance).findOneByOrFail({ slug: demo.slug });
  const schools: School[] = await em.query(
    `SELECT s.id, s.urn, s.name FROM schools s JOIN alliance_school_memberships m ON m.school_id = s.id WHERE m.alliance_id = $1`, [alliance.id],
  );
  const schoolByUrn = new Map(schools.map((s) => [s.urn, s.id]));
  for (const p of EXTRA_STAFF[demo.slug]) {
    const email = `${p.givenName}.${p.familyName}`.toLowerCase().replace(/[^a-z.]/g, '') + `@${demo.slug}.school.demo`;
    await em.getRepository(Person).insert({
      allianceId: alliance.id, givenName: p.givenName, familyName: p.familyName, email, phone: '01632 960 000', schoolId: schoolByUrn.get(p.urn)!,
      jobTitle: p.jobTitle, leadershipLevel: p.leadershipLevel, inLeadershipSince: p.inLeadershipSince,
    });
  }
  const people = await em.getRepository(Person).findBy({ allianceId: alliance.id });
  const named = (given: string, family: string) => people.find((p) => p.givenName === given && p.familyName === family)!;
  const staff = new Map<string, Person>();
  for (const [key, title] of Object.entries(STAFF_BY_JOB_TITLE)) {
    const p = demoPeople(demo.slug).find((d) => d.jobTitle === title)!;
    staff.set(key, named(p.givenName, p.familyName));
  }
  for (const p of EXTRA_STAFF[demo.slug]) staff.set(p.key, named(p.givenName, p.familyName));
  const user = (local: string) => em.getRepository(User).findOneByOrFail({ email: `${local}@${demo.slug}.demo` });
  return {
    alliance, today, staff, areaIds, coordinator: await user('coordinator'),
    head: { user: await user('head'), schoolId: staff.get('head')!.schoolId! },
    schoolNames: new Map(schools.map((s) => [s.id, s.name])),
  };
}

async function loadProgramme(em: EntityManager, world: DemoWorld, demo: DemoProgramme): Promise<void> {
  const programme = await em.getRepository(Programme).save(
    em.create(Programme, {
      allianceId: world.alliance.id, name: demo.name, kind: demo.kind, description: demo.description,
      requiredFor: demo.required?.for ?? null, requiredBefore: demo.required?.before ?? null,
    }),
  );
  for (const cohort of demo.cohorts) await loadCohort(em, world, programme, cohort);
}

/** A cohort, its days, its enrolments and the attendance of the days held so far; completion for those who attended every day. */
async function loadCohort(em: EntityManager, world: DemoWorld, programme: Programme, demo: DemoCohort): Promise<void> {
  const allianceId = world.alliance.id;
  const days = demo.days.map((d) => ({ heldOn: dayOf(d.on, world.today), title: d.title }));
  const first = days[0].heldOn;
  const last = days.at(-1)!.heldOn;
  const name = demo.name.replace('{year}', formatAcademicYear(academicYearOf(first)));
  const cohort = await em.getRepository(ProgrammeCohort).save(em.create(ProgrammeCohort, { allianceId, programmeId: programme.id, name, startsOn: first, endsOn: last }));
  const dayIds: string[] = [];
  for (const day of days) dayIds.push((await em.getRepository(ProgrammeDay).save(em.create(ProgrammeDay, { allianceId, cohortId: cohort.id, ...day }))).id);
  for (const key of demo.enrolled) {
    const absent = demo.absent?.[key] ?? [];
    const completed = demo.completes && last <= world.today && absent.length === 0;
    const enrolment = await em.getRepository(ProgrammeEnrolment).save(
      em.create(ProgrammeEnrolment, { allianceId, cohortId: cohort.id, personId: world.staff.get(key)!.id, completedOn: completed ? last : null }),
    );
    for (const [i, day] of days.entries()) {
      if (day.heldOn > world.today || i < (demo.joinedAt?.[key] ?? 0)) continue;
      await em.query(
        `INSERT INTO programme_attendance (alliance_id, cohort_id, day_id, enrolment_id, attended) VALUES ($1, $2, $3, $4, $5)`,
        [allianceId, cohort.id, dayIds[i], enrolment.id, !absent.includes(i)],
      );
    }
  }
}

async function loadRomeroRound(em: EntityManager, world: DemoWorld): Promise<string> {
  const on = (when: number) => dayOf(when, world.today);
  const round = await em.getRepository(RecruitmentRound).save(
    em.create(RecruitmentRound, {
      allianceId: world.alliance.id, designationType: ROMERO_ROUND.designationType, name: ROMERO_ROUND.name, overallTarget: ROMERO_ROUND.overallTarget,
      detailsSentOn: on(ROUND_DATES.detailsSent), applicationDeadline: on(ROUND_DATES.deadline), assessmentOn: on(ROUND_DATES.assessment),
      nationalNotificationOn: on(ROUND_DATES.notification), trainingDates: [...ROUND_DATES.training, ...ROUND_DATES.laterTraining].map((d) => dayOf(d, world.today)),
    }),
  );
  await em.getRepository(RecruitmentRoundTarget).insert(
    Object.entries(ROMERO_ROUND.targets).map(([code, target]) => ({ allianceId: world.alliance.id, roundId: round.id, areaId: world.areaIds.get(code)!, target })),
  );
  return round.id;
}
