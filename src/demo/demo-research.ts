import { EntityManager } from 'typeorm';
import { academicYearOf, formatAcademicYear } from '../common/academic-year';
import { addDays } from '../common/dates';
import { Alliance } from '../modules/alliances/alliance.entity';
import { ConferenceEvent } from '../modules/conference/conference-event.entity';
import { ConferencePresentation } from '../modules/conference/conference-presentation.entity';
import { ConferenceSession } from '../modules/conference/conference-session.entity';
import { ResearchAuthor } from '../modules/research/research-author.entity';
import { ResearchCall } from '../modules/research/research-call.entity';
import {
  KeyStage as K, ResearchCallStatus, ResearchFundingType as F, ResearchInterestOutcome, ResearchMemberRole, ResearchMethodology as M, ResearchStatus as S,
  ResearchVisibility,
} from '../modules/research/research-enums';
import { ResearchInterest } from '../modules/research/research-interest.entity';
import { ResearchProject } from '../modules/research/research-project.entity';
import { DemoSlug } from './demo-alliances';
import { dayOf, When } from './demo-calendar';
import { demoPeople } from './demo-people';
import { EXTRA_STAFF, STAFF_BY_JOB_TITLE } from './demo-system-leader-staff';

/** PedEx, the alliances' teacher-learning journal. */
export const PEDEX_JOURNAL_TITLE = 'PedEx: the Journal of Teacher Learning';
/** Its ISSN, with the check digit computed (issnCheckDigit). */
export const PEDEX_ISSN = `2049-363${issnCheckDigit('2049363')}`;
/** PedEx's public site, where each article and its PDF live (example.org: the demo's addresses go nowhere). */
const PEDEX_SITE = 'https://pedex.example.org/articles';
/** 10.5555 is the DOI prefix set aside for tests and examples. */
const DOI_PREFIX = '10.5555/pedex';

/** ISSN's check digit: weights 8 to 2 over the first seven digits, modulo 11; 10 is written X. */
export function issnCheckDigit(first7: string): string {
  const sum = [...first7].reduce((total, digit, i) => total + Number(digit) * (8 - i), 0);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/** ORCID's check digit: ISO 7064 MOD 11-2 over the first fifteen digits; 10 is written X. */
export function orcidCheckDigit(first15: string): string {
  let total = 0;
  for (const digit of first15) total = (total + Number(digit)) * 2;
  const check = (12 - (total % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/** A demo ORCID for a name: the same name gets the same ORCID, in the 0000-0002 block, with a valid check digit. */
export function demoOrcid(name: string): string {
  let hash = 0;
  for (const c of name) hash = (hash * 31 + c.charCodeAt(0)) % 10_000_000;
  const digits = `00000002${String(hash).padStart(7, '0')}`;
  const all = digits + orcidCheckDigit(digits);
  return all.match(/.{4}/g)!.join('-');
}

/** A PedEx address from a title: lowercase words joined by hyphens. */
export function slugOf(title: string): string {
  return title.toLowerCase().replace(/['’]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

interface DemoAuthor {
  /** A staff key of the alliance (named, with their school, as published) ... */
  staff?: string;
  /** ... or someone outside it. */
  name?: string;
  affiliation?: string;
  orcid?: boolean;
  consent: boolean;
}

interface DemoPublication {
  on: When;
  /** Published with a DOI (default), a URL only, or both. */
  identifier?: 'doi' | 'url' | 'both';
  licence: string;
  authors: DemoAuthor[];
}

interface DemoProject {
  title: string;
  question: string;
  abstract?: string;
  methodology: M;
  status: S;
  /** Staff keys: the lead (an ACTIVE Lead Practitioner) and the contributors. */
  lead: string;
  contributors?: string[];
  /** Member schools by URN besides the lead's (which comes first). */
  schools?: string[];
  commissionedBy?: string;
  funding?: { type: F; pence: number };
  /** The project a call created from its chosen interest: the alliance's call of this year, or a member school's earlier one. */
  fromCall?: 'alliance' | 'school';
  areas: string[];
  keyStages: K[];
  keywords: string[];
  starts: When;
  ends?: When;
  publication?: DemoPublication;
}

/** A published project's dates: started about a year before it was published, ended two months before. */
function published(on: When): { starts: When; ends: When } {
  const [years, days] = typeof on === 'number' ? [0, on] : on;
  return { starts: [years - 1, days - 250], ends: [years, days - 60] };
}

const CC_BY = 'CC BY 4.0';
const CC_BY_NC = 'CC BY-NC 4.0';

/**
 * The R&D databases (issue 11, item 8). Romero commissions research from its Lead Practitioners
 * (TLR3s, bursaries) and publishes in PedEx; London South's Lead Practitioners research too. Both
 * have a project in every status; Fusion and Forest have one published project each.
 */
export const DEMO_RESEARCH: Record<DemoSlug, DemoProject[]> = {
  romero: [
    {
      title: 'Whole-class feedback in Year 6 writing', status: S.PUBLISHED, methodology: M.ACTION_RESEARCH, lead: 'lp', contributors: ['teacher'], schools: ['990011'],
      question: 'Does replacing written marking with whole-class feedback lessons improve Year 6 pupils’ editing of their own writing?',
      abstract:
        'Marking Year 6 writing took our teachers up to six hours a week, and pupils rarely acted on the comments. Over two terms, two Year 6 classes in two schools replaced written marking with a weekly whole-class feedback lesson: the teacher read every book, noted common errors and strong examples on one sheet, and taught from it the next morning before pupils edited their drafts. We compared the number and quality of pupil edits in September and March, surveyed pupils and logged teachers’ marking time. Pupils made more than twice as many substantive edits, most often to sentence structure and cohesion, and teachers’ marking time fell by about two thirds. Lower-attaining writers benefited most when the feedback sheet included a modelled rewrite. We recommend the approach to the alliance with a short protocol for the feedback sheet.',
      funding: { type: F.TLR3, pence: 150_000 }, areas: ['ENGLISH', 'ASSESSMENT'], keyStages: [K.KS2], keywords: ['feedback', 'marking', 'writing', 'teacher workload', 'Year 6'],
      ...published([-1, -60]),
      publication: {
        on: [-1, -60], licence: CC_BY, identifier: 'both',
        authors: [{ staff: 'lp', orcid: true, consent: true }, { staff: 'teacher', consent: false }, { name: 'Niamh Gallagher', affiliation: 'St Bernadette’s Catholic Primary School', consent: false }],
      },
    },
    {
      title: 'Bar modelling and reasoning in Year 4 maths', status: S.PUBLISHED, methodology: M.LESSON_STUDY, lead: 'maths2', contributors: ['sle'], schools: ['990008'],
      question: 'Can a lesson study cycle on the bar model improve Year 4 pupils’ written reasoning in multiplicative problems?',
      abstract:
        'Three teachers in two schools ran three lesson study cycles on using the bar model for multiplicative word problems in Year 4. Each cycle planned one research lesson together, observed three case pupils closely and refined the lesson for the next class. Before and after the cycles we gave pupils the same set of eight reasoning problems and scored their written explanations against a four-point rubric. The share of pupils drawing a correct model rose from 31% to 68%, and written explanations improved most for pupils who had previously guessed an operation. Teachers reported that observing case pupils, rather than the teacher, changed how they planned questioning. The research lessons and rubric are shared with the alliance’s maths network.',
      funding: { type: F.TLR3, pence: 120_000 }, areas: ['MATHS'], keyStages: [K.KS2], keywords: ['bar model', 'reasoning', 'lesson study', 'mathematics', 'mastery'],
      ...published([-2, -30]),
      publication: { on: [-2, -30], licence: CC_BY, authors: [{ staff: 'maths2', orcid: true, consent: true }, { staff: 'sle', orcid: true, consent: true }] },
    },
    {
      title: 'Retrieval practice quizzes in Key Stage 2 science', status: S.PUBLISHED, methodology: M.RCT, lead: 'lp', contributors: ['science'], schools: ['990010', '990012'],
      question: 'Do weekly low-stakes retrieval quizzes raise end-of-unit science scores in Years 5 and 6?',
      abstract:
        'We randomly allocated eight Year 5 and 6 classes in four schools to either weekly low-stakes retrieval quizzes or their usual science starters for two units, forces and living things. The quizzes took ten minutes, mixed questions from the current and earlier units and were never recorded. End-of-unit tests, written by a teacher who did not know the allocation, were compared between the groups. Classes using retrieval quizzes scored on average 9 percentage points higher, with the largest gains on questions about earlier units. Pupils said the quizzes made them less anxious about tests. With only eight classes the result is tentative, and we are repeating the trial across the alliance next year.',
      funding: { type: F.BURSARY, pence: 80_000 }, areas: ['SCIENCE'], keyStages: [K.KS2], keywords: ['retrieval practice', 'low-stakes quizzing', 'science', 'memory', 'randomised trial'],
      ...published([-3, -90]),
      publication: {
        on: [-3, -90], licence: CC_BY,
        authors: [{ staff: 'science', orcid: true, consent: true }, { staff: 'lp', orcid: true, consent: true }, { name: 'Dr Helen Marsh', affiliation: 'University of Warwick', orcid: true, consent: true }],
      },
    },
    {
      title: 'Oral storytelling and early language in Reception', status: S.PUBLISHED, methodology: M.CASE_STUDY, lead: 'english', contributors: ['ey2', 'eyfs'], schools: ['990013'],
      question: 'How does daily oral storytelling change the vocabulary that Reception children use in play?',
      abstract:
        'In two Reception classes, adults told (rather than read) one traditional tale a day for a term and children retold it with story maps and props in continuous provision. We followed six case-study children with low language scores on entry, recording their talk in play for twenty minutes each fortnight and counting the story words they used unprompted. All six used more story vocabulary by the end of the term, and four began to sequence events with connectives such as ‘then’ and ‘after that’. Practitioners found the approach easy to sustain once each tale had been learned. The case studies suggest that repetition and retelling, not the number of stories, made the difference.',
      areas: ['EARLY_YEARS', 'ENGLISH'], keyStages: [K.EYFS], keywords: ['oral language', 'storytelling', 'Reception', 'vocabulary', 'early years'],
      ...published([-4, -50]),
      publication: { on: [-4, -50], licence: CC_BY_NC, identifier: 'url', authors: [{ staff: 'english', orcid: true, consent: true }, { staff: 'ey2', consent: true }, { staff: 'eyfs', consent: false }] },
    },
    {
      title: 'Pre-teaching vocabulary to close the gap for disadvantaged pupils', status: S.PUBLISHED, methodology: M.ACTION_RESEARCH, lead: 'lp', contributors: ['assistant'], schools: ['990009'],
      question: 'Does pre-teaching topic vocabulary to disadvantaged pupils before a unit close the gap in their comprehension?',
      abstract:
        'Disadvantaged pupils in our Year 3 and Year 4 classes were falling behind in foundation-subject reading because the vocabulary was new to them. For two units, a teaching assistant pre-taught eight topic words to twelve pupils eligible for the pupil premium in three short sessions before each unit began, using images, morphology and sentences. We compared their comprehension scores on unit texts with those of the previous units and with their classmates. The gap between the group and their peers narrowed from 18 to 7 percentage points, and pupils contributed more often in class discussion. The approach depends on well-trained teaching assistants and careful choice of words.',
      funding: { type: F.OTHER, pence: 40_000 }, areas: ['CLOSING_THE_GAP', 'ENGLISH'], keyStages: [K.KS2], keywords: ['disadvantaged pupils', 'pre-teaching', 'vocabulary', 'pupil premium'],
      ...published([-5, -80]),
      publication: { on: [-5, -80], licence: CC_BY, authors: [{ staff: 'lp', orcid: true, consent: true }, { staff: 'assistant', consent: true }] },
    },
    {
      title: 'What teachers say about feedback and marking: a survey across nine primary schools', status: S.PUBLISHED, methodology: M.SURVEY, lead: 'maths2', contributors: ['senco', 'lp'],
      schools: ['990008', '990009', '990010', '990012'],
      question: 'What forms of feedback do teachers in the alliance use, and which do they believe pupils act on?',
      abstract:
        'We surveyed 142 teachers and teaching assistants in nine primary schools about the feedback they give, the time it takes and what they believe pupils do with it. Written comments remained the most common form of feedback, yet fewer than a third of respondents thought pupils acted on them. Verbal feedback in the lesson and whole-class feedback were rated most useful, but teachers in schools with detailed marking policies felt unable to use them. Early career teachers reported the heaviest marking load. The findings informed a shared feedback policy for the alliance, and the survey instrument is included for other schools to use.',
      areas: ['ASSESSMENT'], keyStages: [K.KS1, K.KS2], keywords: ['feedback', 'marking policy', 'survey', 'teacher workload'],
      ...published([-6, -40]),
      publication: { on: [-6, -40], licence: CC_BY, identifier: 'url', authors: [{ staff: 'maths2', orcid: true, consent: true }, { staff: 'senco', consent: true }, { staff: 'lp', orcid: true, consent: true }] },
    },
    {
      title: 'Stilling and reflective journals in Year 5 RE', status: S.PUBLISHED, methodology: M.OTHER, lead: 'english', contributors: ['re'], schools: ['990010'],
      question: 'Do stilling exercises and reflective journals deepen Year 5 pupils’ written responses in RE?',
      abstract:
        'RE lessons in Year 5 often ended with a rushed written response. For a term, one class began each RE lesson with a three-minute stilling exercise and ended it with ten minutes of private journaling prompted by a single open question. We analysed forty journal entries against a framework of reflection, from recall through personal response to connection with others’ beliefs, and interviewed eight pupils. By the end of the term most entries showed personal response, and a third made connections with the beliefs of others. Pupils valued the privacy of the journals. We describe the prompts that worked best and those that did not.',
      areas: ['RE'], keyStages: [K.KS2], keywords: ['religious education', 'reflection', 'journals', 'stilling', 'spiritual development'],
      ...published([0, -20]),
      publication: { on: [0, -20], licence: CC_BY_NC, identifier: 'both', authors: [{ staff: 're', orcid: true, consent: true }, { staff: 'english', consent: false }] },
    },
    {
      title: 'Talk for Writing in Year 2: oral rehearsal before independent writing', status: S.PROPOSED, methodology: M.ACTION_RESEARCH, lead: 'lp', contributors: ['teacher'],
      question: 'Does rehearsing a text orally before writing improve the length and cohesion of Year 2 pupils’ independent writing?',
      areas: ['ENGLISH'], keyStages: [K.KS1], keywords: ['Talk for Writing', 'oral rehearsal', 'writing'], starts: 60, ends: 300,
    },
    {
      title: 'Reasoning routines for disadvantaged pupils in upper Key Stage 2', status: S.APPROVED, methodology: M.ACTION_RESEARCH, lead: 'maths2', contributors: ['assistant'], fromCall: 'alliance',
      question: 'Can daily five-minute reasoning routines close the gap in maths reasoning for disadvantaged pupils in Years 5 and 6?',
      funding: { type: F.TLR3, pence: 150_000 }, areas: ['MATHS', 'CLOSING_THE_GAP'], keyStages: [K.KS2], keywords: ['reasoning', 'disadvantaged pupils', 'mathematics'], starts: 21, ends: 250,
    },
    {
      title: 'Knowledge organisers and retrieval in Key Stage 2 history', status: S.IN_PROGRESS, methodology: M.LESSON_STUDY, lead: 'english', contributors: ['re'], commissionedBy: '990010', fromCall: 'school',
      question: 'How do knowledge organisers used for retrieval change what Year 4 pupils remember of a history unit a term later?',
      funding: { type: F.BURSARY, pence: 50_000 }, areas: ['HISTORY'], keyStages: [K.KS2], keywords: ['knowledge organisers', 'retrieval', 'history'], starts: -100, ends: 150,
    },
    {
      title: 'Precision teaching of times tables for pupils with SEND', status: S.WRITING_UP, methodology: M.RCT, lead: 'lp', contributors: ['senco', 'inclusion'], schools: ['990012'],
      question: 'Does precision teaching improve recall of multiplication facts for pupils with SEND compared with usual intervention?',
      abstract: 'Draft: twenty-four pupils with SEND in four schools were allocated to precision teaching or usual intervention for ten weeks; recall of multiplication facts was timed before and after.',
      funding: { type: F.TLR3, pence: 100_000 }, areas: ['SEND', 'MATHS'], keyStages: [K.KS2], keywords: ['precision teaching', 'SEND', 'times tables'], starts: -300, ends: -20,
    },
    {
      title: 'Reading for pleasure in Year 6: a survey of readers across the alliance', status: S.SUBMITTED, methodology: M.SURVEY, lead: 'english', contributors: ['lp'], schools: ['990008', '990011'],
      question: 'What do Year 6 pupils read for pleasure, and what makes them choose a book?',
      abstract: 'A survey of 310 Year 6 pupils in seven schools about what they read, how often and why; reading for pleasure fell sharply among boys between Year 5 and Year 6.',
      areas: ['ENGLISH'], keyStages: [K.KS2], keywords: ['reading for pleasure', 'survey', 'Year 6'], starts: -380, ends: -60,
    },
    {
      title: 'Sentence stems for scientific explanation', status: S.REVISIONS_REQUESTED, methodology: M.ACTION_RESEARCH, lead: 'english', contributors: ['science'],
      question: 'Do sentence stems help Year 5 pupils write causal explanations in science?',
      abstract: 'Two classes used sentence stems for explanations in a forces unit; the reviewers asked for the comparison classes’ work to be analysed in the same way.',
      areas: ['SCIENCE', 'ENGLISH'], keyStages: [K.KS2], keywords: ['sentence stems', 'scientific explanation', 'oracy'], starts: -400, ends: -90,
    },
    {
      title: 'Phonics keep-up sessions in Year 1', status: S.ACCEPTED, methodology: M.CASE_STUDY, lead: 'lp', contributors: ['phonics'], schools: ['990009'],
      question: 'How do same-day keep-up sessions affect the phonics progress of Year 1 pupils who fall behind?',
      abstract: 'Case studies of nine Year 1 pupils who received same-day phonics keep-up sessions for two terms; eight passed the screening check. Accepted for PedEx, to be published in the next issue.',
      funding: { type: F.BURSARY, pence: 60_000 }, areas: ['PHONICS'], keyStages: [K.KS1], keywords: ['phonics', 'keep-up', 'early reading'], starts: -420, ends: -120,
    },
    {
      title: 'Growth mindset assemblies and attainment', status: S.REJECTED, methodology: M.OTHER, lead: 'maths2',
      question: 'Do termly growth mindset assemblies change pupils’ attainment in maths?',
      abstract: 'A before-and-after comparison of maths scores around a series of assemblies; the reviewers found no way to attribute any change to the assemblies.',
      areas: ['PSHE'], keyStages: [K.KS2], keywords: ['growth mindset', 'assemblies'], starts: -500, ends: -200,
    },
    {
      title: 'Outdoor maths in the early years', status: S.WITHDRAWN, methodology: M.ACTION_RESEARCH, lead: 'english', contributors: ['ey2'], schools: ['990013'],
      question: 'Does outdoor maths provision increase the number talk of Nursery children?',
      areas: ['EARLY_YEARS', 'MATHS'], keyStages: [K.EYFS], keywords: ['outdoor learning', 'early maths'], starts: -200,
    },
  ],
  'london-south': [
    {
      title: 'Verbal feedback that moves learning on in Year 3 maths', status: S.PUBLISHED, methodology: M.ACTION_RESEARCH, lead: 'lp', contributors: ['sle', 'teacher'],
      question: 'Does live verbal feedback during independent work reduce the number of Year 3 pupils who repeat the same error?',
      abstract:
        'We replaced end-of-lesson marking in Year 3 maths with live verbal feedback: the teacher circulated with a class list during independent practice, gave each pupil one short spoken prompt and recorded it with a code. Over a term in two classes we tracked how often pupils repeated the error they had been given feedback on in the following three lessons. Repeated errors fell from roughly half of cases to under a fifth, and pupils could explain the feedback they had received when asked a week later. The codes also gave teachers a quick picture of misconceptions for the next day’s planning. Teachers needed practice to keep prompts short and specific.',
      funding: { type: F.TLR3, pence: 120_000 }, areas: ['MATHS', 'ASSESSMENT'], keyStages: [K.KS2], keywords: ['feedback', 'verbal feedback', 'misconceptions', 'mathematics'],
      ...published([-1, -120]),
      publication: { on: [-1, -120], licence: CC_BY, authors: [{ staff: 'lp', orcid: true, consent: true }, { staff: 'sle', orcid: true, consent: true }, { staff: 'teacher', consent: false }] },
    },
    {
      title: 'Instructional coaching for early career teachers', status: S.PUBLISHED, methodology: M.CASE_STUDY, lead: 'lp', contributors: ['deputy'], schools: ['990005', '990007'],
      question: 'How do weekly instructional coaching cycles change the classroom practice of early career teachers in secondary schools?',
      abstract:
        'Six early career teachers in two secondary schools received a weekly fifteen-minute observation followed by a coaching conversation with a single action step and deliberate practice. We followed them for two terms through coaching records, lesson observations and interviews. Five of the six consistently used their action steps by the third week after setting them, most visibly in routines for entry, questioning and checking for understanding. The teachers valued the small size of each step; coaches found the deliberate practice hardest to protect in a busy week. We set out the conditions that made coaching stick and those that undermined it.',
      areas: ['EARLY_CAREER_TEACHERS', 'LEADERSHIP_OF_CPD'], keyStages: [K.KS3, K.KS4], keywords: ['instructional coaching', 'early career teachers', 'professional development'],
      ...published([-2, -200]),
      publication: { on: [-2, -200], licence: CC_BY, authors: [{ staff: 'lp', orcid: true, consent: true }, { staff: 'deputy', orcid: true, consent: true }] },
    },
    {
      title: 'Phonics interventions after the Year 1 screening check', status: S.PUBLISHED, methodology: M.RCT, lead: 'eyfs', contributors: ['phonics'], schools: ['990002', '990004'],
      question: 'Which of two phonics interventions helps more Year 2 pupils pass the screening check at the second attempt?',
      abstract:
        'Forty Year 2 pupils in four schools who had not passed the phonics screening check in Year 1 were randomly allocated to one of two ten-week interventions: daily small-group sessions following the school’s scheme, or three one-to-one sessions a week focused on blending. Both were delivered by trained teaching assistants. At the second attempt 75% of the small-group pupils and 70% of the one-to-one pupils passed, a difference well within chance. The small-group sessions cost about a third as much in adult time. Schools in the alliance now use daily small-group catch-up by default.',
      funding: { type: F.BURSARY, pence: 60_000 }, areas: ['PHONICS'], keyStages: [K.KS1], keywords: ['phonics', 'screening check', 'intervention', 'randomised trial'],
      ...published([-3, -10]),
      publication: {
        on: [-3, -10], licence: CC_BY, identifier: 'both',
        authors: [{ staff: 'eyfs', orcid: true, consent: true }, { staff: 'phonics', consent: true }, { name: 'Dr Kwesi Boateng', affiliation: 'Goldsmiths, University of London', orcid: true, consent: true }],
      },
    },
    {
      title: 'Talk partners in Reception: structured peer talk and early vocabulary', status: S.PUBLISHED, methodology: M.LESSON_STUDY, lead: 'eyfs', contributors: ['senco'], schools: ['990006'],
      question: 'Do structured talk partner routines increase the vocabulary Reception children use with each other?',
      abstract:
        'Two Reception teams ran a lesson study on talk partner routines during carpet time: sentence frames, modelled turn-taking and a shared object to talk about. Each cycle observed how three case children spoke with their partners and refined the routine. Over the spring term the case children’s turns grew longer and they used more of the taught words with their partners, including two children who rarely spoke in class in the autumn. Adults learned to wait longer before stepping in. We describe the routines, with video stills, and what we would change.',
      areas: ['EARLY_YEARS'], keyStages: [K.EYFS], keywords: ['oracy', 'talk partners', 'vocabulary', 'Reception'],
      ...published([0, -45]),
      publication: { on: [0, -45], licence: CC_BY_NC, identifier: 'url', authors: [{ staff: 'eyfs', orcid: true, consent: true }, { staff: 'senco', consent: false }] },
    },
    {
      title: 'Dialogic reading in Year 1', status: S.PROPOSED, methodology: M.ACTION_RESEARCH, lead: 'lp', contributors: ['teacher'],
      question: 'Does dialogic reading in small groups improve the oral comprehension of Year 1 pupils with low language scores?',
      areas: ['ENGLISH'], keyStages: [K.KS1], keywords: ['dialogic reading', 'comprehension'], starts: 45, ends: 280,
    },
    {
      title: 'What the three-day Lead Practitioner programme changes for aspiring SLEs', status: S.APPROVED, methodology: M.CASE_STUDY, lead: 'lp', contributors: ['science', 'phonics'],
      question: 'How do graduates of the three-day Lead Practitioner programme use it in their first year of supporting other schools?',
      funding: { type: F.TLR3, pence: 120_000 }, areas: ['LEADERSHIP_OF_CPD'], keyStages: [K.KS2, K.KS3], keywords: ['system leadership', 'professional development', 'SLE'], starts: 30, ends: 280,
    },
    {
      title: 'Mastery teaching in mixed-attainment Year 7 maths', status: S.IN_PROGRESS, methodology: M.LESSON_STUDY, lead: 'lp', contributors: ['sle'], schools: ['990007'],
      question: 'How can mastery teaching keep every pupil in a mixed-attainment Year 7 class working on the same content?',
      areas: ['MATHS'], keyStages: [K.KS3], keywords: ['mastery', 'mixed attainment', 'Year 7'], starts: -90, ends: 180,
    },
    {
      title: 'Visual timetables and self-regulation in Nursery', status: S.WRITING_UP, methodology: M.RCT, lead: 'eyfs', contributors: ['senco'], commissionedBy: '990006',
      question: 'Do visual timetables reduce transitions-related distress in Nursery?',
      abstract: 'Draft: six Nursery rooms were allocated to introduce visual timetables in the autumn or the spring; incidents at transitions were logged by practitioners.',
      funding: { type: F.BURSARY, pence: 60_000 }, areas: ['EARLY_YEARS', 'SEND'], keyStages: [K.EYFS], keywords: ['self-regulation', 'visual timetables', 'transitions'], starts: -280, ends: -30,
    },
    {
      title: 'Homework in Key Stage 4: a survey of students and parents', status: S.SUBMITTED, methodology: M.SURVEY, lead: 'lp', contributors: ['assistant'], schools: ['990005'],
      question: 'How much homework do Key Stage 4 students do, and what do they and their parents think it is for?',
      abstract: 'A survey of 420 students and 180 parents in two secondary schools; students spent on average 6 hours a week on homework and valued retrieval tasks more than projects.',
      areas: ['ASSESSMENT'], keyStages: [K.KS4], keywords: ['homework', 'survey', 'parents'], starts: -360, ends: -70,
    },
    {
      title: 'Practical work in GCSE science', status: S.REVISIONS_REQUESTED, methodology: M.OTHER, lead: 'lp', contributors: ['science'], schools: ['990001'],
      question: 'What do students learn from required practicals in GCSE science?',
      abstract: 'Interviews with twelve Year 10 students after required practicals; the reviewers asked for the analysis of the interviews to be set out more fully.',
      areas: ['SCIENCE'], keyStages: [K.KS4], keywords: ['practical work', 'science', 'GCSE'], starts: -420, ends: -100,
    },
    {
      title: 'Sensory circuits and readiness to learn in Key Stage 1', status: S.ACCEPTED, methodology: M.CASE_STUDY, lead: 'eyfs', contributors: ['senco'],
      question: 'Do morning sensory circuits help pupils with sensory needs settle to learning?',
      abstract: 'Case studies of five pupils with sensory processing needs who attended a morning sensory circuit for a term; four settled to learning more quickly. Accepted for PedEx.',
      areas: ['SEND'], keyStages: [K.KS1], keywords: ['sensory circuits', 'SEND', 'readiness to learn'], starts: -450, ends: -150,
    },
    {
      title: 'Seating plans by attainment in Year 9', status: S.REJECTED, methodology: M.OTHER, lead: 'lp', contributors: ['assistant'],
      question: 'Does seating by attainment change behaviour in Year 9 lessons?',
      abstract: 'A comparison of behaviour points before and after new seating plans; the reviewers found the data could not separate the seating from a change of timetable.',
      areas: ['BEHAVIOUR_AND_DISCIPLINE'], keyStages: [K.KS3], keywords: ['seating plans', 'behaviour'], starts: -500, ends: -220,
    },
    {
      title: 'Phonics for pupils new to English in Year 2', status: S.WITHDRAWN, methodology: M.ACTION_RESEARCH, lead: 'eyfs', contributors: ['phonics'],
      question: 'How should phonics teaching adapt for Year 2 pupils who are new to English?',
      areas: ['PHONICS', 'ENGLISH'], keyStages: [K.KS1], keywords: ['EAL', 'phonics'], starts: -150,
    },
  ],
  forest: [
    {
      title: 'Decodable books at home: a phonics partnership with parents', status: S.PUBLISHED, methodology: M.ACTION_RESEARCH, lead: 'lp', contributors: ['phonics'],
      question: 'Does sending home fully decodable books with a short guide for parents increase reading at home in Reception and Year 1?',
      abstract:
        'Parents told us that the books children brought home were either too hard or not matched to what they had learned in phonics. For two terms, Reception and Year 1 children took home only fully decodable books matched to the week’s sounds, with a one-page guide and a short video for parents. We counted reading records returned and surveyed parents at the start and end. The share of children reading at home at least three times a week rose from 41% to 66%, and parents said they felt more confident helping. Reading records from the families least engaged at the start changed least, which is where we will focus next.',
      areas: ['PHONICS'], keyStages: [K.EYFS, K.KS1], keywords: ['phonics', 'reading at home', 'parents', 'decodable books'],
      ...published([-2, -100]),
      publication: { on: [-2, -100], licence: CC_BY, authors: [{ staff: 'lp', orcid: true, consent: true }, { staff: 'phonics', consent: true }] },
    },
  ],
  fusion: [
    {
      title: 'Adaptive teaching for pupils with SEND in mainstream science', status: S.PUBLISHED, methodology: M.CASE_STUDY, lead: 'lp', contributors: ['senco'],
      question: 'Which adaptations let pupils with SEND take a full part in mainstream science practicals?',
      abstract:
        'With more pupils with SEND in mainstream classes, our teachers wanted to know which adaptations mattered most in practical science. We followed four pupils with different needs through a term of Year 6 and Year 7 science, observing practical lessons and interviewing the pupils, their teachers and teaching assistants. Three adaptations made the biggest difference: a visual sequence of the method, a defined role in the group and pre-teaching of the equipment. Adaptations planned for the whole class helped these pupils more than one-to-one support during the lesson. We offer a planning checklist built from the cases.',
      areas: ['SEND', 'SCIENCE'], keyStages: [K.KS2, K.KS3], keywords: ['SEND', 'adaptive teaching', 'science', 'inclusion'],
      ...published([-1, -200]),
      publication: { on: [-1, -200], licence: CC_BY, identifier: 'both', authors: [{ staff: 'lp', orcid: true, consent: true }, { staff: 'senco', orcid: true, consent: true }] },
    },
  ],
  pathway: [],
};

/** Each alliance's research budget a year, in pence; the loader refuses demo funding beyond it. */
const BUDGET_PENCE: Partial<Record<DemoSlug, number>> = { romero: 600_000, 'london-south': 400_000, forest: 200_000, fusion: 200_000 };

interface Context {
  alliance: Alliance;
  today: string;
  staff: Map<string, { id: string; name: string; schoolId: string | null }>;
  schools: Map<string, { id: string; name: string }>;
  schoolName: Map<string, string>;
  areaIds: Map<string, string>;
}

/** Seed data, not changes: no audit rows. After the designations: the leads are Lead Practitioners. */
export async function loadDemoResearch(em: EntityManager, today: string): Promise<void> {
  const areas: { id: string; code: string }[] = await em.query(`SELECT id, code FROM areas_of_expertise`);
  const areaIds = new Map(areas.map((a) => [a.code, a.id]));
  const schoolRows: { id: string; urn: string; name: string }[] = await em.query(`SELECT id, urn, name FROM schools`);
  const schools = new Map(schoolRows.map((s) => [s.urn, { id: s.id, name: s.name }]));
  const schoolName = new Map(schoolRows.map((s) => [s.id, s.name]));
  for (const [slug, projects] of Object.entries(DEMO_RESEARCH) as [DemoSlug, DemoProject[]][]) {
    if (!projects.length) continue;
    const ctx = await contextOf(em, slug, today, schools, schoolName, areaIds);
    const calls = slug === 'romero' ? await loadCalls(em, ctx, projects) : null;
    const ids = new Map<string, string>();
    for (const project of projects) ids.set(project.title, await loadProject(em, ctx, project, project.fromCall ? calls![project.fromCall] : null));
    if (calls) await loadInterests(em, ctx, calls, (which) => ids.get(projects.find((p) => p.fromCall === which)!.title)!);
    await loadBudgets(em, ctx, projects, BUDGET_PENCE[slug]!);
    if (slug === 'romero') await loadConference(em, ctx, projects, ids);
  }
}

async function contextOf(
  em: EntityManager, slug: DemoSlug, today: string, schools: Context['schools'], schoolName: Map<string, string>, areaIds: Map<string, string>,
): Promise<Context> {
  const alliance = await em.getRepository(Alliance).findOneByOrFail({ slug });
  const rows: { id: string; given_name: string; family_name: string; school_id: string | null }[] = await em.query(
    `SELECT id, given_name, family_name, school_id FROM people WHERE alliance_id = $1`, [alliance.id],
  );
  const person = (given: string, family: string) => {
    const p = rows.find((r) => r.given_name === given && r.family_name === family)!;
    return { id: p.id, name: `${given} ${family}`, schoolId: p.school_id };
  };
  const staff: Context['staff'] = new Map();
  for (const [key, title] of Object.entries(STAFF_BY_JOB_TITLE)) {
    const p = demoPeople(slug).find((d) => d.jobTitle === title)!;
    staff.set(key, person(p.givenName, p.familyName));
  }
  for (const p of EXTRA_STAFF[slug]) staff.set(p.key, person(p.givenName, p.familyName));
  return { alliance, today, staff, schools, schoolName, areaIds };
}

function staffOf(ctx: Context, key: string) {
  const person = ctx.staff.get(key);
  if (!person) throw new Error(`demo research in ${ctx.alliance.slug}: unknown staff "${key}"`);
  return person;
}

/**
 * Romero's calls: the alliance's for this academic year (a TLR3 on reasoning and the gap, still open,
 * its project already chosen), and a member school's earlier one (a bursary for a history project),
 * closed. A call's project has the call's funding, areas, key stages and school, as chooseResearchInterest makes it.
 */
async function loadCalls(em: EntityManager, ctx: Context, projects: DemoProject[]): Promise<Record<'alliance' | 'school', string>> {
  const call = async (which: 'alliance' | 'school', fields: Partial<ResearchCall>) => {
    const project = projects.find((p) => p.fromCall === which)!;
    const row = await em.getRepository(ResearchCall).save(
      em.create(ResearchCall, {
        allianceId: ctx.alliance.id, commissionedBySchoolId: project.commissionedBy ? ctx.schools.get(project.commissionedBy)!.id : null, academicYear: fundingYear(ctx, project),
        fundingType: project.funding!.type, fundingPence: project.funding!.pence, areaIds: project.areas.map((code) => ctx.areaIds.get(code)!), keyStages: project.keyStages,
        ...fields,
      }),
    );
    return row.id;
  };
  const school = projects.find((p) => p.fromCall === 'school')!;
  return {
    alliance: await call('alliance', {
      title: `Funded projects proposed for ${formatAcademicYear(academicYearOf(ctx.today))}`,
      description:
        'The alliance funds a Lead Practitioner project on reasoning in maths for disadvantaged pupils in Key Stage 2: a TLR3 for the year, two days of release and a write-up for PedEx. Express interest with a short statement of the question you would ask and the classes you would work with.',
      closesOn: dayOf(14, ctx.today), status: ResearchCallStatus.OPEN,
    }),
    school: await call('school', {
      title: `Christ the King Catholic Primary School: a funded history project for ${formatAcademicYear(fundingYear(ctx, school))}`,
      description: 'Christ the King offers a bursary for a Lead Practitioner to study how pupils remember what they learn in history.',
      closesOn: dayOf(-130, ctx.today), status: ResearchCallStatus.CLOSED,
    }),
  };
}

/**
 * Lead Practitioners' expressions of interest: in this year's call one chosen (its project is the
 * call's), one not chosen and one awaiting the coordinator; in the school's closed call one chosen
 * and one not.
 */
async function loadInterests(em: EntityManager, ctx: Context, calls: Record<'alliance' | 'school', string>, projectOf: (which: 'alliance' | 'school') => string): Promise<void> {
  const { CHOSEN, NOT_CHOSEN } = ResearchInterestOutcome;
  const interest = (which: 'alliance' | 'school', key: string, submitted: number, statement: string, outcome: ResearchInterestOutcome | null) => ({
    allianceId: ctx.alliance.id, callId: calls[which], personId: staffOf(ctx, key).id, statement, submittedOn: dayOf(submitted, ctx.today), outcome,
    projectId: outcome === CHOSEN ? projectOf(which) : null,
  });
  await em.getRepository(ResearchInterest).insert([
    interest('alliance', 'maths2', -30, 'I would trial daily five-minute reasoning routines with disadvantaged pupils in Years 5 and 6 at St Bernadette’s, building on my lesson study on the bar model.', CHOSEN),
    interest('alliance', 'english', -25, 'I would like to look at how talk partners support reasoning in maths for pupils with weak language, in Year 3 at St Gregory’s.', NOT_CHOSEN),
    interest('alliance', 'lp', -12, 'I propose a study of reasoning in Key Stage 2: how sentence stems help disadvantaged pupils explain their thinking in maths.', null),
    interest('school', 'english', -150, 'I would use knowledge organisers for retrieval in Year 4 history and test what pupils remember a term later.', CHOSEN),
    interest('school', 'lp', -145, 'I would study how drama helps Year 4 pupils remember historical events.', NOT_CHOSEN),
  ]);
}

async function loadProject(em: EntityManager, ctx: Context, demo: DemoProject, callId: string | null): Promise<string> {
  const on = (when: When) => dayOf(when, ctx.today);
  const lead = staffOf(ctx, demo.lead);
  const startsOn = on(demo.starts);
  const endsOn = demo.ends === undefined ? null : on(demo.ends);
  const pub = demo.publication;
  const publishedOn = pub ? on(pub.on) : null;
  if (publishedOn && (endsOn! > publishedOn || publishedOn > ctx.today)) throw new Error(`demo research: "${demo.title}" published out of order`);
  const slug = pub ? slugOf(demo.title) : null;
  const identifier = pub?.identifier ?? 'doi';
  const year = publishedOn ? Number(publishedOn.slice(0, 4)) : 0;
  const project = await em.getRepository(ResearchProject).save(
    em.create(ResearchProject, {
      allianceId: ctx.alliance.id, title: demo.title, researchQuestion: demo.question, abstract: demo.abstract ?? null, methodology: demo.methodology, status: demo.status,
      visibility: pub ? ResearchVisibility.PUBLIC : ResearchVisibility.ALLIANCE,
      commissionedBySchoolId: demo.commissionedBy ? ctx.schools.get(demo.commissionedBy)!.id : null, callId,
      fundingType: demo.funding?.type ?? null, fundingPence: demo.funding?.pence ?? null, fundingAcademicYear: demo.funding ? fundingYear(ctx, demo) : null,
      areaIds: demo.areas.map((code) => ctx.areaIds.get(code)!), keyStages: demo.keyStages, keywords: demo.keywords, startsOn, endsOn,
      slug, journalTitle: pub ? PEDEX_JOURNAL_TITLE : null, issn: pub ? PEDEX_ISSN : null,
      // A volume a year since PedEx began in 2017; the spring issue is 1, the autumn one 2.
      volume: pub ? String(year - 2016) : null, issue: pub ? (Number(publishedOn!.slice(5, 7)) <= 6 ? '1' : '2') : null, publishedOn,
      doi: pub && identifier !== 'url' ? `${DOI_PREFIX}.${year}.${slug}` : null, url: pub && identifier !== 'doi' ? `${PEDEX_SITE}/${slug}` : null,
      pdfUrl: pub ? `${PEDEX_SITE}/${slug}.pdf` : null, licence: pub?.licence ?? null,
    }),
  );
  const members = [
    { personId: lead.id, role: ResearchMemberRole.LEAD },
    ...(demo.contributors ?? []).map((key) => ({ personId: staffOf(ctx, key).id, role: ResearchMemberRole.CONTRIBUTOR })),
  ];
  // Plain INSERTs, without the RETURNING an entity insert adds: the members' policies read the members table, and an owner who is
  // also the runtime role (test/runtime-role.test.ts) would have those policies applied to the returned rows, recursing.
  for (const m of members) {
    await em.query(`INSERT INTO research_project_members (alliance_id, project_id, person_id, role) VALUES ($1, $2, $3, $4)`, [ctx.alliance.id, project.id, m.personId, m.role]);
  }
  const schoolIds = [...new Set([lead.schoolId!, ...(demo.schools ?? []).map((urn) => ctx.schools.get(urn)!.id)])];
  for (const [i, schoolId] of schoolIds.entries()) {
    await em.query(`INSERT INTO research_project_schools (alliance_id, project_id, school_id, position) VALUES ($1, $2, $3, $4)`, [ctx.alliance.id, project.id, schoolId, i + 1]);
  }
  if (pub) {
    if (!pub.authors.some((a) => a.consent)) throw new Error(`demo research: "${demo.title}" has no consenting author`);
    await em.getRepository(ResearchAuthor).insert(
      pub.authors.map((a, i) => {
        const person = a.staff ? staffOf(ctx, a.staff) : null;
        const displayName = person?.name ?? a.name!;
        return {
          allianceId: ctx.alliance.id, projectId: project.id, position: i + 1, displayName,
          affiliation: a.affiliation ?? (person?.schoolId ? ctx.schoolName.get(person.schoolId)! : null),
          orcid: a.orcid ? demoOrcid(displayName) : null, consentToBeNamed: a.consent, personId: person?.id ?? null,
        };
      }),
    );
  }
  return project.id;
}

/** This year's for the alliance's call; otherwise the academic year the project starts in. */
function fundingYear(ctx: Context, demo: DemoProject): number {
  return demo.fromCall === 'alliance' ? academicYearOf(ctx.today) : academicYearOf(dayOf(demo.starts, ctx.today));
}

/** A budget for this year and each year with funding committed, and never less than the funding committed in it. */
async function loadBudgets(em: EntityManager, ctx: Context, projects: DemoProject[], budgetPence: number): Promise<void> {
  const committed = new Map<number, number>([[academicYearOf(ctx.today), 0]]);
  for (const p of projects) if (p.funding) committed.set(fundingYear(ctx, p), (committed.get(fundingYear(ctx, p)) ?? 0) + p.funding.pence);
  for (const [year, pence] of [...committed].sort(([a], [b]) => a - b)) {
    if (pence > budgetPence) throw new Error(`demo research in ${ctx.alliance.slug}: ${pence} committed in ${year} is over the budget`);
    await em.query(`INSERT INTO research_budgets (alliance_id, academic_year, budget_pence) VALUES ($1, $2, $3)`, [ctx.alliance.id, year, budgetPence]);
  }
}

/** The July before the load date (this July once it is over, else last year's): its first Thursday. */
export function conferenceDay(today: string): string {
  const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) > 7 ? 0 : 1);
  let day = `${year}-07-01`;
  while (new Date(`${day}T00:00:00Z`).getUTCDay() !== 4) day = addDays(day, 1);
  return day;
}

/** Romero's annual Teacher Learning Conference, last July: sessions with presentations of published and unpublished projects by their leads. */
async function loadConference(em: EntityManager, ctx: Context, projects: DemoProject[], ids: Map<string, string>): Promise<void> {
  const heldOn = conferenceDay(ctx.today);
  const event = await em.getRepository(ConferenceEvent).save(
    em.create(ConferenceEvent, {
      allianceId: ctx.alliance.id, name: `Romero Teacher Learning Conference ${heldOn.slice(0, 4)}`, heldOn, venue: 'Blessed Oscar Romero Catholic Academy, Coventry',
      description: 'The alliance’s annual conference: Lead Practitioners present their research and development projects to colleagues from every member school.',
    }),
  );
  // July in England is British Summer Time.
  const at = (time: string) => new Date(`${heldOn}T${time}:00+01:00`);
  const sessions: { title: string; from: string; to: string; room: string; projects: string[] }[] = [
    { title: 'Keynote: what counts as evidence in a classroom?', from: '09:30', to: '10:15', room: 'Main hall', projects: [] },
    { title: 'Feedback and assessment', from: '10:30', to: '11:45', room: 'Library', projects: ['Whole-class feedback in Year 6 writing', 'What teachers say about feedback and marking: a survey across nine primary schools'] },
    { title: 'Maths, science and SEND', from: '12:30', to: '13:45', room: 'Science block', projects: ['Retrieval practice quizzes in Key Stage 2 science', 'Bar modelling and reasoning in Year 4 maths', 'Precision teaching of times tables for pupils with SEND'] },
    { title: 'Early reading and language', from: '14:00', to: '15:00', room: 'Library', projects: ['Oral storytelling and early language in Reception', 'Phonics keep-up sessions in Year 1'] },
  ];
  for (const s of sessions) {
    const session = await em.getRepository(ConferenceSession).save(
      em.create(ConferenceSession, { allianceId: ctx.alliance.id, eventId: event.id, title: s.title, startsAt: at(s.from), endsAt: at(s.to), room: s.room }),
    );
    for (const [i, title] of s.projects.entries()) {
      const demo = projects.find((p) => p.title === title)!;
      const presenters = [demo.lead, ...(demo.contributors ?? []).slice(0, 1)].map((key) => staffOf(ctx, key).id);
      await em.getRepository(ConferencePresentation).insert({ allianceId: ctx.alliance.id, sessionId: session.id, projectId: ids.get(title)!, title, position: i + 1, presenterPersonIds: presenters });
    }
  }
}
