import { AllianceKind, Term } from '../modules/alliances/alliance-enums';

export type DemoSlug = 'london-south' | 'romero' | 'fusion' | 'pathway' | 'forest';

export interface DemoAlliance {
  slug: DemoSlug;
  name: string;
  kind: AllianceKind;
  reviewPeriodYears: number;
  minReleaseDaysPerYear: number;
  tariff: { fullDayPence: number; halfDayPence: number | null; hoursPerDay: number; brokerageFeePerDayPence: number };
  /** Autumn, spring and summer term dates for 2025/26 and 2026/27; alliances differ by a few days. */
  termShiftDays: number;
}

/** The five demo programmes of DOMAIN.md, each with its own settings and tariff. */
export const DEMO_ALLIANCES: readonly DemoAlliance[] = [
  {
    slug: 'london-south', name: 'London South TSA', kind: AllianceKind.TEACHING_SCHOOL_ALLIANCE,
    reviewPeriodYears: 4, minReleaseDaysPerYear: 10,
    tariff: { fullDayPence: 36_000, halfDayPence: null, hoursPerDay: 6, brokerageFeePerDayPence: 5_000 }, termShiftDays: 0,
  },
  {
    slug: 'romero', name: 'Romero TSA', kind: AllianceKind.TEACHING_SCHOOL_ALLIANCE,
    reviewPeriodYears: 4, minReleaseDaysPerYear: 6,
    tariff: { fullDayPence: 35_000, halfDayPence: null, hoursPerDay: 6, brokerageFeePerDayPence: 5_000 }, termShiftDays: 1,
  },
  {
    slug: 'fusion', name: 'Fusion TSA', kind: AllianceKind.TEACHING_SCHOOL_ALLIANCE,
    reviewPeriodYears: 4, minReleaseDaysPerYear: 15,
    tariff: { fullDayPence: 35_000, halfDayPence: 18_500, hoursPerDay: 6, brokerageFeePerDayPence: 5_000 }, termShiftDays: 2,
  },
  {
    slug: 'pathway', name: 'Pathway Teaching School Alliance', kind: AllianceKind.TEACHING_SCHOOL_ALLIANCE,
    reviewPeriodYears: 3, minReleaseDaysPerYear: 10,
    tariff: { fullDayPence: 40_000, halfDayPence: 22_000, hoursPerDay: 6, brokerageFeePerDayPence: 6_000 }, termShiftDays: -1,
  },
  {
    slug: 'forest', name: 'Forest Learning Alliance', kind: AllianceKind.TEACHING_SCHOOL_ALLIANCE,
    reviewPeriodYears: 4, minReleaseDaysPerYear: 10,
    tariff: { fullDayPence: 37_500, halfDayPence: 20_000, hoursPerDay: 6, brokerageFeePerDayPence: 5_000 }, termShiftDays: 0,
  },
];

/** England's usual pattern; each alliance shifts it by a day or two. */
export const BASE_TERMS: readonly { academicYear: number; term: Term; startsOn: string; endsOn: string }[] = [
  { academicYear: 2025, term: Term.AUTUMN, startsOn: '2025-09-03', endsOn: '2025-12-19' },
  { academicYear: 2025, term: Term.SPRING, startsOn: '2026-01-05', endsOn: '2026-03-27' },
  { academicYear: 2025, term: Term.SUMMER, startsOn: '2026-04-13', endsOn: '2026-07-21' },
  { academicYear: 2026, term: Term.AUTUMN, startsOn: '2026-09-02', endsOn: '2026-12-18' },
  { academicYear: 2026, term: Term.SPRING, startsOn: '2027-01-04', endsOn: '2027-03-26' },
  { academicYear: 2026, term: Term.SUMMER, startsOn: '2027-04-12', endsOn: '2027-07-21' },
];
