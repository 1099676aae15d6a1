import { CronMatcher, parseCronItems, ParsedCronItem, TimestampDigest } from 'graphile-worker';
import { REVIEW_SWEEP } from './tasks';

const londonClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * Matches one minute of the day in England, summer time or not. graphile-worker matches cron
 * patterns against UTC (whatever the process's zone), so "15 2 * * *" would be 03:15 in London all
 * summer. A digest has no year; the year only decides which Sunday the clocks change (March and
 * October), and a digest is never older than a backfill period, so the current year is the right one.
 */
export function atLondonTime(hour: number, minute: number): CronMatcher {
  const wanted = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  return (digest: TimestampDigest) => {
    // London is UTC or UTC+1: the minute is the same in both.
    if (digest.min !== minute) return false;
    const moment = new Date(Date.UTC(new Date().getUTCFullYear(), digest.month - 1, digest.date, digest.hour, digest.min));
    return londonClock.format(moment) === wanted;
  };
}

/** 02:15 in England: after midnight in both clocks (the sweep's date is England's), never in the hour the clocks skip or repeat (01:00-02:00). */
export const REVIEW_SWEEP_TIME = { hour: 2, minute: 15 };

/**
 * A run missed because no API process was up at 02:15 (a deployment, a restart) is made up when one
 * starts within this period. 26 hours covers the 25-hour day when the clocks go back; after longer
 * downtime the next sweep opens everything that came due meanwhile anyway.
 */
export const REVIEW_SWEEP_BACKFILL_MS = 26 * 60 * 60 * 1000;

/**
 * The recurring jobs. Every API process schedules them, and graphile-worker makes one job per
 * scheduled minute between all of them: a process adds the job only if it moves the item's
 * `last_execution` in graphile_worker._private_known_crontabs forward, in the same statement. The
 * job key folds runs that queue up while no worker runs (every process with JOBS_ENABLED=false) into one.
 */
export function cronItems(): ParsedCronItem[] {
  return parseCronItems([
    {
      task: REVIEW_SWEEP,
      identifier: REVIEW_SWEEP,
      match: atLondonTime(REVIEW_SWEEP_TIME.hour, REVIEW_SWEEP_TIME.minute),
      options: { backfillPeriod: REVIEW_SWEEP_BACKFILL_MS, jobKey: REVIEW_SWEEP, maxAttempts: 10 },
    },
  ]);
}
