import { EntityManager } from 'typeorm';
import { Alliance } from '../../src/modules/alliances/alliance.entity';
import { DesignationStatus, DesignationType, ReferenceKind, ReviewTrigger } from '../../src/modules/designations/designation-enums';
import { DesignationReference } from '../../src/modules/designations/designation-reference.entity';
import { DesignationReview } from '../../src/modules/designations/designation-review.entity';
import { Designation } from '../../src/modules/designations/designation.entity';
import { ReleaseCommitment } from '../../src/modules/designations/release-commitment.entity';
import { RecruitmentRoundTarget } from '../../src/modules/recruitment/recruitment-round-target.entity';
import { RecruitmentRound } from '../../src/modules/recruitment/recruitment-round.entity';
import { Person } from '../../src/modules/people/person.entity';

export const areaId = async (em: EntityManager, code: string): Promise<string> =>
  (await em.query(`SELECT id FROM areas_of_expertise WHERE code = $1`, [code]))[0].id;

export async function createRound(em: EntityManager, alliance: Alliance, overrides: Partial<RecruitmentRound> = {}, targets: Record<string, number> = { MATHS: 2 }): Promise<RecruitmentRound> {
  const round = await em.getRepository(RecruitmentRound).save(
    em.create(RecruitmentRound, { allianceId: alliance.id, designationType: DesignationType.SLE, name: 'Round', applicationDeadline: '2099-01-31', trainingDates: [], ...overrides }),
  );
  for (const [code, target] of Object.entries(targets)) {
    await em.getRepository(RecruitmentRoundTarget).insert({ allianceId: alliance.id, roundId: round.id, areaId: await areaId(em, code), target });
  }
  return round;
}

/** A designation row as it would be at `status`, with the dates that status implies. */
export async function createDesignation(em: EntityManager, person: Person, overrides: Partial<Designation> = {}): Promise<Designation> {
  const status = overrides.status ?? DesignationStatus.APPLIED;
  const live = status === DesignationStatus.ACTIVE || status === DesignationStatus.UNDER_REVIEW;
  return em.getRepository(Designation).save(
    em.create(Designation, {
      allianceId: person.allianceId, personId: person.id, type: DesignationType.SLE, status, areaIds: [await areaId(em, 'MATHS')], phases: [], assessors: [],
      appliedOn: '2024-01-10', ...(live && { approvedOn: '2024-03-01', designatedOn: '2024-04-01', reviewDueOn: '2028-04-01' }), ...overrides,
    }),
  );
}

/** One row of every system-leader table for a tenant, each text carrying the tenant's marker (see security/support/world.ts). */
export interface SeededSystemLeaders {
  round: RecruitmentRound;
  /** The holder's designation, under review with a commitment and a review. */
  active: Designation;
  /** The applicant's application, with a headteacher reference. */
  application: Designation;
}

export async function seedSystemLeaders(em: EntityManager, alliance: Alliance, holder: Person, applicant: Person, marker: string): Promise<SeededSystemLeaders> {
  const round = await createRound(em, alliance, { name: `${marker}_ROUND` });
  const active = await createDesignation(em, holder, { status: DesignationStatus.UNDER_REVIEW, statement: `${marker}_STATEMENT`, roundId: round.id });
  const application = await createDesignation(em, applicant, { statement: `${marker}_APPLICATION`, roundId: round.id, type: DesignationType.SLE });
  await em.getRepository(DesignationReference).insert({
    allianceId: alliance.id, designationId: application.id, kind: ReferenceKind.HEADTEACHER, refereeName: `${marker}_REFEREE`, supports: true,
    statement: `${marker}_REFERENCE`, receivedOn: '2024-01-20', recordedByCoordinator: true,
  });
  await em.getRepository(ReleaseCommitment).insert({ allianceId: alliance.id, designationId: active.id, academicYear: 2024, committedDays: 10, signedByName: `${marker}_SIGNED`, signedOn: '2024-05-01' });
  await em.getRepository(DesignationReview).insert({ allianceId: alliance.id, designationId: active.id, trigger: ReviewTrigger.OTHER, reason: `${marker}_REVIEW`, openedOn: '2025-01-01' });
  return { round, active, application };
}
