import { EntityManager } from 'typeorm';
import { academicYearOf } from '../common/academic-year';
import { addDays } from '../common/dates';
import { DesignationStatus as S, DesignationType, ReferenceKind, ReviewOutcome } from '../modules/designations/designation-enums';
import { DesignationReference } from '../modules/designations/designation-reference.entity';
import { DesignationReview } from '../modules/designations/designation-review.entity';
import { Designation } from '../modules/designations/designation.entity';
import { reviewDates } from '../modules/designations/designations.service';
import { ReleaseCommitment } from '../modules/designations/release-commitment.entity';
import { LeadershipLevel } from '../modules/people/person-enums';
import { Person } from '../modules/people/person.entity';
import { dayOf } from './demo-calendar';
import { DemoDesignation } from './demo-designations';
import type { DemoWorld } from './demo-system-leaders';
import { Timeline, timelineOf } from './demo-timeline';

/** Statuses in which the holder needs a head's release days this year. */
const LIVE = [S.APPROVED, S.ACTIVE, S.UNDER_REVIEW];

/** One designation with what its status implies: the head's reference, release commitments, reviews. */
export async function loadDemoDesignation(em: EntityManager, world: DemoWorld, demo: DemoDesignation, roundId: string | null): Promise<void> {
  const person = world.staff.get(demo.person);
  if (!person) throw new Error(`demo designation of unknown staff "${demo.person}" in ${world.alliance.slug}`);
  const t = timelineOf(demo, world.today);
  const dates = reviewsAndDates(world, demo, t);
  const d = await em.getRepository(Designation).save(
    em.create(Designation, {
      allianceId: world.alliance.id, personId: person.id, type: demo.type, status: demo.status, roundId,
      areaIds: (demo.areas ?? []).map((code) => world.areaIds.get(code)!), phases: demo.phases ?? [],
      nationalReference: demo.nationalReference ?? null, accreditingBody: demo.accreditingBody ?? null,
      appliedOn: t.applied!, shortlistedOn: t.shortlisted ?? null, assessedOn: t.assessed ?? null,
      assessors: t.assessed ? [`${world.coordinator.displayName}`, 'An NLE from a partner alliance'] : [], assessmentNotes: demo.assessmentNotes ?? null,
      approvedOn: t.approved ?? null, rejectedOn: t.rejected ?? null, decisionReason: demo.status === S.REJECTED ? demo.reason ?? null : null,
      appealLodgedOn: demo.appeal ? dayOf(demo.appeal.lodged, world.today) : null, appealGrounds: demo.appeal?.grounds ?? null,
      nationalBodyNotifiedOn: t.notified ?? null, designatedOn: t.designated ?? null, ...dates.designation,
    }),
  );
  if (demo.type === DesignationType.SLE) {
    await loadReferences(em, world, demo, d, person, t);
    await loadReleaseCommitments(em, world, demo, d, person, t);
  }
  for (const review of dates.reviews) await em.getRepository(DesignationReview).insert({ ...review, allianceId: world.alliance.id, designationId: d.id });
}

/**
 * The review date from designation, renewed by each review that continued it; the reviews' rows; and
 * the end of a designation its last review ended.
 */
function reviewsAndDates(world: DemoWorld, demo: DemoDesignation, t: Timeline) {
  const period = world.alliance.reviewPeriodYears;
  const designation: Partial<Designation> = {};
  const reviews: Partial<DesignationReview>[] = [];
  if (t.designated) Object.assign(designation, reviewDates(demo.type, t.designated, period));
  for (const r of demo.reviews ?? []) {
    const completedOn = r.completed ? dayOf(r.completed.on, world.today) : null;
    const continued = r.completed?.outcome === ReviewOutcome.CONTINUED ? reviewDates(demo.type, completedOn!, period) : null;
    if (continued) Object.assign(designation, continued);
    if (r.completed?.outcome === ReviewOutcome.DEDESIGNATED) Object.assign(designation, { endedOn: completedOn, endReason: r.completed.notes });
    reviews.push({
      trigger: r.trigger, reason: r.reason, openedOn: dayOf(r.opened, world.today), openedByUserId: r.byCoordinator ? world.coordinator.id : null,
      outcome: r.completed?.outcome ?? null, outcomeNotes: r.completed?.notes ?? null, completedOn,
      completedByUserId: r.completed ? world.coordinator.id : null, nextReviewDueOn: continued?.reviewDueOn ?? null,
    });
  }
  if (t.ended) Object.assign(designation, { endedOn: t.ended, endReason: demo.reason ?? null });
  return { designation, reviews };
}

/** The head who signs for a person: a headteacher of their school among the staff, else named by the school. */
function headOf(world: DemoWorld, person: Person): string {
  const head = [...world.staff.values()].find(
    (p) => p.id !== person.id && p.schoolId === person.schoolId && (p.leadershipLevel === LeadershipLevel.HEADTEACHER || p.leadershipLevel === LeadershipLevel.EXECUTIVE),
  );
  return head ? `${head.givenName} ${head.familyName}` : `Headteacher, ${world.schoolNames.get(person.schoolId!)}`;
}

/** A head at the head login's school gave it through the API; the coordinator recorded the others as received. */
function signatory(world: DemoWorld, person: Person) {
  return person.schoolId === world.head.schoolId
    ? { userId: world.head.user.id, name: world.head.user.displayName, byCoordinator: false }
    : { userId: null, name: headOf(world, person), byCoordinator: true };
}

/** The head's reference once the application went beyond waiting for it (the ones still APPLIED are the heads' to-do). */
async function loadReferences(em: EntityManager, world: DemoWorld, demo: DemoDesignation, d: Designation, person: Person, t: Timeline): Promise<void> {
  const waiting = demo.status === S.APPLIED || (demo.status === S.WITHDRAWN && !t.shortlisted);
  if (waiting) return;
  const head = signatory(world, person);
  const receivedOn = addDays(t.applied!, 5);
  await em.getRepository(DesignationReference).insert({
    allianceId: world.alliance.id, designationId: d.id, kind: ReferenceKind.HEADTEACHER, refereeUserId: head.byCoordinator ? null : head.userId,
    refereeName: head.name, refereeRole: 'Headteacher', supports: true, receivedOn, recordedByCoordinator: head.byCoordinator,
    recordedByUserId: head.byCoordinator ? world.coordinator.id : head.userId,
    statement: `${person.givenName} leads ${demo.areas?.length ? 'this area' : 'across the school'} with evidence of impact; I support the application.`,
  });
  if (demo.secondReference) {
    await em.getRepository(DesignationReference).insert({
      allianceId: world.alliance.id, designationId: d.id, kind: ReferenceKind.SECOND, refereeName: demo.secondReference.name, refereeRole: demo.secondReference.role,
      supports: true, receivedOn, recordedByCoordinator: true, recordedByUserId: world.coordinator.id,
    });
  }
}

/**
 * Release days, signed with the head's reference: for this academic year while the application or
 * designation is live (approval and designation check the year they happen in), and for the years it
 * was approved and designated in. An ended one has none for this year.
 */
async function loadReleaseCommitments(em: EntityManager, world: DemoWorld, demo: DemoDesignation, d: Designation, person: Person, t: Timeline): Promise<void> {
  const live = [S.SHORTLISTED, S.ASSESSED, ...LIVE].includes(demo.status);
  if (!live && !t.approved) return;
  const approvedYear = t.approved ? academicYearOf(t.approved) : null;
  const years = new Set([...(live ? [academicYearOf(world.today)] : []), ...[t.approved, t.designated].filter((day) => day).map((day) => academicYearOf(day!))]);
  const head = signatory(world, person);
  const days = demo.release?.days ?? world.alliance.minReleaseDaysPerYear;
  for (const year of [...years].sort()) {
    const signedOn = year === approvedYear ? addDays(t.approved!, -3) : approvedYear === null ? addDays(t.applied!, 5) : `${year}-09-01`;
    await em.getRepository(ReleaseCommitment).insert({
      allianceId: world.alliance.id, designationId: d.id, academicYear: year, committedDays: days,
      signedByUserId: head.byCoordinator ? null : head.userId, signedByName: head.name, signedOn,
      belowMinimumReason: days < world.alliance.minReleaseDaysPerYear ? demo.release?.belowMinimumReason ?? null : null,
    });
  }
}
