import { DeploymentModel, DeploymentStatus } from '../../modules/deployments/deployment-enums';
import { DesignationStatus, DesignationType } from '../../modules/designations/designation-enums';
import { LeadershipLevel } from '../../modules/people/person-enums';
import { ResearchFundingType, ResearchMethodology, ResearchStatus } from '../../modules/research/research-enums';
import { CommissionerType, SupportRequestStatus } from '../../modules/support-requests/support-request-enums';
import { escapeLike } from '../text';
import { whereInput, WhereTable } from './where';

/**
 * The six lists' `where:` tables. Each names fields the caller sees on every row they may see (no
 * redacted field: a person's email and phone, a designation's assessors and notes are not here), so a
 * condition reveals nothing the row itself does not. Expressions are on the list's alias.
 */
const id = (sql: string, idType: string, description: string) => ({ kind: 'id' as const, sql, idType, description });
const enumOf = (sql: string, enumType: object, enumName: string, description: string) => ({ kind: 'enum' as const, sql, enumType, enumName, description });
const date = (sql: string, description: string) => ({ kind: 'date' as const, sql, description });
const instant = (sql: string, description: string) => ({ kind: 'timestamp' as const, sql, description });
// Milliseconds, as the API writes them: PostgreSQL keeps microseconds that a DateTime drops.
const updatedAt = (alias: string) => instant(`date_trunc('milliseconds', ${alias}.updated_at)`, 'When it last changed.');

export const SCHOOL_WHERE: WhereTable = {
  urn: { kind: 'text', sql: 'school.urn', description: 'The 6-digit URN.' },
  laCode: { kind: 'text', sql: 'school.la_code', description: 'The 3-digit DfE local authority code.' },
  phaseCode: { kind: 'text', sql: 'school.phase_code', description: "GIAS's phase of education code." },
  statusCode: { kind: 'text', sql: 'school.status_code', description: "GIAS's establishment status code." },
  typeCode: { kind: 'text', sql: 'school.type_code', description: "GIAS's establishment type code." },
  search: {
    kind: 'search',
    description: 'Part of the name, the town or the postcode, or the exact URN (the same match as filter.search).',
    search: (text, param) => {
      const like = param(`%${escapeLike(text)}%`);
      const postcode = param(`%${escapeLike(text.replace(/\s+/g, ''))}%`);
      return `(school.name ILIKE ${like} OR school.town ILIKE ${like} OR replace(school.postcode, ' ', '') ILIKE ${postcode} OR school.urn = ${param(text)})`;
    },
  },
  statutoryLowAge: { kind: 'int', sql: 'school.statutory_low_age', description: 'The youngest statutory age it takes.' },
  statutoryHighAge: { kind: 'int', sql: 'school.statutory_high_age', description: 'The oldest statutory age it takes.' },
  openDate: date('school.open_date', 'When it opened.'),
  closeDate: date('school.close_date', 'When it closed.'),
};

export const PERSON_WHERE: WhereTable = {
  id: id('e.id', 'Person', 'The person.'),
  schoolId: id('e.school_id', 'School', 'The school they work at.'),
  leadershipLevel: enumOf('e.leadership_level', LeadershipLevel, 'LeadershipLevel', 'Their leadership level.'),
  // The name only: an email matches only where its reader may see it, which filter.search handles.
  search: {
    kind: 'search',
    description: 'Part of the name.',
    search: (text, param) => `(e.given_name || ' ' || e.family_name) ILIKE ${param(`%${escapeLike(text)}%`)}`,
  },
  inLeadershipSince: date('e.in_leadership_since', 'Since when they have been in leadership.'),
  updatedAt: updatedAt('e'),
};

export const DESIGNATION_WHERE: WhereTable = {
  id: id('e.id', 'Designation', 'The designation.'),
  personId: id('e.person_id', 'Person', 'The person designated or applying.'),
  roundId: id('e.round_id', 'RecruitmentRound', 'The recruitment round applied in.'),
  type: enumOf('e.type', DesignationType, 'DesignationType', 'The kind of designation.'),
  status: enumOf('e.status', DesignationStatus, 'DesignationStatus', 'Where it is in its lifecycle.'),
  appliedOn: date('e.applied_on', 'When they applied.'),
  designatedOn: date('e.designated_on', 'When they were designated.'),
  reviewDueOn: date('e.review_due_on', 'When the next review is due.'),
  updatedAt: updatedAt('e'),
};

export const SUPPORT_REQUEST_WHERE: WhereTable = {
  id: id('e.id', 'SupportRequest', 'The request.'),
  status: enumOf('e.status', SupportRequestStatus, 'SupportRequestStatus', 'Where it is in its lifecycle.'),
  commissionerType: enumOf('e.commissioner_type', CommissionerType, 'CommissionerType', 'Who commissions the support.'),
  designationType: enumOf('e.designation_type', DesignationType, 'DesignationType', 'The kind of system leader wanted.'),
  supportedSchoolId: id('e.supported_school_id', 'School', 'The school to support.'),
  receivedOn: date('e.received_on', 'When it was received.'),
  preferredStart: date('e.preferred_start', 'When the school would like support to start.'),
  closedOn: date('e.closed_on', 'When it was closed.'),
  updatedAt: updatedAt('e'),
};

export const DEPLOYMENT_WHERE: WhereTable = {
  id: id('e.id', 'Deployment', 'The deployment.'),
  status: enumOf('e.status', DeploymentStatus, 'DeploymentStatus', 'Where it is in its lifecycle.'),
  model: enumOf('e.model', DeploymentModel, 'DeploymentModel', 'The model of deployment.'),
  supportRequestId: id('e.support_request_id', 'SupportRequest', 'The request it answers.'),
  designationId: id('e.designation_id', 'Designation', 'The designation deployed.'),
  personId: id('e.person_id', 'Person', 'The system leader deployed.'),
  supportedSchoolId: id('e.supported_school_id', 'School', 'The school supported.'),
  homeSchoolId: id('e.home_school_id', 'School', "The system leader's own school."),
  proposedOn: date('e.proposed_on', 'When it was proposed.'),
  startsOn: date('e.starts_on', 'When it starts.'),
  endsOn: date('e.ends_on', 'When it ends.'),
  plannedDays: { kind: 'float', sql: 'e.planned_days', description: 'Days contracted.' },
  updatedAt: updatedAt('e'),
};

export const RESEARCH_PROJECT_WHERE: WhereTable = {
  id: id('e.id', 'ResearchProject', 'The project.'),
  status: enumOf('e.status', ResearchStatus, 'ResearchStatus', 'Where it is in its lifecycle.'),
  methodology: enumOf('e.methodology', ResearchMethodology, 'ResearchMethodology', 'Its methodology.'),
  fundingType: enumOf('e.funding_type', ResearchFundingType, 'ResearchFundingType', 'How it is funded.'),
  callId: id('e.call_id', 'ResearchCall', 'The call it answers.'),
  search: {
    kind: 'search',
    description: 'Words of the title, question, abstract or keywords (web search syntax, the same match as filter.search).',
    search: (text, param) => `e.search @@ websearch_to_tsquery('english', ${param(text)})`,
  },
  startsOn: date('e.starts_on', 'When it starts.'),
  endsOn: date('e.ends_on', 'When it ends.'),
  createdAt: instant("date_trunc('milliseconds', e.created_at)", 'When it was recorded.'),
  updatedAt: updatedAt('e'),
};

export const SchoolWhere = whereInput('SchoolWhere', 'schools', SCHOOL_WHERE);
export const PersonWhere = whereInput('PersonWhere', 'staff records', PERSON_WHERE);
export const DesignationWhere = whereInput('DesignationWhere', 'designations', DESIGNATION_WHERE);
export const SupportRequestWhere = whereInput('SupportRequestWhere', 'support requests', SUPPORT_REQUEST_WHERE);
export const DeploymentWhere = whereInput('DeploymentWhere', 'deployments', DEPLOYMENT_WHERE);
export const ResearchProjectWhere = whereInput('ResearchProjectWhere', 'research projects', RESEARCH_PROJECT_WHERE);
