import { addDays, addYears } from '../common/dates';

/**
 * A demo date, relative to the day the demo data is loaded: a number of days from it (negative: in
 * the past), or [years, days] from it. Relative, not fixed, so that whenever `npm start` first runs
 * (2026 or years later) Romero's round is still part-way, reviews are still due soon and an LP's
 * accreditation is still about to expire. The same load date gives the same rows.
 */
export type When = number | readonly [years: number, days: number];

export function dayOf(when: When, today: string): string {
  return typeof when === 'number' ? addDays(today, when) : addDays(addYears(today, when[0]), when[1]);
}
