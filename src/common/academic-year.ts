/**
 * The English academic year runs 1 September to 31 August. It is named by its starting calendar
 * year (2024 for 2024/25) in storage, and written "2024/25" to people. A moment (a Date) counts by
 * its calendar day in England: 23:30 UTC on 31 August 2025 is already 1 September in London.
 */
export function academicYearOf(date: Date | string): number {
  const [year, month] = (typeof date === 'string' ? date : englishDate(date)).split('-').map(Number);
  return month >= 9 ? year : year - 1;
}

/** The calendar day in England, as an ISO date. */
export function englishDate(moment: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(moment);
}

export function formatAcademicYear(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

const LABEL = /^(\d{4})\/(\d{2})$/;

/** Accepts "2024/25" from 1900/01 to 2198/99; undefined for anything else, including "2024/26". */
export function parseAcademicYear(label: string): number | undefined {
  const match = LABEL.exec(label.trim());
  if (!match) return undefined;
  const start = Number(match[1]);
  if (start < 1900 || start > 2198) return undefined;
  return (start + 1) % 100 === Number(match[2]) ? start : undefined;
}

/** First and last day, as ISO dates. */
export function academicYearBounds(startYear: number): { startsOn: string; endsOn: string } {
  return { startsOn: `${startYear}-09-01`, endsOn: `${startYear + 1}-08-31` };
}
