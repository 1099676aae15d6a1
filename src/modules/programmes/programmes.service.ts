import { QueryFailedError } from 'typeorm';
import { englishDate } from '../../common/academic-year';
import { PageArgs } from '../../common/connection';
import { BadUserInput, Conflict, NotFound } from '../../common/errors';
import { expectGlobalId } from '../../common/global-id';
import { paginate } from '../../common/paginate';
import { actingOf, RequestContext } from '../../context/context';
import { inTransaction } from '../../context/transaction';
import { scopedQuery } from '../../loaders/helpers';
import { recordChange } from '../audit/audit.service';
import { DesignationType } from '../designations/designation-enums';
import { optionalText, requiredText } from '../people/person.validation';
import { ProgrammeCohort } from './programme-cohort.entity';
import { ProgrammeDay } from './programme-day.entity';
import { ProgrammeEnrolment } from './programme-enrolment.entity';
import { RequirementStage } from './programme-enums';
import { Programme } from './programme.entity';
import { enrolmentsVisibleTo, programmesVisibleTo } from './programme.policy';
import {
  CreateProgrammeInput,
  EnrolOnProgrammeCohortInput,
  ProgrammeFilter,
  RecordProgrammeAttendanceInput,
  RecordProgrammeCompletionInput,
  ScheduleProgrammeCohortInput,
  UpdateProgrammeInput,
} from './programmes.inputs';

/** More days than any real programme has; it bounds a cohort's days, which are read as one list. */
export const MAX_COHORT_DAYS = 60;
const MAX_ATTENDANCE_ROWS = 500;
const EARLIEST_DAY = '2000-01-01';

const constraintOf = (error: unknown) => (error instanceof QueryFailedError ? (error.driverError as { constraint?: string }).constraint : undefined);

/** The acting alliance's rows of a table that the caller may see, tenant and visibility in SQL. */
function visibleProgrammes(ctx: RequestContext) {
  actingOf(ctx);
  return scopedQuery(ctx, Programme, { visible: programmesVisibleTo }) ?? ctx.em.createQueryBuilder(Programme, 'e').where('false');
}

function visibleEnrolments(ctx: RequestContext) {
  actingOf(ctx);
  return scopedQuery(ctx, ProgrammeEnrolment, { visible: enrolmentsVisibleTo }) ?? ctx.em.createQueryBuilder(ProgrammeEnrolment, 'e').where('false');
}

export function listProgrammes(ctx: RequestContext, filter: ProgrammeFilter | null | undefined, page: PageArgs) {
  const qb = visibleProgrammes(ctx);
  if (filter?.kind) qb.andWhere('e.kind = :kind', { kind: filter.kind });
  if (filter?.requiredFor) qb.andWhere('e.required_for = :requiredFor', { requiredFor: filter.requiredFor });
  return paginate(qb, page, [{ expression: 'e.name', value: (p) => p.name }]);
}

/** Both set or both null: a requirement names a designation type and the step it comes before. */
function checkRequirement(requiredFor: DesignationType | null, requiredBefore: RequirementStage | null): void {
  if (requiredFor && !requiredBefore) throw new BadUserInput('input.requiredBefore must be set with input.requiredFor', 'input.requiredBefore');
  if (requiredBefore && !requiredFor) throw new BadUserInput('input.requiredFor must be set with input.requiredBefore', 'input.requiredFor');
}

const PROGRAMME_FIELDS = ['name', 'kind', 'description', 'requiredFor', 'requiredBefore'] as const;

async function saveProgramme(ctx: RequestContext, programme: Programme): Promise<Programme> {
  try {
    return await ctx.em.save(programme);
  } catch (error) {
    if (constraintOf(error) === 'programmes_alliance_name') throw new BadUserInput(`input.name: the alliance already has a programme named "${programme.name}"`, 'input.name');
    throw error;
  }
}

export async function createProgramme(ctx: RequestContext, input: CreateProgrammeInput): Promise<Programme> {
  const acting = actingOf(ctx);
  checkRequirement(input.requiredFor ?? null, input.requiredBefore ?? null);
  const programme = ctx.em.create(Programme, {
    // The tenant comes from the request, never from input (SECURITY.md T3).
    allianceId: acting.allianceId,
    name: requiredText(input.name, 'input.name'),
    kind: input.kind,
    description: optionalText(input.description, 'input.description', 2000),
    requiredFor: input.requiredFor ?? null,
    requiredBefore: input.requiredBefore ?? null,
  });
  return inTransaction(ctx, async (tx) => {
    const saved = await saveProgramme(tx, programme);
    await recordChange(tx, { action: 'createProgramme', objectType: 'Programme', objectId: saved.id, before: null, after: saved, fields: PROGRAMME_FIELDS });
    return saved;
  });
}

export function updateProgramme(ctx: RequestContext, input: UpdateProgrammeInput): Promise<Programme> {
  return inTransaction(ctx, async (tx) => {
    const id = expectGlobalId(input.id, 'Programme', 'input.id');
    // Locked, and found only if it is the caller's: another alliance's id reads as not found (T2).
    const programme = await visibleProgrammes(tx).andWhere('e.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!programme) throw new NotFound('programme');
    if (input.expectedVersion != null && input.expectedVersion !== programme.version) {
      throw new Conflict(`the programme changed since version ${input.expectedVersion}; it is now at version ${programme.version}`);
    }
    const before = { ...programme };
    if (input.name !== undefined) programme.name = requiredText(input.name ?? '', 'input.name');
    if (input.description !== undefined) programme.description = optionalText(input.description, 'input.description', 2000);
    if (input.requiredFor !== undefined) programme.requiredFor = input.requiredFor ?? null;
    if (input.requiredBefore !== undefined) programme.requiredBefore = input.requiredBefore ?? null;
    checkRequirement(programme.requiredFor, programme.requiredBefore);
    const saved = await saveProgramme(tx, programme);
    await recordChange(tx, { action: 'updateProgramme', objectType: 'Programme', objectId: saved.id, before, after: saved, fields: PROGRAMME_FIELDS });
    return saved;
  });
}

/** A day's date: a real calendar date from 2000 to five years ahead (a typo of a year is caught here, not on the day). */
function checkDayDate(value: string, field: string): string {
  const latest = `${Number(englishDate().slice(0, 4)) + 5}-12-31`;
  if (value < EARLIEST_DAY || value > latest) throw new BadUserInput(`${field} must be from ${EARLIEST_DAY} to ${latest}`, field);
  return value;
}

export async function scheduleProgrammeCohort(ctx: RequestContext, input: ScheduleProgrammeCohortInput): Promise<ProgrammeCohort> {
  const acting = actingOf(ctx);
  const programmeId = expectGlobalId(input.programmeId, 'Programme', 'input.programmeId');
  const name = requiredText(input.name, 'input.name');
  if (!input.days.length) throw new BadUserInput('input.days must hold at least one day', 'input.days');
  if (input.days.length > MAX_COHORT_DAYS) throw new BadUserInput(`input.days must hold at most ${MAX_COHORT_DAYS} days`, 'input.days');
  const firstIndexOf = new Map<string, number>();
  const days = input.days.map((day, i) => {
    const heldOn = checkDayDate(day.heldOn, `input.days[${i}].heldOn`);
    const earlier = firstIndexOf.get(heldOn);
    if (earlier !== undefined) throw new BadUserInput(`input.days[${i}].heldOn repeats input.days[${earlier}].heldOn, ${heldOn}: a cohort meets once a day`, `input.days[${i}].heldOn`);
    firstIndexOf.set(heldOn, i);
    return { heldOn, title: requiredText(day.title, `input.days[${i}].title`, 200) };
  });
  const dates = days.map((d) => d.heldOn).sort();

  return inTransaction(ctx, async (tx) => {
    const programme = await tx.loaders.programmeById.load(programmeId);
    if (!programme) throw new NotFound('programme');
    let cohort: ProgrammeCohort;
    try {
      cohort = await tx.em.save(tx.em.create(ProgrammeCohort, { allianceId: acting.allianceId, programmeId, name, startsOn: dates[0], endsOn: dates.at(-1)! }));
    } catch (error) {
      if (constraintOf(error) === 'programme_cohorts_name') throw new BadUserInput(`input.name: ${programme.name} already has a cohort named "${name}"`, 'input.name');
      throw error;
    }
    await tx.em.insert(
      ProgrammeDay,
      days.map((day) => ({ allianceId: acting.allianceId, cohortId: cohort.id, heldOn: day.heldOn, title: day.title })),
    );
    const after = { ...cohort, days: [...days].sort((a, b) => a.heldOn.localeCompare(b.heldOn)) };
    await recordChange(tx, { action: 'scheduleProgrammeCohort', objectType: 'ProgrammeCohort', objectId: cohort.id, before: null, after, fields: ['programmeId', 'name', 'startsOn', 'endsOn', 'days'] });
    return cohort;
  });
}

async function cohortOf(tx: RequestContext, globalId: string, field: string): Promise<ProgrammeCohort> {
  const cohort = await tx.loaders.programmeCohortById.load(expectGlobalId(globalId, 'ProgrammeCohort', field));
  if (!cohort) throw new NotFound('programme cohort');
  return cohort;
}

async function personOf(tx: RequestContext, globalId: string, field: string) {
  const person = await tx.loaders.personById.load(expectGlobalId(globalId, 'Person', field));
  if (!person) throw new NotFound('person');
  return person;
}

export function enrolOnProgrammeCohort(ctx: RequestContext, input: EnrolOnProgrammeCohortInput): Promise<ProgrammeEnrolment> {
  const acting = actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const cohort = await cohortOf(tx, input.cohortId, 'input.cohortId');
    const person = await personOf(tx, input.personId, 'input.personId');
    let enrolment: ProgrammeEnrolment;
    try {
      enrolment = await tx.em.save(tx.em.create(ProgrammeEnrolment, { allianceId: acting.allianceId, cohortId: cohort.id, personId: person.id }));
    } catch (error) {
      if (constraintOf(error) === 'programme_enrolments_once') throw new Conflict(`${person.displayName} is already enrolled on ${cohort.name}`);
      throw error;
    }
    await recordChange(tx, { action: 'enrolOnProgrammeCohort', objectType: 'ProgrammeEnrolment', objectId: enrolment.id, before: null, after: enrolment, fields: ['cohortId', 'personId'] });
    return enrolment;
  });
}

/** The enrolments of these people on a cohort, locked for the change; by person. */
async function enrolmentsOf(tx: RequestContext, cohortId: string, personIds: string[]): Promise<Map<string, ProgrammeEnrolment>> {
  const rows = await visibleEnrolments(tx)
    .andWhere('e.cohort_id = :cohortId', { cohortId })
    .andWhere('e.person_id IN (SELECT unnest(CAST(:personIds AS uuid[])))', { personIds })
    .setLock('pessimistic_write')
    .getMany();
  return new Map(rows.map((row) => [row.personId, row]));
}

export async function recordProgrammeAttendance(ctx: RequestContext, input: RecordProgrammeAttendanceInput): Promise<{ day: ProgrammeDay; enrolments: ProgrammeEnrolment[] }> {
  const acting = actingOf(ctx);
  const dayId = expectGlobalId(input.dayId, 'ProgrammeDay', 'input.dayId');
  if (!input.attendance.length) throw new BadUserInput('input.attendance must name at least one person', 'input.attendance');
  if (input.attendance.length > MAX_ATTENDANCE_ROWS) throw new BadUserInput(`input.attendance must name at most ${MAX_ATTENDANCE_ROWS} people`, 'input.attendance');
  const firstIndexOf = new Map<string, number>();
  const rows = input.attendance.map((row, i) => {
    const field = `input.attendance[${i}].personId`;
    const personId = expectGlobalId(row.personId, 'Person', field);
    const earlier = firstIndexOf.get(personId);
    if (earlier !== undefined) throw new BadUserInput(`${field} repeats input.attendance[${earlier}].personId`, field);
    firstIndexOf.set(personId, i);
    return { personId, attended: row.attended, field };
  });

  return inTransaction(ctx, async (tx) => {
    const day = await tx.loaders.programmeDayById.load(dayId);
    if (!day) throw new NotFound('programme day');
    const today = englishDate();
    if (day.heldOn > today) throw new BadUserInput(`input.dayId is held on ${day.heldOn}: attendance is recorded on the day or after it`, 'input.dayId');
    const enrolments = await enrolmentsOf(tx, day.cohortId, rows.map((r) => r.personId));
    for (const row of rows) {
      const enrolment = enrolments.get(row.personId);
      // The same answer for a person of another alliance as for one of this alliance who is not enrolled.
      if (!enrolment) throw new BadUserInput(`${row.field} names nobody enrolled on this cohort`, row.field);
      if (!row.attended && enrolment.completedOn && day.heldOn <= enrolment.completedOn) {
        const person = await tx.loaders.personById.load(row.personId);
        throw new Conflict(`${row.field}: ${person?.displayName ?? 'this person'} completed the cohort on ${enrolment.completedOn}, which needs every day attended; the absence cannot be recorded`);
      }
    }
    const ordered = rows.map((r) => enrolments.get(r.personId)!);
    const previous: { enrolment_id: string; attended: boolean }[] = await tx.em.query(
      `SELECT enrolment_id, attended FROM programme_attendance WHERE alliance_id = $1 AND day_id = $2 AND enrolment_id IN (SELECT unnest($3::uuid[]))`,
      [acting.allianceId, day.id, ordered.map((e) => e.id)],
    );
    const was = new Map(previous.map((p) => [p.enrolment_id, p.attended]));
    await tx.em.query(
      `INSERT INTO programme_attendance (alliance_id, cohort_id, day_id, enrolment_id, attended)
       SELECT $1, $2, $3, x.enrolment_id, x.attended FROM unnest($4::uuid[], $5::boolean[]) AS x (enrolment_id, attended)
       ON CONFLICT (day_id, enrolment_id) DO UPDATE SET attended = EXCLUDED.attended, recorded_at = now()`,
      [acting.allianceId, day.cohortId, day.id, ordered.map((e) => e.id), rows.map((r) => r.attended)],
    );
    // One audit row for the register: each person's mark before (null: none yet) and after.
    const before = { attendance: Object.fromEntries(rows.map((r, i) => [r.personId, was.get(ordered[i].id) ?? null])) };
    const after = { attendance: Object.fromEntries(rows.map((r) => [r.personId, r.attended])) };
    await recordChange(tx, { action: 'recordProgrammeAttendance', objectType: 'ProgrammeDay', objectId: day.id, before, after, fields: ['attendance'] });
    return { day, enrolments: ordered };
  });
}

export async function recordProgrammeCompletion(ctx: RequestContext, input: RecordProgrammeCompletionInput): Promise<ProgrammeEnrolment> {
  const acting = actingOf(ctx);
  const today = englishDate();
  if (input.completedOn > today) throw new BadUserInput('input.completedOn must not be in the future', 'input.completedOn');
  return inTransaction(ctx, async (tx) => {
    const cohort = await cohortOf(tx, input.cohortId, 'input.cohortId');
    const person = await personOf(tx, input.personId, 'input.personId');
    const enrolment = (await enrolmentsOf(tx, cohort.id, [person.id])).get(person.id);
    if (!enrolment) throw new BadUserInput(`input.personId: ${person.displayName} is not enrolled on ${cohort.name}`, 'input.personId');
    if (input.completedOn < cohort.endsOn) throw new BadUserInput(`input.completedOn must not be before the cohort's last day, ${cohort.endsOn}`, 'input.completedOn');
    const missed: { held_on: string; title: string }[] = await tx.em.query(
      `SELECT to_char(d.held_on, 'YYYY-MM-DD') AS held_on, d.title FROM programme_days d
         LEFT JOIN programme_attendance a ON a.day_id = d.id AND a.enrolment_id = $3 AND a.alliance_id = d.alliance_id
        WHERE d.alliance_id = $1 AND d.cohort_id = $2 AND d.held_on <= $4 AND a.attended IS NOT TRUE
        ORDER BY d.held_on`,
      [acting.allianceId, cohort.id, enrolment.id, input.completedOn],
    );
    if (missed.length) {
      const days = missed.map((d) => `${d.held_on} (${d.title})`).join(', ');
      throw new Conflict(`${person.displayName} did not attend every day of ${cohort.name}: missed ${days}`);
    }
    const before = { ...enrolment };
    enrolment.completedOn = input.completedOn;
    const saved = await tx.em.save(enrolment);
    await recordChange(tx, { action: 'recordProgrammeCompletion', objectType: 'ProgrammeEnrolment', objectId: saved.id, before, after: saved, fields: ['completedOn'] });
    return saved;
  });
}
