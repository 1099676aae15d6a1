/**
 * The English academic year runs 1 September to 31 August. It is named by its starting calendar
 * year (2024 for 2024/25) in storage, and written "2024/25" to people.
 */
export function academicYearOf(date: Date | string): number {
  const d = typeof date === 'string' ? new Date(`${date.slice(0, 10)}T00:00:00Z`) : date;
  const month = d.getUTCMonth(); // 0 = January; 8 = September
  return month >= 8 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
}

export function formatAcademicYear(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

const LABEL = /^(\d{4})\/(\d{2})$/;

/** Accepts "2024/25"; undefined for anything else, including "2024/26". */
export function parseAcademicYear(label: string): number | undefined {
  const match = LABEL.exec(label.trim());
  if (!match) return undefined;
  const start = Number(match[1]);
  return (start + 1) % 100 === Number(match[2]) ? start : undefined;
}

/** First and last day, as ISO dates. */
export function academicYearBounds(startYear: number): { startsOn: string; endsOn: string } {
  return { startsOn: `${startYear}-09-01`, endsOn: `${startYear + 1}-08-31` };
}
