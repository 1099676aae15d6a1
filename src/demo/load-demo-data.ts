import { addDays } from '../common/dates';
import { DataSource, EntityManager } from 'typeorm';
import { AllianceTariff } from '../modules/alliances/alliance-tariff.entity';
import { AllianceTerm } from '../modules/alliances/alliance-term.entity';
import { Alliance } from '../modules/alliances/alliance.entity';
import { SchoolMembership } from '../modules/alliances/school-membership.entity';
import { SchoolMembershipRole } from '../modules/alliances/alliance-enums';
import { School } from '../modules/schools/school.entity';
import { normaliseCode, SchoolRecord, upsertSchools } from '../modules/schools/school-record';
import { Person } from '../modules/people/person.entity';
import { Membership } from '../modules/users/membership.entity';
import { User } from '../modules/users/user.entity';
import { BASE_TERMS, DEMO_ALLIANCES, DemoAlliance } from './demo-alliances';
import { DEMO_LOGINS, demoPeople, PLATFORM_ADMIN_EMAIL, PLATFORM_ANALYST_EMAIL } from './demo-people';
import { DEMO_SCHOOLS, DemoSchool } from './demo-schools';
import { loadDemoSystemLeaders } from './demo-system-leaders';
import { loadDemoBrokerage } from './demo-brokerage';
import { loadDemoResearch } from './demo-research';
import { englishDate } from '../common/academic-year';

/** Loads the demo data when the database has no alliance yet. Returns whether it did. */
export async function loadDemoDataIfEmpty(dataSource: DataSource): Promise<boolean> {
  return dataSource.transaction(async (em) => {
    // Two processes starting at once must not both load it.
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('alliance-graph:demo-data'))`);
    if (await em.getRepository(Alliance).exists()) return false;
    await loadDemoData(em);
    return true;
  });
}

/**
 * Deterministic: the same rows every run (ids aside) for the same load date; system leaders' dates
 * count from it (demo-calendar.ts); brokerage follows the designations (demo-brokerage.ts); research last (demo-research.ts).
 */
export async function loadDemoData(em: EntityManager, today: string = englishDate()): Promise<void> {
  await em.getRepository(User).insert({ email: PLATFORM_ADMIN_EMAIL, displayName: 'Platform Admin', isPlatformAdmin: true });
  await em.getRepository(User).insert({ email: PLATFORM_ANALYST_EMAIL, displayName: 'Platform Analyst', isPlatformAnalyst: true });
  await upsertSchools(em, DEMO_SCHOOLS.map(toRecord));
  const schools = await em.getRepository(School).find({ where: DEMO_SCHOOLS.map((s) => ({ urn: s.urn })) });
  const schoolId = new Map(schools.map((s) => [s.urn, s.id]));

  for (const demo of DEMO_ALLIANCES) {
    const members = DEMO_SCHOOLS.filter((s) => s.alliance === demo.slug);
    const lead = members.find((s) => s.allianceRole === 'LEAD_SCHOOL');
    const alliance = await em.getRepository(Alliance).save(
      em.create(Alliance, {
        slug: demo.slug,
        name: demo.name,
        kind: demo.kind,
        reviewPeriodYears: demo.reviewPeriodYears,
        minReleaseDaysPerYear: demo.minReleaseDaysPerYear,
      }),
    );
    await em.getRepository(SchoolMembership).insert(
      members.map((s) => ({
        allianceId: alliance.id,
        schoolId: schoolId.get(s.urn)!,
        role: s.allianceRole as SchoolMembershipRole,
        startsOn: s.memberSince ?? '2019-09-01',
      })),
    );
    await em.getRepository(AllianceTariff).insert({ allianceId: alliance.id, effectiveFrom: '2024-09-01', ...demo.tariff });
    await em.getRepository(AllianceTerm).insert(
      BASE_TERMS.map((t) => ({ allianceId: alliance.id, academicYear: t.academicYear, term: t.term, startsOn: addDays(t.startsOn, demo.termShiftDays), endsOn: addDays(t.endsOn, demo.termShiftDays) })),
    );
    const others = members.filter((s) => s !== lead);
    await loadDemoStaff(em, demo, alliance, (pick) => schoolId.get(pick === 'lead' ? lead!.urn : others[(pick - 1) % others.length].urn)!);
  }
  await loadDemoSystemLeaders(em, today);
  await loadDemoBrokerage(em, today);
  await loadDemoResearch(em, today);
}

/** A handful of staff records per alliance, and the demo users who sign in as them. */
async function loadDemoStaff(em: EntityManager, demo: DemoAlliance, alliance: Alliance, schoolOf: (pick: 'lead' | number) => string): Promise<void> {
  const personIds = new Map<string, string>();
  for (const p of demoPeople(demo.slug)) {
    const email = `${p.givenName}.${p.familyName}`.toLowerCase().replace(/[^a-z.]/g, '') + `@${demo.slug}.school.demo`;
    const person = await em.getRepository(Person).save(
      em.create(Person, {
        allianceId: alliance.id, givenName: p.givenName, familyName: p.familyName, email, phone: '01632 960 000',
        schoolId: schoolOf(p.school), jobTitle: p.jobTitle, leadershipLevel: p.leadershipLevel, inLeadershipSince: p.inLeadershipSince,
      }),
    );
    if (p.login) personIds.set(p.login, person.id);
  }
  const head = demoPeople(demo.slug).find((p) => p.login === 'head')!;
  for (const login of DEMO_LOGINS) {
    const user = await em.getRepository(User).save(em.create(User, { email: `${login.local}@${demo.slug}.demo`, displayName: `${demo.name} ${login.local}` }));
    await em.getRepository(Membership).insert({
      userId: user.id,
      allianceId: alliance.id,
      role: login.role,
      schoolId: login.role === 'SCHOOL_LEAD' ? schoolOf(head.school) : null,
      personId: login.role === 'PRACTITIONER' && login.person ? personIds.get(login.person)! : null,
    });
  }
}

const code = (value: string | null) => (value === null ? null : normaliseCode(value));

function toRecord(s: DemoSchool): SchoolRecord {
  return {
    urn: s.urn, name: s.name, laCode: s.laCode, laName: s.laName, establishmentNumber: s.establishmentNumber,
    typeCode: code(s.typeCode), typeName: s.typeName, typeGroupCode: code(s.typeGroupCode), typeGroupName: s.typeGroupName,
    statusCode: code(s.statusCode), statusName: s.statusName, phaseCode: code(s.phaseCode), phaseName: s.phaseName,
    statutoryLowAge: s.lowAge, statutoryHighAge: s.highAge,
    religiousCharacterCode: code(s.religiousCharacterCode), religiousCharacterName: s.religiousCharacterName,
    dioceseCode: s.dioceseCode, dioceseName: s.dioceseName, trustCode: s.trustCode, trustName: s.trustName,
    ukprn: s.ukprn, postcode: s.postcode, town: s.town, openDate: s.openDate, closeDate: null, lastChangedDate: null,
  };
}
