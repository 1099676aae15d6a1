import Holidays from 'date-holidays';
import { addDays } from '../../common/dates';

/**
 * Working days in England: Monday to Friday, except England's bank holidays. The holidays come from
 * the maintained date-holidays library (GB, region ENG, public holidays only: substitute days
 * included, observances such as Mother's Day not), never from a list typed here.
 */
const england = new Holidays('GB', 'ENG', { types: ['public'] });
const byYear = new Map<number, ReadonlySet<string>>();

function bankHolidaysOf(year: number): ReadonlySet<string> {
  let days = byYear.get(year);
  if (!days) {
    days = new Set((england.getHolidays(year) || []).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    byYear.set(year, days);
  }
  return days;
}

/** A bank holiday in England (ISO date). */
export const isEnglishBankHoliday = (iso: string): boolean => bankHolidaysOf(Number(iso.slice(0, 4))).has(iso);

/** Monday to Friday and not a bank holiday in England. */
export function isWorkingDay(iso: string): boolean {
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isEnglishBankHoliday(iso);
}

/** The day `days` working days after `iso` (the day itself does not count): the 5th working day after a session is its visit record's due date. */
export function addWorkingDays(iso: string, days: number): string {
  if (!Number.isInteger(days) || days < 0) throw new Error(`addWorkingDays takes a whole number of days, not ${days}`);
  let day = iso;
  for (let left = days; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

/** A visit record is due within 5 working days of the session it records (DOMAIN.md). */
export const VISIT_RECORD_WORKING_DAYS = 5;

export const visitRecordDueOn = (heldOn: string): string => addWorkingDays(heldOn, VISIT_RECORD_WORKING_DAYS);
