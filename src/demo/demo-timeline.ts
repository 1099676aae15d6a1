import { addDays } from '../common/dates';
import { DesignationStatus as S, DesignationType } from '../modules/designations/designation-enums';
import { dayOf } from './demo-calendar';
import type { DemoDesignation } from './demo-designations';

/** The recruitment stages in order, each with the usual days since the one before it. */
const STAGES = [
  ['applied', 0],
  ['shortlisted', 21],
  ['assessed', 21],
  ['approved', 7],
  ['designated', 28],
] as const;
type Stage = (typeof STAGES)[number][0];

export type Timeline = Partial<Record<Stage | 'rejected' | 'notified' | 'ended', string>>;

/** How far along the stages a status got. A rejection comes after the application or the assessment. */
function lastStage(d: DemoDesignation): number {
  switch (d.status) {
    case S.APPLIED: return 0;
    case S.SHORTLISTED: return 1;
    case S.ASSESSED: return 2;
    case S.APPROVED: return 3;
    case S.REJECTED: return d.assessed !== undefined ? 2 : d.shortlisted !== undefined ? 1 : 0;
    case S.WITHDRAWN: return d.designated !== undefined ? 4 : STAGES.findLastIndex(([stage]) => d[stage] !== undefined);
    default: return 4;
  }
}

/**
 * Every date the status implies, in order: dates the table gives are kept, the others are counted
 * back from the next stage (or from the rejection or end that followed the last stage).
 */
export function timelineOf(d: DemoDesignation, today: string): Timeline {
  const t: Timeline = {};
  if (d.rejected !== undefined) t.rejected = dayOf(d.rejected, today);
  if (d.ended !== undefined) t.ended = dayOf(d.ended, today);
  const last = lastStage(d);
  let next = t.rejected ?? t.ended ?? null;
  for (let i = last; i >= 0; i--) {
    const [stage] = STAGES[i];
    const given = d[stage];
    const day = given !== undefined ? dayOf(given, today) : next && addDays(next, -(i === last ? 7 : STAGES[i + 1][1]));
    if (!day) throw new Error(`demo ${d.type} of ${d.person}: ${stage} needs a date`);
    t[stage] = day;
    next = day;
  }
  // The national body hears of approved SLEs, LLEs and NLEs; an LP is accredited by its own body.
  if (t.approved && d.type !== DesignationType.LP && (d.notified !== undefined || t.designated)) t.notified = d.notified !== undefined ? dayOf(d.notified, today) : addDays(t.approved, 14);
  return t;
}
