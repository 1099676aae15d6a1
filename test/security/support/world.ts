import { EntityManager } from 'typeorm';
import { toGlobalId } from '../../../src/common/global-id';
import { AllianceTariff } from '../../../src/modules/alliances/alliance-tariff.entity';
import { AllianceTerm } from '../../../src/modules/alliances/alliance-term.entity';
import { SchoolMembershipRole, Term } from '../../../src/modules/alliances/alliance-enums';
import { Alliance } from '../../../src/modules/alliances/alliance.entity';
import { Person } from '../../../src/modules/people/person.entity';
import { School } from '../../../src/modules/schools/school.entity';
import { MembershipRole } from '../../../src/modules/users/user-enums';
import { addMember, createAlliance, createSchool } from '../../factories';
import { createPerson, createUser, TestUser } from '../../factories/users';
import { SeededSystemLeaders, seedSystemLeaders } from '../../factories/designations';
import { SeededBrokerage, seedBrokerage } from '../../factories/deployments';
import { seedResearch } from '../../factories/research';

/**
 * Two alliances, A and B, seeded so that a leak is easy to see: every string field of a staff
 * record carries its alliance's marker ("MARKER_B_…", lower case in emails, which must be), and
 * each alliance's members-only numbers (tariffs, term dates) carry a numeric marker.
 * Shared reference data (alliance names, schools) carries no marker: it is meant to be seen.
 */

export type TenantKey = 'A' | 'B';

/** Matches any trace of a tenant's staff data in a JSON response. */
export const markerPattern = (key: TenantKey) => new RegExp(`marker_${key}`, 'i');

/** Members-only numbers: a tariff in pence and an academic year no other row uses. */
export const NUMERIC_MARKERS: Record<TenantKey, { fullDayPence: number; academicYear: number }> = {
  A: { fullDayPence: 6_543_201, academicYear: 2091 },
  B: { fullDayPence: 7_777_331, academicYear: 2093 },
};

export interface Tenant {
  key: TenantKey;
  alliance: Alliance;
  /** The school lead's school, and another member school. */
  leadSchool: School;
  otherSchool: School;
  /** Every staff record, including the three named below. */
  people: Person[];
  /** The practitioner's own record, at the lead school. */
  practitionerPerson: Person;
  /** A colleague at the lead school (not the practitioner). */
  colleagueAtLeadSchool: Person;
  /** A record at the other school. */
  personAtOtherSchool: Person;
  users: Record<MembershipRole, TestUser>;
  /** The practitioner's designation (under review) and the lead-school colleague's application. */
  systemLeaders: SeededSystemLeaders;
  /** The practitioner's deployments (home: the lead school; supported: the other school) and their request. */
  brokerage: SeededBrokerage;
}

export interface World {
  A: Tenant;
  B: Tenant;
  /** users.is_platform_admin, with no membership: acts for an alliance only through X-Alliance-Id. */
  platformAdmin: TestUser;
  /** users.is_platform_analyst, with no membership: the platform's counts, no tenant row. */
  platformAnalyst: TestUser;
  /** ALLIANCE_ADMIN of both alliances: needs X-Alliance-Id to act for either. */
  adminOfBoth: TestUser;
}

/** Global ids, as clients see them. */
export const gid = (type: string, row: { id: string }) => toGlobalId(type, row.id);

let emailSequence = 0;

export function personFields(key: TenantKey, label: string): Partial<Person> {
  const n = ++emailSequence;
  return {
    givenName: `MARKER_${key}_Given_${label}`,
    familyName: `MARKER_${key}_Family_${label}`,
    email: `marker_${key.toLowerCase()}_${label.toLowerCase()}_${n}@${key.toLowerCase()}.invalid`,
    phone: `MARKER_${key}_PHONE_${n}`,
    jobTitle: `MARKER_${key}_JOB_${label}`,
  };
}

async function seedTenant(em: EntityManager, key: TenantKey, extraPeople: number): Promise<Tenant> {
  const leadSchool = await createSchool(em);
  const otherSchool = await createSchool(em);
  const alliance = await createAlliance(em, { slug: `tenant-${key.toLowerCase()}`, name: `Tenant ${key} Alliance` });
  await addMember(em, alliance, leadSchool, { role: SchoolMembershipRole.LEAD_SCHOOL });
  await addMember(em, alliance, otherSchool);
  const marks = NUMERIC_MARKERS[key];
  await em.getRepository(AllianceTariff).insert({ allianceId: alliance.id, effectiveFrom: '2020-09-01', fullDayPence: marks.fullDayPence, halfDayPence: null, hoursPerDay: 6, brokerageFeePerDayPence: 1000 });
  await em.getRepository(AllianceTerm).insert({ allianceId: alliance.id, academicYear: marks.academicYear, term: Term.AUTUMN, startsOn: `${marks.academicYear}-09-03`, endsOn: `${marks.academicYear}-12-19` });

  const practitionerPerson = await createPerson(em, alliance, { ...personFields(key, 'Practitioner'), schoolId: leadSchool.id });
  const colleagueAtLeadSchool = await createPerson(em, alliance, { ...personFields(key, 'Colleague'), schoolId: leadSchool.id });
  const personAtOtherSchool = await createPerson(em, alliance, { ...personFields(key, 'Other'), schoolId: otherSchool.id });
  const people = [practitionerPerson, colleagueAtLeadSchool, personAtOtherSchool];
  for (let i = 0; i < extraPeople; i++) {
    people.push(await createPerson(em, alliance, { ...personFields(key, `Staff${String(i).padStart(2, '0')}`), schoolId: i % 3 === 0 ? otherSchool.id : leadSchool.id }));
  }

  const systemLeaders = await seedSystemLeaders(em, alliance, practitionerPerson, colleagueAtLeadSchool, `MARKER_${key}`);

  const users = {
    [MembershipRole.ALLIANCE_ADMIN]: await createUser(em, { email: `admin-${key.toLowerCase()}@test.invalid`, memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] }),
    [MembershipRole.SCHOOL_LEAD]: await createUser(em, { email: `lead-${key.toLowerCase()}@test.invalid`, memberships: [{ alliance, role: MembershipRole.SCHOOL_LEAD, school: leadSchool }] }),
    [MembershipRole.PRACTITIONER]: await createUser(em, { email: `practitioner-${key.toLowerCase()}@test.invalid`, memberships: [{ alliance, role: MembershipRole.PRACTITIONER, person: practitionerPerson }] }),
    [MembershipRole.ANALYST]: await createUser(em, { email: `analyst-${key.toLowerCase()}@test.invalid`, memberships: [{ alliance, role: MembershipRole.ANALYST }] }),
  };
  await seedProgramme(em, key, alliance, practitionerPerson);
  const brokerage = await seedBrokerage(em, alliance, systemLeaders.active, leadSchool, otherSchool, `MARKER_${key}`);
  await seedResearch(em, alliance, practitionerPerson, leadSchool, `MARKER_${key}`);
  return { key, alliance, leadSchool, otherSchool, people, practitionerPerson, colleagueAtLeadSchool, personAtOtherSchool, users, systemLeaders, brokerage };
}

/** Seeds A and B with `extraPeople` staff records each on top of the three named ones. */
export async function seedWorld(em: EntityManager, options: { extraPeople?: number } = {}): Promise<World> {
  const A = await seedTenant(em, 'A', options.extraPeople ?? 5);
  const B = await seedTenant(em, 'B', options.extraPeople ?? 5);
  const platformAdmin = await createUser(em, { email: 'platform-admin@test.invalid', platformAdmin: true });
  const platformAnalyst = await createUser(em, { email: 'platform-analyst@test.invalid', platformAnalyst: true });
  const adminOfBoth = await createUser(em, {
    email: 'admin-of-both@test.invalid',
    memberships: [
      { alliance: A.alliance, role: MembershipRole.ALLIANCE_ADMIN },
      { alliance: B.alliance, role: MembershipRole.ALLIANCE_ADMIN },
    ],
  });
  return { A, B, platformAdmin, platformAnalyst, adminOfBoth };
}

/** A programme with one cohort, day, enrolment (the practitioner's) and attendance: a row of every programme table, carrying the marker. */
async function seedProgramme(em: EntityManager, key: TenantKey, alliance: Alliance, person: Person): Promise<void> {
  const one = async (sql: string, params: unknown[]) => ((await em.query(sql, params)) as { id: string }[])[0].id;
  const programme = await one(`INSERT INTO programmes (alliance_id, name, kind, description) VALUES ($1, $2, 'OTHER', $3) RETURNING id`, [alliance.id, `MARKER_${key}_Programme`, `MARKER_${key}_description`]);
  const cohort = await one(`INSERT INTO programme_cohorts (alliance_id, programme_id, name, starts_on, ends_on) VALUES ($1, $2, $3, '2025-01-14', '2025-01-14') RETURNING id`, [alliance.id, programme, `MARKER_${key}_Cohort`]);
  const day = await one(`INSERT INTO programme_days (alliance_id, cohort_id, held_on, title) VALUES ($1, $2, '2025-01-14', $3) RETURNING id`, [alliance.id, cohort, `MARKER_${key}_Day`]);
  const enrolment = await one(`INSERT INTO programme_enrolments (alliance_id, cohort_id, person_id) VALUES ($1, $2, $3) RETURNING id`, [alliance.id, cohort, person.id]);
  await em.query(`INSERT INTO programme_attendance (alliance_id, cohort_id, day_id, enrolment_id, attended) VALUES ($1, $2, $3, $4, true)`, [alliance.id, cohort, day, enrolment]);
}
