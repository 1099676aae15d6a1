import { DesignationType } from '../modules/designations/designation-enums';
import { ProgrammeKind, RequirementStage } from '../modules/programmes/programme-enums';
import { DemoSlug } from './demo-alliances';
import { When } from './demo-calendar';
import { ROUND_DATES } from './demo-romero-round';

export interface DemoCohort {
  /** Its name; `{year}` becomes the academic year of its first day ("2025/26"). */
  name: string;
  days: { on: When; title: string }[];
  /** Staff keys (demo-system-leader-staff.ts). */
  enrolled: string[];
  /** Who missed which day (by its position): everyone else enrolled attended every day held so far. */
  absent?: Record<string, number[]>;
  /** Who joined later, from which day (by its position): no attendance is recorded for them before it. */
  joinedAt?: Record<string, number>;
  /** Completion is recorded on the last day for everyone who attended every day, once the last day has passed. */
  completes: boolean;
}

export interface DemoProgramme {
  alliance: DemoSlug;
  name: string;
  kind: ProgrammeKind;
  description: string;
  required?: { for: DesignationType; before: RequirementStage };
  cohorts: DemoCohort[];
}

const LP_DAYS = ['Leading learning beyond the classroom', 'Coaching and modelling practice', 'Evaluating impact'];
const threeDays = (first: When): { on: When; title: string }[] =>
  LP_DAYS.map((title, i) => ({ title, on: typeof first === 'number' ? first + 7 * i : [first[0], first[1] + 7 * i] }));

/** DOMAIN.md's demo programmes: London South's Lead Practitioner programme, Romero's core training and team meetings. */
export const DEMO_PROGRAMMES: DemoProgramme[] = [
  {
    alliance: 'london-south', name: 'Lead Practitioner programme', kind: ProgrammeKind.LP_PROGRAMME,
    description: 'Three days, a week apart, that prepare aspiring SLEs for accreditation. Completing it comes before an SLE application.',
    required: { for: DesignationType.SLE, before: RequirementStage.APPLICATION },
    cohorts: [
      // The alliance's SLEs and LP of today came through the first cohort.
      { name: '{year} cohort', days: threeDays([-5, 0]), enrolled: ['sle', 'lp', 'deputy', 'assistant'], completes: true },
      // Its graduates have applied as SLEs since (demo-designations.ts); the EYFS lead missed the second day and has not completed.
      { name: '{year} cohort', days: threeDays(-120), enrolled: ['senco', 'science', 'phonics', 'eyfs'], absent: { eyfs: [1] }, completes: true },
    ],
  },
  {
    alliance: 'romero', name: 'SLE core training', kind: ProgrammeKind.CORE_TRAINING,
    description: "Two days for newly approved SLEs, on the round's training dates; completed before designation.",
    required: { for: DesignationType.SLE, before: RequirementStage.DESIGNATION },
    cohorts: [
      { name: 'Round 1, first cohort', days: ROUND_DATES.training.map((on, i) => ({ on, title: `Core training day ${i + 1}` })), enrolled: ['sle', 'science', 'phonics', 'itt'], completes: true },
      // Approved after the first cohort had filled: they are designated once they complete this one.
      { name: 'Round 1, second cohort', days: ROUND_DATES.laterTraining.map((on, i) => ({ on, title: `Core training day ${i + 1}` })), enrolled: ['eyfs', 're'], completes: false },
    ],
  },
  {
    alliance: 'romero', name: 'System leader team meetings', kind: ProgrammeKind.TEAM_MEETINGS,
    description: "Termly meetings of the alliance's SLEs and lead practitioners.",
    cohorts: [
      {
        name: 'Team meetings {year}',
        days: [{ on: -60, title: 'Team meeting: deployments and impact' }, { on: 30, title: 'Team meeting: research and enquiry' }, { on: 120, title: 'Team meeting: planning next year' }],
        // The new SLEs joined after the first meeting, which only the LP attended.
        enrolled: ['lp', 'sle', 'science', 'phonics', 'itt'], joinedAt: { sle: 1, science: 1, phonics: 1, itt: 1 }, completes: false,
      },
    ],
  },
];
