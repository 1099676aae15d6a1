import DataLoader from 'dataloader';
import { englishDate } from '../../common/academic-year';
import { byId, LoaderScope, pagedBy, scopedQuery } from '../../loaders/helpers';
import { declareFieldColumns } from '../../loaders/selection';
import { ProgrammeCohort } from './programme-cohort.entity';
import { ProgrammeDay } from './programme-day.entity';
import { ProgrammeEnrolment } from './programme-enrolment.entity';
import { Programme } from './programme.entity';
import { enrolmentsVisibleTo, programmesVisibleTo } from './programme.policy';

const visible = programmesVisibleTo;

/** Days attended, and days held so far (or up to completion) without a recorded attendance. */
export interface AttendanceSummary {
  attended: number;
  missed: number;
}

/**
 * Attendance counts for many enrolments in one statement: each enrolment's cohort days, joined to
 * its attendance rows. A day counts as missed once it has been held (by today, or by the completion
 * date for a completed enrolment) and nobody recorded the person as present.
 */
function attendanceSummaries(scope: LoaderScope) {
  return new DataLoader<string, AttendanceSummary>(async (keys) => {
    const qb = scopedQuery(scope, ProgrammeEnrolment, { visible: enrolmentsVisibleTo });
    if (!qb) return keys.map(() => ({ attended: 0, missed: 0 }));
    const [sql, parameters] = qb
      .select('e.id', 'id')
      .addSelect('count(d.id) FILTER (WHERE a.attended)', 'attended')
      .addSelect('count(d.id) FILTER (WHERE d.held_on <= coalesce(e.completed_on, CAST(:today AS date)) AND a.attended IS NOT TRUE)', 'missed')
      .innerJoin(ProgrammeDay, 'd', 'd.cohort_id = e.cohort_id AND d.alliance_id = e.alliance_id')
      .leftJoin('programme_attendance', 'a', 'a.day_id = d.id AND a.enrolment_id = e.id AND a.alliance_id = e.alliance_id')
      .andWhere('e.id IN (SELECT unnest(CAST(:keys AS uuid[])))', { keys, today: englishDate() })
      .groupBy('e.id')
      .getQueryAndParameters();
    const rows: { id: string; attended: string; missed: string }[] = await scope.em.query(sql, parameters);
    const found = new Map(rows.map((r) => [r.id, { attended: Number(r.attended), missed: Number(r.missed) }]));
    return keys.map((key) => found.get(key) ?? { attended: 0, missed: 0 });
  });
}

export const programmeLoaders = {
  programmeById: byId(Programme, { visible }),
  programmeCohortById: byId(ProgrammeCohort, { visible }),
  programmeDayById: byId(ProgrammeDay, { visible }),
  programmeEnrolmentById: byId(ProgrammeEnrolment, { visible: enrolmentsVisibleTo }),
  programmeCohortsByProgrammeId: pagedBy(ProgrammeCohort, 'programmeId', { visible, orderBy: 'e.starts_on DESC' }),
  programmeDaysByCohortId: pagedBy(ProgrammeDay, 'cohortId', { visible, orderBy: 'e.held_on' }),
  programmeEnrolmentsByCohortId: pagedBy(ProgrammeEnrolment, 'cohortId', { visible: enrolmentsVisibleTo, orderBy: 'e.created_at' }),
  programmeAttendanceByEnrolmentId: attendanceSummaries,
};

// GraphQL fields that are not a column of the same name (src/loaders/selection.ts).
declareFieldColumns(Programme, { fields: { cohorts: [] } });
declareFieldColumns(ProgrammeCohort, { fields: { programme: ['programmeId'], days: [], enrolments: [] } });
declareFieldColumns(ProgrammeDay, { fields: { cohort: ['cohortId'] } });
declareFieldColumns(ProgrammeEnrolment, { fields: { person: ['personId'], cohort: ['cohortId'], attendedDays: [], daysMissed: [] } });
