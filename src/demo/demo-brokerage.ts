import { EntityManager } from 'typeorm';
import { addDays } from '../common/dates';
import { Alliance } from '../modules/alliances/alliance.entity';
import { ContractParty as P, DeploymentModel as M, DeploymentStatus as S, ImpactRating, SessionLength as L, SessionStatus } from '../modules/deployments/deployment-enums';
import { DeploymentSession } from '../modules/deployments/deployment-session.entity';
import { DeploymentSignature } from '../modules/deployments/deployment-signature.entity';
import { Deployment } from '../modules/deployments/deployment.entity';
import { isWorkingDay, visitRecordDueOn } from '../modules/deployments/working-days';
import { DesignationType } from '../modules/designations/designation-enums';
import { CommissionerType as C, SupportRequestStatus as R } from '../modules/support-requests/support-request-enums';
import { SupportRequest } from '../modules/support-requests/support-request.entity';
import { DEMO_ALLIANCES, DemoSlug } from './demo-alliances';
import { dayOf } from './demo-calendar';
import { demoPeople } from './demo-people';
import { EXTRA_STAFF, STAFF_BY_JOB_TITLE } from './demo-system-leader-staff';

/** A session: days from the load date, its length, and for a delivered one whether its visit record came (on time, late) or is still awaited. */
type DemoSession = [on: number, length: L | number, status: 'planned' | 'delivered' | 'cancelled', record?: 'on-time' | 'late' | 'awaited'];

interface DemoDeployment {
  /** A staff key (demo-system-leader-staff.ts) holding an ACTIVE or UNDER_REVIEW designation of the request's type. */
  leader: string;
  status: S;
  proposed: number;
  agreed?: number;
  started?: number;
  completed?: number;
  /** The coordinator's reason for agreeing beyond the system leader's capacity (an LLE has no release days recorded). */
  override?: string;
  /** Declined or cancelled on. */
  ended?: number;
  hold?: { on: number; from: S.AGREED | S.ACTIVE };
  reason?: string;
  terms: { scope: string; objectives: string[]; impactMeasures: string[]; plannedDays: number; model: M; frequency?: string; starts: number; ends: number };
  /** The supported school's head sent the signature on paper; the coordinator recorded it under this name. */
  paper?: string;
  /** A proposal's parties who have not signed yet. */
  unsigned?: P[];
  /** A proposal whose terms changed after these parties signed: their signatures of version 1 are void. */
  voided?: P[];
  sessions?: DemoSession[];
  evaluation?: { on: number; rating: ImpactRating; evidence: string; onPaperBy?: string };
}

interface DemoRequest {
  commissioner: { type: C; name: string; schoolUrn?: string; laCode?: string; groupCode?: string };
  supportedUrn: string;
  /** The supported school's head, where the demo has no staff record of theirs. */
  supportedHead?: string;
  needs: string;
  areas: string[];
  designationType?: DesignationType;
  outcomes: string[];
  received: number;
  preferredStart?: number;
  funding: string;
  status: R;
  closed?: { on: number; reason: string };
  deployments: DemoDeployment[];
}

const outcomes = (...o: string[]) => o;
const { FULL_DAY, HALF_DAY } = L;

/**
 * Brokerage (issue 10, item 11): each demo alliance's programme runs. Romero's first SLEs, designated
 * days ago, take their first £350 deployments; Fusion is commissioned by a school, a local authority,
 * a diocese, a trust and the DfE, with a 2-day diagnostic and half a day a week for two terms; Forest
 * matches, agrees and charges £375 a day and £200 a half day, and one evaluation rated NONE put the
 * designation under review; Pathway's LLE supports a new headteacher. Every deployment status, paper
 * signatures, voided ones, and visit records on time, late and overdue.
 */
export const DEMO_BROKERAGE: Record<DemoSlug, DemoRequest[]> = {
  romero: [
    {
      commissioner: { type: C.LOCAL_AUTHORITY, name: 'Coventry City Council', laCode: '331' }, supportedUrn: '990037', supportedHead: 'Mr David Hollis',
      needs: 'Maths attainment at KS2 fell for the second year; the new maths lead wants help with a calculation policy and arithmetic fluency.',
      areas: ['MATHS'], outcomes: outcomes('A calculation policy used in every class', 'KS2 arithmetic above the LA average'), received: -5, preferredStart: -3,
      funding: 'Local authority school improvement grant', status: R.MATCHED,
      deployments: [{
        leader: 'sle', status: S.ACTIVE, proposed: -4, agreed: -3, started: -3, paper: 'Mr David Hollis',
        terms: { scope: 'Support the maths lead to write and embed a calculation policy; coach arithmetic fluency in Years 5 and 6.', objectives: ['A calculation policy in place', 'Fluency sessions running daily in Years 5 and 6'], impactMeasures: ['Termly arithmetic scores', 'Lesson visits by the maths lead'], plannedDays: 4, model: M.CUSTOM, frequency: 'a day a fortnight', starts: -3, ends: 120 },
        sessions: [[-1, FULL_DAY, 'delivered', 'on-time'], [10, HALF_DAY, 'planned'], [24, FULL_DAY, 'planned']],
      }],
    },
    {
      commissioner: { type: C.SCHOOL, name: "St Gregory's Catholic Primary School", schoolUrn: '990009' }, supportedUrn: '990009',
      needs: 'Two trainee teachers and an early-career teacher need mentoring that the school cannot cover this year.',
      areas: ['INITIAL_TEACHER_TRAINING'], outcomes: outcomes('Both trainees pass their placement', 'Mentors trained in the school'), received: -4, preferredStart: 7,
      funding: 'School budget', status: R.MATCHED,
      deployments: [{
        leader: 'itt', status: S.AGREED, proposed: -4, agreed: -2,
        terms: { scope: 'Train two in-school mentors and co-mentor the trainees through their placement.', objectives: ['Two trained mentors', 'Weekly mentor meetings held'], impactMeasures: ['Trainee placement outcomes', 'Mentor confidence survey'], plannedDays: 3, model: M.CUSTOM, frequency: 'a half day a week', starts: 7, ends: 90 },
        sessions: [[7, HALF_DAY, 'planned'], [14, HALF_DAY, 'planned'], [21, 3, 'planned']],
      }],
    },
    {
      commissioner: { type: C.DIOCESE, name: 'Archdiocese of Birmingham', groupCode: 'RC03' }, supportedUrn: '990009',
      needs: 'Reasoning in maths lags behind arithmetic in Key Stage 1.', areas: ['MATHS'], outcomes: outcomes('Reasoning tasks planned into every maths unit'), received: -2, preferredStart: 30,
      funding: 'Diocesan school improvement fund', status: R.BROKERING,
      // Waiting for the supported head (head@romero.demo) to sign.
      deployments: [{
        leader: 'sle', status: S.PROPOSED, proposed: -1, unsigned: [P.SUPPORTED_HEADTEACHER, P.ALLIANCE],
        terms: { scope: 'Model reasoning lessons in Key Stage 1 and review the maths units with the subject lead.', objectives: ['Reasoning in every maths unit'], impactMeasures: ['Book looks', 'Pupil voice'], plannedDays: 2, model: M.DIAGNOSTIC_TWO_DAYS, starts: 30, ends: 60 },
      }],
    },
  ],
  fusion: [
    {
      commissioner: { type: C.SCHOOL, name: 'Cassiobury Meadow Primary School', schoolUrn: '990016' }, supportedUrn: '990016',
      needs: 'More pupils with SEND in mainstream classes; teachers ask for practical strategies and the SENCo for a provision map.',
      areas: ['SEND'], outcomes: outcomes('A provision map kept up to date', 'Every teacher using two adaptive strategies'), received: -80, preferredStart: -60,
      funding: 'School budget', status: R.MATCHED,
      deployments: [{
        leader: 'assistant', status: S.ACTIVE, proposed: -75, agreed: -66, started: -60,
        terms: { scope: 'Half a day a week alongside the SENCo: coaching, a provision map and staff training.', objectives: ['A provision map', 'Adaptive teaching in every class'], impactMeasures: ['Progress of pupils on the SEND register', 'Staff survey'], plannedDays: 13, model: M.HALF_DAY_WEEKLY_TWO_TERMS, starts: -60, ends: 120 },
        sessions: [
          [-56, HALF_DAY, 'delivered', 'on-time'], [-49, HALF_DAY, 'delivered', 'on-time'], [-42, HALF_DAY, 'delivered', 'late'], [-35, HALF_DAY, 'delivered', 'on-time'],
          [-28, HALF_DAY, 'cancelled'], [-21, HALF_DAY, 'delivered', 'awaited'], [-14, HALF_DAY, 'delivered', 'awaited'], [-7, HALF_DAY, 'delivered', 'on-time'],
          [7, HALF_DAY, 'planned'], [14, HALF_DAY, 'planned'], [21, HALF_DAY, 'planned'],
        ],
      }],
    },
    {
      commissioner: { type: C.LOCAL_AUTHORITY, name: 'Hertfordshire County Council', laCode: '919' }, supportedUrn: '990038', supportedHead: 'Mrs Janet Ward',
      needs: 'An Ofsted monitoring visit found maths teaching inconsistent across the key stages.', areas: ['MATHS'],
      outcomes: outcomes('A diagnostic report with priorities', 'An action plan the governors approve'), received: -60, preferredStart: -40,
      funding: 'Local authority school improvement grant', status: R.CLOSED, closed: { on: -10, reason: 'The diagnostic was delivered and the action plan approved.' },
      deployments: [{
        leader: 'sle', status: S.EVALUATED, proposed: -55, agreed: -45, started: -40, completed: -25, paper: 'Mrs Janet Ward',
        terms: { scope: 'A two-day diagnostic of maths across the school, with a written report and priorities.', objectives: ['A diagnostic report', 'Three priorities agreed with the head'], impactMeasures: ['Action plan approved by governors'], plannedDays: 2, model: M.DIAGNOSTIC_TWO_DAYS, starts: -40, ends: -20 },
        sessions: [[-38, FULL_DAY, 'delivered', 'on-time'], [-31, FULL_DAY, 'delivered', 'on-time']],
        evaluation: { on: -15, rating: ImpactRating.SOME, evidence: 'The action plan was approved; the report gave the maths lead a clear focus.', onPaperBy: 'Mrs Janet Ward' },
      }],
    },
    {
      commissioner: { type: C.DIOCESE, name: 'Diocese of St Albans', groupCode: 'CE32' }, supportedUrn: '990019',
      needs: 'The curriculum needs rewriting for mixed-age classes.', areas: ['LEADERSHIP_OF_CURRICULUM'], outcomes: outcomes('A two-year rolling curriculum'), received: -30, preferredStart: 10,
      funding: 'Diocesan school improvement fund', status: R.MATCHED,
      deployments: [{
        leader: 'deputy', status: S.AGREED, proposed: -25, agreed: -12,
        terms: { scope: 'Lead curriculum design days with subject leads for mixed-age classes.', objectives: ['A rolling curriculum for every subject'], impactMeasures: ['Curriculum maps published', 'Subject lead confidence'], plannedDays: 15, model: M.CUSTOM, frequency: 'a day a fortnight', starts: 10, ends: 200 },
        sessions: [[10, FULL_DAY, 'planned'], [24, FULL_DAY, 'planned']],
      }],
    },
    {
      commissioner: { type: C.ACADEMY_TRUST, name: 'Chiltern Edge Education Trust', groupCode: '16305' }, supportedUrn: '990021',
      needs: 'Year 7 pupils with low prior attainment in maths need a catch-up programme.', areas: ['MATHS'], outcomes: outcomes('A Year 7 catch-up programme'), received: -20, preferredStart: 20,
      funding: 'Trust central fund', status: R.BROKERING,
      // The trust asked for more days after the SLE and the alliance signed: their signatures of version 1 are void.
      deployments: [{
        leader: 'sle', status: S.PROPOSED, proposed: -15, voided: [P.SYSTEM_LEADER, P.ALLIANCE], unsigned: [P.HOME_HEADTEACHER, P.SUPPORTED_HEADTEACHER, P.ALLIANCE],
        terms: { scope: 'Design and launch a Year 7 maths catch-up programme with the trust’s maths leads.', objectives: ['A catch-up programme running'], impactMeasures: ['Year 7 assessment gains'], plannedDays: 6, model: M.CUSTOM, frequency: 'a day every three weeks', starts: 20, ends: 150 },
      }],
    },
    {
      commissioner: { type: C.DFE, name: 'Department for Education' }, supportedUrn: '990018',
      needs: 'A new free school needs its curriculum leadership established.', areas: ['LEADERSHIP_OF_CURRICULUM'], outcomes: outcomes('Subject leads appointed and trained'), received: -90, preferredStart: -50,
      funding: 'DfE', status: R.CLOSED, closed: { on: -35, reason: 'The DfE withdrew the funding.' },
      deployments: [{
        leader: 'deputy', status: S.CANCELLED, proposed: -85, agreed: -70, ended: -40, reason: 'The DfE withdrew the funding before the work began.',
        terms: { scope: 'Establish curriculum leadership in a new free school.', objectives: ['Subject leads trained'], impactMeasures: ['Curriculum review'], plannedDays: 5, model: M.CUSTOM, frequency: 'a day a month', starts: -50, ends: 100 },
        sessions: [[-45, FULL_DAY, 'cancelled']],
      }],
    },
  ],
  forest: [
    {
      commissioner: { type: C.LOCAL_AUTHORITY, name: 'Waltham Forest Council', laCode: '320' }, supportedUrn: '990034',
      needs: 'Writing at KS2 is well below the LA average.', areas: ['ENGLISH'], outcomes: outcomes('Writing at KS2 in line with the LA'), received: -320, preferredStart: -280,
      funding: 'Local authority school improvement grant', status: R.CLOSED, closed: { on: -90, reason: 'Completed and evaluated.' },
      deployments: [{
        leader: 'sle', status: S.EVALUATED, proposed: -310, agreed: -290, started: -280, completed: -120,
        terms: { scope: 'Writing: moderation, modelled lessons and coaching for Years 5 and 6 teachers.', objectives: ['Moderated writing each term', 'Modelled writing in every KS2 class'], impactMeasures: ['KS2 writing outcomes'], plannedDays: 4, model: M.CUSTOM, frequency: 'a day a half term', starts: -280, ends: -120 },
        sessions: [[-270, FULL_DAY, 'delivered', 'on-time'], [-230, FULL_DAY, 'delivered', 'on-time'], [-190, HALF_DAY, 'delivered', 'on-time'], [-150, HALF_DAY, 'delivered', 'late'], [-130, FULL_DAY, 'delivered', 'on-time']],
        evaluation: { on: -100, rating: ImpactRating.SIGNIFICANT, evidence: 'Writing at the expected standard rose from 58% to 71%.' },
      }],
    },
    {
      commissioner: { type: C.SCHOOL, name: "St Jude's Church of England Primary School", schoolUrn: '990032' }, supportedUrn: '990032',
      needs: 'Reading comprehension in Year 4 is weak.', areas: ['ENGLISH'], outcomes: outcomes('Whole-class reading in Years 3 and 4'), received: -40, preferredStart: -25,
      funding: 'School budget', status: R.MATCHED,
      // One full day delivered: £375 at Forest's tariff.
      deployments: [{
        leader: 'sle', status: S.ACTIVE, proposed: -35, agreed: -28, started: -25,
        terms: { scope: 'Whole-class reading: a training day, then coaching in Years 3 and 4.', objectives: ['Whole-class reading in Years 3 and 4'], impactMeasures: ['Reading age gains'], plannedDays: 3, model: M.CUSTOM, frequency: 'a day a month', starts: -25, ends: 90 },
        sessions: [[-18, FULL_DAY, 'delivered', 'awaited'], [12, FULL_DAY, 'planned'], [40, FULL_DAY, 'planned']],
      }],
    },
    {
      commissioner: { type: C.SCHOOL, name: 'Chingford Hatch Nursery School', schoolUrn: '990030' }, supportedUrn: '990030',
      needs: 'The early years curriculum lacks progression from two to five.', areas: ['LEADERSHIP_OF_CURRICULUM'], outcomes: outcomes('A progression map from two to five'), received: -200, preferredStart: -170,
      funding: 'School budget', status: R.CLOSED, closed: { on: -10, reason: 'Evaluated: no impact. The designation is under review.' },
      deployments: [
        {
          leader: 'deputy', status: S.COMPLETED, proposed: -195, agreed: -180, started: -170, completed: -110,
          terms: { scope: 'Curriculum progression: an audit and two planning days.', objectives: ['A progression map'], impactMeasures: ['Progression map in use'], plannedDays: 3, model: M.CUSTOM, frequency: 'a day a month', starts: -170, ends: -110 },
          sessions: [[-165, FULL_DAY, 'delivered', 'late'], [-140, FULL_DAY, 'delivered', 'on-time'], [-115, FULL_DAY, 'delivered', 'on-time']],
        },
        {
          // Rated NONE by the supported head: the designation's review (NO_IMPACT_EVIDENCE) is open.
          leader: 'deputy', status: S.EVALUATED, proposed: -100, agreed: -90, started: -80, completed: -30,
          terms: { scope: 'Embed the progression map in planning.', objectives: ['Planning follows the progression map'], impactMeasures: ['Planning scrutiny'], plannedDays: 2, model: M.DIAGNOSTIC_TWO_DAYS, starts: -80, ends: -30 },
          sessions: [[-75, FULL_DAY, 'delivered', 'on-time'], [-50, FULL_DAY, 'delivered', 'late']],
          evaluation: { on: -14, rating: ImpactRating.NONE, evidence: 'Planning has not changed; the progression map is not used.' },
        },
      ],
    },
    {
      commissioner: { type: C.SCHOOL, name: 'Leyton Marsh Primary School', schoolUrn: '990031' }, supportedUrn: '990035',
      needs: 'Maths in Year 7 for pupils from the partner primary.', areas: ['MATHS'], outcomes: outcomes('A transition maths unit'), received: -65, preferredStart: -40,
      funding: 'School budget', status: R.WITHDRAWN, closed: { on: -45, reason: 'The school chose to use its own maths lead.' },
      deployments: [{
        leader: 'science', status: S.DECLINED, proposed: -60, ended: -50, reason: 'The supported school chose to use its own maths lead.', unsigned: [P.SUPPORTED_HEADTEACHER, P.ALLIANCE],
        terms: { scope: 'A KS2-KS3 transition maths unit.', objectives: ['A transition unit'], impactMeasures: ['Year 7 baseline'], plannedDays: 2, model: M.CUSTOM, starts: -40, ends: 30 },
      }],
    },
    {
      commissioner: { type: C.ACADEMY_TRUST, name: 'Forest Schools Trust' }, supportedUrn: '990034',
      needs: 'Phonics screening results fell; the new phonics lead needs support.', areas: ['PHONICS'], outcomes: outcomes('Phonics screening at the national average'), received: -80, preferredStart: -60,
      funding: 'Trust central fund', status: R.MATCHED,
      // Held with the supported head on long-term absence; a half day delivered: £200.
      deployments: [{
        leader: 'phonics', status: S.ON_HOLD, proposed: -75, agreed: -65, started: -60, hold: { on: -30, from: S.ACTIVE }, reason: 'The supported headteacher is on long-term absence.',
        terms: { scope: 'Phonics: audit, training and coaching of the new phonics lead.', objectives: ['Daily phonics with fidelity to the scheme'], impactMeasures: ['Phonics screening check'], plannedDays: 3, model: M.CUSTOM, frequency: 'half a day a fortnight', starts: -60, ends: 100 },
        sessions: [[-55, HALF_DAY, 'delivered', 'on-time'], [-25, HALF_DAY, 'cancelled'], [-11, HALF_DAY, 'cancelled']],
      }],
    },
    {
      // Waiting for the coordinator's match (brokerMatches).
      commissioner: { type: C.LOCAL_AUTHORITY, name: 'Waltham Forest Council', laCode: '320' }, supportedUrn: '990033',
      needs: 'Early reading and phonics after a change of scheme.', areas: ['PHONICS', 'ENGLISH'], outcomes: outcomes('The new scheme taught with fidelity'), received: -3, preferredStart: 14,
      funding: 'Local authority school improvement grant', status: R.OPEN, deployments: [],
    },
  ],
  pathway: [
    {
      commissioner: { type: C.LOCAL_AUTHORITY, name: 'Kent County Council', laCode: '886' }, supportedUrn: '990026', designationType: DesignationType.LLE,
      needs: 'A headteacher new to headship needs coaching through her first year: budget, governance and leading change.', areas: ['CLOSING_THE_GAP'],
      outcomes: outcomes('A school improvement plan the governors approve', 'A confident first year of headship'), received: -70, preferredStart: -50,
      funding: 'Local authority new heads programme', status: R.MATCHED,
      deployments: [{
        leader: 'head2', status: S.ACTIVE, proposed: -65, agreed: -55, started: -50,
        override: 'An LLE is a serving headteacher released by their governors: no release days are recorded for the designation.',
        terms: { scope: 'Coaching a new headteacher: two hours a fortnight, and a day on the improvement plan.', objectives: ['An approved improvement plan', 'Fortnightly coaching'], impactMeasures: ['Governors’ review', 'Head’s self-evaluation'], plannedDays: 5, model: M.CUSTOM, frequency: 'two hours a fortnight', starts: -50, ends: 180 },
        sessions: [[-48, FULL_DAY, 'delivered', 'on-time'], [-34, 2, 'delivered', 'on-time'], [-20, 2, 'delivered', 'awaited'], [-6, 2, 'delivered', 'on-time'], [8, 2, 'planned'], [22, 2, 'planned']],
      }],
    },
    {
      commissioner: { type: C.SCHOOL, name: 'North Kent Short Stay School', schoolUrn: '990023' }, supportedUrn: '990023',
      needs: 'Pupils arrive with large gaps in maths.', areas: ['MATHS'], outcomes: outcomes('Maths gap analysis for every pupil on entry'), received: -40, preferredStart: -20,
      funding: 'School budget', status: R.MATCHED,
      deployments: [{
        leader: 'sle', status: S.ACTIVE, proposed: -35, agreed: -25, started: -20,
        terms: { scope: 'Entry assessment in maths and a bank of catch-up units.', objectives: ['Entry assessment in use'], impactMeasures: ['Progress from entry'], plannedDays: 4, model: M.CUSTOM, frequency: 'three hours a week', starts: -20, ends: 60 },
        sessions: [[-17, 3, 'delivered', 'on-time'], [-10, 3, 'delivered', 'on-time'], [-3, 3, 'delivered'], [4, 3, 'planned']],
      }],
    },
  ],
  'london-south': [
    {
      commissioner: { type: C.SCHOOL, name: 'Brixton Hill Primary School', schoolUrn: '990036' }, supportedUrn: '990036', supportedHead: 'Ms Carol Dunne',
      needs: 'Maths mastery across Key Stage 2.', areas: ['MATHS'], outcomes: outcomes('Mastery lessons in every KS2 class'), received: -30, preferredStart: 5,
      funding: 'School budget', status: R.MATCHED,
      // Agreed, then held before it started: the school's Ofsted inspection came first.
      deployments: [{
        leader: 'sle', status: S.ON_HOLD, proposed: -28, agreed: -20, hold: { on: -5, from: S.AGREED }, reason: 'Held until after the school’s Ofsted inspection.', paper: 'Ms Carol Dunne',
        terms: { scope: 'Maths mastery: training and coaching in KS2.', objectives: ['Mastery lessons in KS2'], impactMeasures: ['KS2 maths outcomes'], plannedDays: 3, model: M.CUSTOM, frequency: 'a day a month', starts: 5, ends: 120 },
        sessions: [[5, FULL_DAY, 'planned']],
      }],
    },
  ],
};

interface Context {
  alliance: Alliance;
  today: string;
  staffId: Map<string, string>;
  people: Map<string, { name: string; schoolId: string | null; jobTitle: string | null }>;
  designation: Map<string, string>;
  schools: Map<string, { id: string; name: string }>;
  coordinator: { id: string; name: string };
  /** Demo users: heads by school, practitioners by person. */
  headUser: Map<string, { id: string; name: string }>;
  personUser: Map<string, { id: string; name: string }>;
  areaIds: Map<string, string>;
}

/** Seed data, not changes: no audit rows. After the designations (demo-system-leaders.ts) they deploy. */
export async function loadDemoBrokerage(em: EntityManager, today: string): Promise<void> {
  const areas: { id: string; code: string }[] = await em.query(`SELECT id, code FROM areas_of_expertise`);
  const areaIds = new Map(areas.map((a) => [a.code, a.id]));
  const schoolRows: { id: string; urn: string; name: string }[] = await em.query(`SELECT id, urn, name FROM schools`);
  const schools = new Map(schoolRows.map((s) => [s.urn, { id: s.id, name: s.name }]));
  for (const demo of DEMO_ALLIANCES) {
    const ctx = await contextOf(em, demo.slug, today, schools, areaIds);
    for (const request of DEMO_BROKERAGE[demo.slug]) await loadRequest(em, ctx, request);
  }
  await linkNoImpactReviews(em);
}

/**
 * The designation review a NONE rating stands behind (Forest's) names that deployment, as
 * evaluateDeployment's review does, where the schema records it (migration ImpactReviews).
 */
async function linkNoImpactReviews(em: EntityManager): Promise<void> {
  const [column] = await em.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'designation_reviews' AND column_name = 'deployment_id'`);
  if (!column) return;
  await em.query(
    `UPDATE designation_reviews r SET deployment_id = d.id
       FROM deployments d
      WHERE d.impact_rating = 'NONE' AND r.designation_id = d.designation_id AND r.trigger = 'NO_IMPACT_EVIDENCE' AND r.completed_on IS NULL AND r.deployment_id IS NULL`,
  );
}

async function contextOf(em: EntityManager, slug: DemoSlug, today: string, schools: Context['schools'], areaIds: Map<string, string>): Promise<Context> {
  const alliance = await em.getRepository(Alliance).findOneByOrFail({ slug });
  const rows: { id: string; given_name: string; family_name: string; school_id: string | null; job_title: string | null }[] = await em.query(
    `SELECT id, given_name, family_name, school_id, job_title FROM people WHERE alliance_id = $1`, [alliance.id],
  );
  const idOf = (given: string, family: string) => rows.find((p) => p.given_name === given && p.family_name === family)!.id;
  const staffId = new Map<string, string>();
  for (const [key, title] of Object.entries(STAFF_BY_JOB_TITLE)) {
    const p = demoPeople(slug).find((d) => d.jobTitle === title)!;
    staffId.set(key, idOf(p.givenName, p.familyName));
  }
  for (const p of EXTRA_STAFF[slug]) staffId.set(p.key, idOf(p.givenName, p.familyName));
  const designations: { id: string; person_id: string; type: string }[] = await em.query(
    `SELECT id, person_id, type::text FROM designations WHERE alliance_id = $1 AND status IN ('ACTIVE', 'UNDER_REVIEW')`, [alliance.id],
  );
  const users: { id: string; display_name: string; local: string; school_id: string | null; person_id: string | null }[] = await em.query(
    `SELECT u.id, u.display_name, split_part(u.email, '@', 1) AS local, m.school_id, m.person_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.alliance_id = $1`,
    [alliance.id],
  );
  const coordinator = users.find((u) => u.local === 'coordinator')!;
  return {
    alliance, today, staffId, schools, areaIds,
    people: new Map(rows.map((p) => [p.id, { name: `${p.given_name} ${p.family_name}`, schoolId: p.school_id, jobTitle: p.job_title }])),
    designation: new Map(designations.map((d) => [`${d.person_id}:${d.type}`, d.id])),
    coordinator: { id: coordinator.id, name: coordinator.display_name },
    headUser: new Map(users.filter((u) => u.school_id).map((u) => [u.school_id!, { id: u.id, name: u.display_name }])),
    personUser: new Map(users.filter((u) => u.person_id).map((u) => [u.person_id!, { id: u.id, name: u.display_name }])),
  };
}

/** A working day: the nearest one at or before `day` (not before `floor`), or at or after it (not after `ceiling`). */
function workingDay(day: string, direction: -1 | 1, limit: string): string {
  let d = day;
  while (!isWorkingDay(d) && (direction < 0 ? d > limit : d < limit)) d = addDays(d, direction);
  return d;
}

async function loadRequest(em: EntityManager, ctx: Context, demo: DemoRequest): Promise<void> {
  const on = (days: number) => dayOf(days, ctx.today);
  const supported = ctx.schools.get(demo.supportedUrn)!;
  const request = await em.getRepository(SupportRequest).save(
    em.create(SupportRequest, {
      allianceId: ctx.alliance.id, commissionerType: demo.commissioner.type, commissionerName: demo.commissioner.name,
      commissionerSchoolId: demo.commissioner.schoolUrn ? ctx.schools.get(demo.commissioner.schoolUrn)!.id : null,
      commissionerLaCode: demo.commissioner.laCode ?? null, commissionerGroupCode: demo.commissioner.groupCode ?? null,
      supportedSchoolId: supported.id, needs: demo.needs, areaIds: demo.areas.map((code) => ctx.areaIds.get(code)!),
      designationType: demo.designationType ?? DesignationType.SLE, desiredOutcomes: demo.outcomes, preferredStart: demo.preferredStart === undefined ? null : on(demo.preferredStart),
      fundingSource: demo.funding, status: demo.status, receivedOn: on(demo.received), closedOn: demo.closed ? on(demo.closed.on) : null, closeReason: demo.closed?.reason ?? null,
      createdByUserId: ctx.coordinator.id,
    }),
  );
  for (const d of demo.deployments) await loadDeployment(em, ctx, demo, request, supported, d);
}

/** Who signs for a school: the demo head's user, else the staff record with the headteacher's title, else the name the demo gives. */
function headOf(ctx: Context, schoolId: string, given?: string): { userId: string | null; name: string } {
  const user = ctx.headUser.get(schoolId);
  if (user) return { userId: user.id, name: user.name };
  const person = [...ctx.people.values()].find((p) => p.schoolId === schoolId && /headteacher/i.test(p.jobTitle ?? '') && !/deputy|assistant/i.test(p.jobTitle ?? ''));
  return { userId: null, name: given ?? person?.name ?? `Headteacher, ${[...ctx.schools.values()].find((s) => s.id === schoolId)!.name}` };
}

async function loadDeployment(em: EntityManager, ctx: Context, request: DemoRequest, row: SupportRequest, supported: { id: string; name: string }, demo: DemoDeployment): Promise<void> {
  const on = (days: number) => dayOf(days, ctx.today);
  const personId = ctx.staffId.get(demo.leader)!;
  const type = request.designationType ?? DesignationType.SLE;
  const designationId = ctx.designation.get(`${personId}:${type}`);
  if (!designationId) throw new Error(`demo deployment in ${ctx.alliance.slug}: ${demo.leader} holds no live ${type}`);
  const person = ctx.people.get(personId)!;
  if (person.schoolId === supported.id) throw new Error(`demo deployment in ${ctx.alliance.slug}: ${demo.leader} would be deployed to their own school`);
  const tariff = demo.agreed === undefined ? null : await tariffOn(em, ctx.alliance.id, on(demo.agreed));
  const t = demo.terms;
  const deployment = await em.getRepository(Deployment).save(
    em.create(Deployment, {
      allianceId: ctx.alliance.id, supportRequestId: row.id, designationId, personId, homeSchoolId: person.schoolId, supportedSchoolId: supported.id,
      status: demo.status, proposedOn: on(demo.proposed), scope: t.scope, objectives: t.objectives, impactMeasures: t.impactMeasures, fundingSource: request.funding,
      plannedDays: t.plannedDays, model: t.model, frequency: t.frequency ?? (t.model === M.DIAGNOSTIC_TWO_DAYS ? 'a 2-day diagnostic' : t.model === M.HALF_DAY_WEEKLY_TWO_TERMS ? 'half a day a week for two terms' : null),
      startsOn: on(t.starts), endsOn: on(t.ends), termsVersion: demo.voided ? 2 : 1,
      agreedOn: demo.agreed === undefined ? null : on(demo.agreed), agreedByUserId: demo.agreed === undefined ? null : ctx.coordinator.id,
      capacityOverrideReason: demo.override ?? null,
      tariffId: tariff?.id ?? null, tariffFullDayPence: tariff?.full_day_pence ?? null, tariffHalfDayPence: tariff?.half_day_pence ?? null,
      tariffHoursPerDay: tariff?.hours_per_day ?? null, tariffBrokerageFeePerDayPence: tariff?.brokerage_fee_per_day_pence ?? null,
      startedOn: demo.started === undefined ? null : on(demo.started), completedOn: demo.completed === undefined ? null : on(demo.completed),
      statusBeforeHold: demo.hold?.from ?? null, endedOn: demo.ended === undefined ? null : on(demo.ended), statusReason: demo.reason ?? null,
      impactRating: demo.evaluation?.rating ?? null, impactEvidence: demo.evaluation?.evidence ?? null, evaluatedOn: demo.evaluation ? on(demo.evaluation.on) : null,
      evaluatedByUserId: demo.evaluation && !demo.evaluation.onPaperBy ? ctx.headUser.get(supported.id)?.id ?? null : null,
      evaluatedByName: demo.evaluation ? demo.evaluation.onPaperBy ?? headOf(ctx, supported.id).name : null,
      evaluationRecordedByCoordinator: demo.evaluation ? Boolean(demo.evaluation.onPaperBy) : null,
    }),
  );
  await loadSignatures(em, ctx, demo, deployment, supported);
  const sessionRows = (demo.sessions ?? []).map(([when, length, status, record]) => {
    const hours = typeof length === 'number' ? length : null;
    const past = status === 'delivered' || (status === 'cancelled' && when < 0);
    const heldOn = past ? workingDay(on(when), -1, deployment.startsOn!) : workingDay(on(when), 1, deployment.endsOn!);
    const delivered = status === 'delivered';
    const due = delivered ? visitRecordDueOn(heldOn) : null;
    const recordOn = !delivered || !record || record === 'awaited' ? null : record === 'late' ? addDays(due!, 3) : addDays(heldOn, 2);
    const submitted = recordOn && recordOn <= ctx.today ? recordOn : null;
    const logger = ctx.personUser.get(personId)?.id ?? ctx.coordinator.id;
    return em.create(DeploymentSession, {
      allianceId: ctx.alliance.id, deploymentId: deployment.id, heldOn, length: hours === null ? (length as L) : L.HOURS, hours,
      status: delivered ? SessionStatus.DELIVERED : status === 'planned' ? SessionStatus.PLANNED : SessionStatus.CANCELLED,
      notes: status === 'cancelled' ? 'Cancelled by the supported school.' : null, loggedByUserId: logger,
      deliveredOn: delivered ? heldOn : null, visitRecordDueOn: due,
      visitSummary: submitted ? `Visit ${heldOn}: worked with the ${demo.terms.objectives[0].toLowerCase()} in mind; see next steps.` : null,
      visitNextSteps: submitted ? 'Follow up in the next session.' : null, visitRecordSubmittedOn: submitted, visitRecordByUserId: submitted ? logger : null,
    });
  });
  for (const session of sessionRows) await em.getRepository(DeploymentSession).save(session);
}

/**
 * All four parties on the current terms of what was agreed; a proposal's signatures as far as they
 * got (and a voided version 1). The supported head signs on paper where `paper` names them.
 */
async function loadSignatures(em: EntityManager, ctx: Context, demo: DemoDeployment, d: Deployment, supported: { id: string; name: string }): Promise<void> {
  const on = (days: number) => dayOf(days, ctx.today);
  const leader = ctx.personUser.get(d.personId);
  const home = headOf(ctx, d.homeSchoolId!);
  const supportedHead = headOf(ctx, supported.id, demo.paper);
  const signer: Record<P, { userId: string | null; name: string; paper?: boolean }> = {
    [P.SYSTEM_LEADER]: { userId: leader?.id ?? null, name: leader?.name ?? ctx.people.get(d.personId)!.name },
    [P.HOME_HEADTEACHER]: home,
    [P.SUPPORTED_HEADTEACHER]: demo.paper ? { userId: null, name: demo.paper, paper: true } : supportedHead,
    [P.ALLIANCE]: { userId: ctx.coordinator.id, name: ctx.coordinator.name },
  };
  const last = demo.agreed ?? demo.ended ?? 0;
  const first = demo.proposed;
  const parties = [P.SYSTEM_LEADER, P.HOME_HEADTEACHER, P.SUPPORTED_HEADTEACHER, P.ALLIANCE];
  const sign = (party: P, termsVersion: number, i: number) =>
    em.create(DeploymentSignature, {
      allianceId: d.allianceId, deploymentId: d.id, party, termsVersion, signedByUserId: signer[party].userId, signedByName: signer[party].name,
      // Spread between the proposal and the agreement, in the order of the parties.
      signedOn: on(Math.min(last, first + Math.floor(((last - first) * (i + 1)) / (parties.length + 1)))),
      recordedByCoordinator: Boolean(signer[party].paper), recordedByUserId: signer[party].paper ? ctx.coordinator.id : null,
    });
  const rows: DeploymentSignature[] = [];
  if (demo.voided) demo.voided.forEach((party) => rows.push(sign(party, 1, parties.indexOf(party))));
  parties.forEach((party, i) => {
    if (!demo.unsigned?.includes(party)) rows.push(sign(party, d.termsVersion, i));
  });
  for (const row of rows) await em.getRepository(DeploymentSignature).save(row);
}

async function tariffOn(em: EntityManager, allianceId: string, day: string) {
  const [tariff]: { id: string; full_day_pence: number; half_day_pence: number | null; hours_per_day: number; brokerage_fee_per_day_pence: number }[] = await em.query(
    `SELECT id, full_day_pence, half_day_pence, hours_per_day, brokerage_fee_per_day_pence FROM alliance_tariffs
      WHERE alliance_id = $1 AND effective_from <= $2 AND (effective_to IS NULL OR effective_to >= $2) ORDER BY effective_from DESC LIMIT 1`,
    [allianceId, day],
  );
  if (!tariff) throw new Error(`demo: no tariff in force on ${day}`);
  return tariff;
}
