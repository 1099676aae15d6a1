import { LeadershipLevel } from '../modules/people/person-enums';
import { DemoSlug } from './demo-alliances';

/** The ten staff records every demo alliance has (demo-people.ts), named by what they do, found by job title. */
export const STAFF_BY_JOB_TITLE = {
  head: 'Headteacher',
  sle: 'Head of Mathematics',
  lp: 'English Lead Practitioner',
  deputy: 'Deputy Headteacher',
  senco: 'SENCo',
  teacher: 'Class Teacher',
  science: 'Head of Science',
  phonics: 'Phonics Lead',
  assistant: 'Assistant Headteacher',
  eyfs: 'EYFS Lead',
} as const;

export type StandardStaff = keyof typeof STAFF_BY_JOB_TITLE;

export interface ExtraStaff {
  key: string;
  givenName: string;
  familyName: string;
  jobTitle: string;
  leadershipLevel: LeadershipLevel | null;
  inLeadershipSince: string | null;
  /** The member school they work at. */
  urn: string;
}

const { MIDDLE, SENIOR, HEADTEACHER, EXECUTIVE } = LeadershipLevel;

/**
 * Staff beyond the ten, only where the system-leader story needs them: Romero's first round needs
 * more applicants than ten records hold, and Pathway's LLEs and NLEs need more headteachers. Fusion
 * gets none: a test pins its ten records (the analyst's suppressed counts in test/people.test.ts).
 */
export const EXTRA_STAFF: Record<DemoSlug, ExtraStaff[]> = {
  'london-south': [],
  romero: [
    { key: 're', givenName: 'Anne-Marie', familyName: 'Flynn', jobTitle: 'RE Lead', leadershipLevel: MIDDLE, inLeadershipSince: '2018-09-01', urn: '990010' },
    { key: 'maths2', givenName: 'Kevin', familyName: 'Brennan', jobTitle: 'Maths Lead', leadershipLevel: MIDDLE, inLeadershipSince: '2019-01-07', urn: '990011' },
    { key: 'itt', givenName: 'Siobhan', familyName: 'Murphy', jobTitle: 'ITT and Mentoring Lead', leadershipLevel: SENIOR, inLeadershipSince: '2015-09-01', urn: '990008' },
    // At the head login's school (the first member school), so that head@romero.demo has two references to give.
    { key: 'english', givenName: 'Michael', familyName: 'Okonkwo', jobTitle: 'English Lead', leadershipLevel: MIDDLE, inLeadershipSince: '2020-09-01', urn: '990009' },
    { key: 'inclusion', givenName: 'Rosa', familyName: 'Fernandes', jobTitle: 'Inclusion Lead', leadershipLevel: MIDDLE, inLeadershipSince: '2019-09-01', urn: '990012' },
    { key: 'ey2', givenName: 'Clare', familyName: 'Donnelly', jobTitle: 'Early Years Lead', leadershipLevel: MIDDLE, inLeadershipSince: '2020-01-06', urn: '990013' },
  ],
  fusion: [],
  pathway: [
    { key: 'head2', givenName: 'Alison', familyName: 'Carter', jobTitle: 'Headteacher', leadershipLevel: HEADTEACHER, inLeadershipSince: '2011-09-01', urn: '990024' },
    { key: 'executive', givenName: 'Graham', familyName: 'Pearce', jobTitle: 'Executive Headteacher', leadershipLevel: EXECUTIVE, inLeadershipSince: '2006-09-01', urn: '990022' },
    { key: 'head3', givenName: 'Yasmin', familyName: 'Khan', jobTitle: 'Headteacher', leadershipLevel: HEADTEACHER, inLeadershipSince: '2013-09-01', urn: '990025' },
    // An SLE who has since become a headteacher: the promotion opened a review of her SLE designation.
    { key: 'newhead', givenName: 'Joanna', familyName: 'Pike', jobTitle: 'Headteacher', leadershipLevel: HEADTEACHER, inLeadershipSince: '2017-09-01', urn: '990026' },
  ],
  forest: [],
};
