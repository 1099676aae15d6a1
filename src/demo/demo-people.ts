import { LeadershipLevel } from '../modules/people/person-enums';
import { MembershipRole } from '../modules/users/user-enums';
import { DemoSlug } from './demo-alliances';

export interface DemoPerson {
  givenName: string;
  familyName: string;
  jobTitle: string;
  leadershipLevel: LeadershipLevel | null;
  inLeadershipSince: string | null;
  /** Which of the alliance's schools: its lead school, or its n-th other member. */
  school: 'lead' | number;
  /** The demo user who signs in as this person, if any. */
  login?: 'head' | 'sle' | 'lp';
}

/** The same staff shape in every demo alliance, with names of its own (deterministic): ten records, too few for an analyst's counts to show more than the total and a single authority (see suppression.ts). */
const NAMES: Record<DemoSlug, [string, string][]> = {
  'london-south': [['Adaeze', 'Okafor'], ['Tom', 'Whitfield'], ['Priya', 'Raman'], ['Gareth', 'Hughes'], ['Mei', 'Chen'], ['Samuel', 'Osei'], ['Femi', 'Adebayo'], ['Lucy', 'Hart'], ['Omar', 'Farouk'], ['Ellen', 'Price']],
  romero: [['Bernadette', 'Kelly'], ['Liam', 'Doherty'], ['Teresa', 'Nowak'], ['Francis', 'Byrne'], ['Grace', 'Adeyemi'], ['Joseph', 'Mulligan'], ['Catherine', 'Walsh'], ['Patrick', 'Quinn'], ['Maria', 'Santos'], ['Dominic', 'Reilly']],
  fusion: [['Hannah', 'Price'], ['Marcus', 'Bell'], ['Aisha', 'Patel'], ['Oliver', 'Grant'], ['Sophie', 'Turner'], ['Daniel', 'Reyes'], ['Jade', 'Cooper'], ['Ibrahim', 'Said'], ['Holly', 'Barnes'], ['Ryan', 'Marsh']],
  pathway: [['Rachel', 'Stone'], ['Ewan', 'MacLeod'], ['Nadia', 'Hussain'], ['Chris', 'Fletcher'], ['Laura', 'Bennett'], ['Kwame', 'Mensah'], ['Megan', 'Lloyd'], ['Tariq', 'Aziz'], ['Fiona', 'Grant'], ['Stuart', 'Webb']],
  forest: [['Joanne', 'Ellis'], ['Ravi', 'Sharma'], ['Kate', 'Morrison'], ['Ben', 'Ashworth'], ['Zara', 'Ahmed'], ['Paul', 'Devlin'], ['Amara', 'Nwosu'], ['Dylan', 'Foster'], ['Leah', 'Gordon'], ['Harry', 'Doyle']],
};

const SHAPE: Omit<DemoPerson, 'givenName' | 'familyName'>[] = [
  { jobTitle: 'Headteacher', leadershipLevel: LeadershipLevel.HEADTEACHER, inLeadershipSince: '2012-09-01', school: 1, login: 'head' },
  { jobTitle: 'Head of Mathematics', leadershipLevel: LeadershipLevel.MIDDLE, inLeadershipSince: '2019-09-01', school: 2, login: 'sle' },
  { jobTitle: 'English Lead Practitioner', leadershipLevel: LeadershipLevel.MIDDLE, inLeadershipSince: '2021-09-01', school: 3, login: 'lp' },
  { jobTitle: 'Deputy Headteacher', leadershipLevel: LeadershipLevel.SENIOR, inLeadershipSince: '2016-09-01', school: 'lead' },
  { jobTitle: 'SENCo', leadershipLevel: LeadershipLevel.MIDDLE, inLeadershipSince: '2020-01-06', school: 1 },
  { jobTitle: 'Class Teacher', leadershipLevel: null, inLeadershipSince: null, school: 2 },
  { jobTitle: 'Head of Science', leadershipLevel: LeadershipLevel.MIDDLE, inLeadershipSince: '2018-09-01', school: 'lead' },
  { jobTitle: 'Phonics Lead', leadershipLevel: LeadershipLevel.MIDDLE, inLeadershipSince: '2020-09-01', school: 3 },
  { jobTitle: 'Assistant Headteacher', leadershipLevel: LeadershipLevel.SENIOR, inLeadershipSince: '2017-09-01', school: 4 },
  { jobTitle: 'EYFS Lead', leadershipLevel: LeadershipLevel.MIDDLE, inLeadershipSince: '2021-01-04', school: 5 },
];

export function demoPeople(slug: DemoSlug): DemoPerson[] {
  return SHAPE.map((shape, i) => ({ ...shape, givenName: NAMES[slug][i][0], familyName: NAMES[slug][i][1] }));
}

/** The demo users of API.md: `<role>@<slug>.demo` per alliance, the platform admin and the platform analyst. */
export const DEMO_LOGINS: { local: string; role: MembershipRole; person?: 'head' | 'sle' | 'lp' }[] = [
  { local: 'coordinator', role: MembershipRole.ALLIANCE_ADMIN },
  { local: 'head', role: MembershipRole.SCHOOL_LEAD, person: 'head' },
  { local: 'sle', role: MembershipRole.PRACTITIONER, person: 'sle' },
  { local: 'lp', role: MembershipRole.PRACTITIONER, person: 'lp' },
  { local: 'analyst', role: MembershipRole.ANALYST },
];

export const PLATFORM_ADMIN_EMAIL = 'admin@platform.demo';
export const PLATFORM_ANALYST_EMAIL = 'analyst@platform.demo';
