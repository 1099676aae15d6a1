/** Calendar arithmetic on ISO dates ("2026-09-01"), in UTC so that no clock change shifts a day. */

function parse(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

const format = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  const d = parse(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return format(d);
}

/** 29 February plus a year is 28 February: an anniversary never spills into the next month. */
export function addYears(iso: string, years: number): string {
  const d = parse(iso);
  const month = d.getUTCMonth();
  d.setUTCFullYear(d.getUTCFullYear() + years);
  if (d.getUTCMonth() !== month) d.setUTCDate(0);
  return format(d);
}

export const earlier = (a: string, b: string) => (a <= b ? a : b);
