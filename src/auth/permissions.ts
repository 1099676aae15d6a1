import { GraphQLFieldResolver } from 'graphql';
import { IMiddlewareFunction } from 'graphql-middleware';
import { allow, deny, shield } from 'graphql-shield';
import { Forbidden } from '../common/errors';
import { RequestContext } from '../context/context';
import { ActingRole } from '../modules/users/user-enums';
import { actingAs, isAuthenticated, isPlatformAnalyst, isRowOfActingAlliance, redactionPredicates, STAFF } from './rules';

/**
 * THE permissions map: every root field, and the fields through which tenant or personal data is
 * reached. Applied to declared resolvers only (see schema.ts); test/security/permissions-coverage
 * fails on a root field without a rule and on a rule whose field has no resolver.
 */
export const rules = {
  Query: {
    // Closed by default: a root field the map forgets is refused at run time too.
    '*': deny,
    viewer: isAuthenticated,
    node: isAuthenticated,
    nodes: isAuthenticated,
    // Shared reference data: every signed-in user.
    alliances: isAuthenticated,
    alliance: isAuthenticated,
    schools: isAuthenticated,
    school: isAuthenticated,
    areasOfExpertise: isAuthenticated,
    // Staff records: analysts see people only as aggregates.
    people: actingAs(...STAFF),
    // Counts with small groups suppressed: analysts too, but not practitioners, who see one record (T4).
    peopleStatistics: actingAs(ActingRole.ALLIANCE_ADMIN, ActingRole.SCHOOL_LEAD, ActingRole.ANALYST),
    // Deployments and designations, counted: coordinators exact, analysts suppressed; heads and system leaders see their own in the lists (T4).
    deploymentStatistics: actingAs(ActingRole.ALLIANCE_ADMIN, ActingRole.ANALYST),
    designationStatistics: actingAs(ActingRole.ALLIANCE_ADMIN, ActingRole.ANALYST),
    // Every alliance's counts, the alliance a dimension, always suppressed: platform analysts, who act for no alliance.
    platformDeploymentStatistics: isPlatformAnalyst,
    platformDesignationStatistics: isPlatformAnalyst,
    // Who changed what: the coordinators of the alliance.
    auditEvents: actingAs(ActingRole.ALLIANCE_ADMIN),
    // System leaders: what each role sees is designation.policy.ts; analysts get counts only.
    designations: actingAs(...STAFF),
    recruitmentRounds: actingAs(...STAFF),
    // Training programmes: staff; a practitioner's own enrolments only (loaders and RLS).
    programmes: actingAs(...STAFF),
    // Overdue visit records and the statement of charges: the coordinator's.
    overdueVisitRecords: actingAs(ActingRole.ALLIANCE_ADMIN),
    statementOfCharges: actingAs(ActingRole.ALLIANCE_ADMIN),
    // Brokerage: what each role sees is deployment.policy.ts; analysts get aggregates only.
    supportRequests: actingAs(...STAFF),
    deployments: actingAs(...STAFF),
    // The coordinator ranks the alliance's system leaders for a request.
    brokerMatches: actingAs(ActingRole.ALLIANCE_ADMIN),
    // Research: the R&D database and calls are the staff's; the budget the coordinator's; analysts get aggregates only.
    researchProjects: actingAs(...STAFF),
    researchCalls: actingAs(...STAFF),
    researchFunding: actingAs(ActingRole.ALLIANCE_ADMIN),
    // PedEx: published research of every alliance, for anyone, token or not (dedicated public types only, SECURITY.md D1, T8).
    publishedResearch: allow,
    publishedResearchProject: allow,
    // The conference's public programme: published projects only, dedicated public types (conference/public-programme.*).
    publishedConferenceProgramme: allow,
    // The alliance's conferences with their presenters and projects: its staff.
    conferenceEvents: actingAs(...STAFF),
  },
  Mutation: {
    '*': deny,
    createPerson: actingAs(ActingRole.ALLIANCE_ADMIN, ActingRole.SCHOOL_LEAD),
    updatePerson: actingAs(...STAFF),
    // Coordinators run rounds, assessments, designations and reviews; applicants apply, appeal and step down;
    // heads give references and release commitments for their own staff (checked in the services).
    createRecruitmentRound: actingAs(ActingRole.ALLIANCE_ADMIN),
    submitDesignationApplication: actingAs(ActingRole.ALLIANCE_ADMIN, ActingRole.PRACTITIONER),
    recordAssessmentOutcome: actingAs(ActingRole.ALLIANCE_ADMIN),
    recordNationalBodyNotification: actingAs(ActingRole.ALLIANCE_ADMIN),
    lodgeDesignationAppeal: actingAs(ActingRole.ALLIANCE_ADMIN, ActingRole.PRACTITIONER),
    decideDesignationAppeal: actingAs(ActingRole.ALLIANCE_ADMIN),
    withdrawDesignationApplication: actingAs(ActingRole.ALLIANCE_ADMIN, ActingRole.PRACTITIONER),
    designate: actingAs(ActingRole.ALLIANCE_ADMIN),
    endDesignation: actingAs(ActingRole.ALLIANCE_ADMIN, ActingRole.PRACTITIONER),
    giveDesignationReference: actingAs(ActingRole.ALLIANCE_ADMIN, ActingRole.SCHOOL_LEAD),
    setReleaseCommitment: actingAs(ActingRole.ALLIANCE_ADMIN, ActingRole.SCHOOL_LEAD),
    startDesignationReview: actingAs(ActingRole.ALLIANCE_ADMIN),
    completeDesignationReview: actingAs(ActingRole.ALLIANCE_ADMIN),
    // Coordinators run programmes.
    createProgramme: actingAs(ActingRole.ALLIANCE_ADMIN),
    updateProgramme: actingAs(ActingRole.ALLIANCE_ADMIN),
    scheduleProgrammeCohort: actingAs(ActingRole.ALLIANCE_ADMIN),
    enrolOnProgrammeCohort: actingAs(ActingRole.ALLIANCE_ADMIN),
    recordProgrammeAttendance: actingAs(ActingRole.ALLIANCE_ADMIN),
    recordProgrammeCompletion: actingAs(ActingRole.ALLIANCE_ADMIN),
    // A system leader logs their own sessions and visit records, the coordinator any (sessions.service.ts; the second wall too).
    logSession: actingAs(ActingRole.ALLIANCE_ADMIN, ActingRole.PRACTITIONER),
    updateSession: actingAs(ActingRole.ALLIANCE_ADMIN, ActingRole.PRACTITIONER),
    submitVisitRecord: actingAs(ActingRole.ALLIANCE_ADMIN, ActingRole.PRACTITIONER),
    // The coordinator brokers; each party signs as themself (checked in the service and by the second wall).
    createSupportRequest: actingAs(ActingRole.ALLIANCE_ADMIN),
    closeSupportRequest: actingAs(ActingRole.ALLIANCE_ADMIN),
    withdrawSupportRequest: actingAs(ActingRole.ALLIANCE_ADMIN),
    proposeDeployment: actingAs(ActingRole.ALLIANCE_ADMIN),
    updateDeploymentTerms: actingAs(ActingRole.ALLIANCE_ADMIN),
    signDeployment: actingAs(...STAFF),
    agreeDeployment: actingAs(ActingRole.ALLIANCE_ADMIN),
    startDeployment: actingAs(ActingRole.ALLIANCE_ADMIN),
    completeDeployment: actingAs(ActingRole.ALLIANCE_ADMIN),
    holdDeployment: actingAs(ActingRole.ALLIANCE_ADMIN),
    resumeDeployment: actingAs(ActingRole.ALLIANCE_ADMIN),
    cancelDeployment: actingAs(ActingRole.ALLIANCE_ADMIN),
    declineDeployment: actingAs(ActingRole.ALLIANCE_ADMIN),
    // The supported school's head evaluates as themself; the coordinator records a paper evaluation (checked in the service).
    evaluateDeployment: actingAs(ActingRole.ALLIANCE_ADMIN, ActingRole.SCHOOL_LEAD),
    // Research: the coordinator runs the database, calls and budget; a practitioner proposes projects and changes those they lead
    // (research-projects.service.ts and the second wall); a Lead Practitioner expresses interest as themself (calls.service.ts).
    createResearchProject: actingAs(ActingRole.ALLIANCE_ADMIN, ActingRole.PRACTITIONER),
    updateResearchProject: actingAs(ActingRole.ALLIANCE_ADMIN, ActingRole.PRACTITIONER),
    transitionResearchProject: actingAs(ActingRole.ALLIANCE_ADMIN, ActingRole.PRACTITIONER),
    createResearchCall: actingAs(ActingRole.ALLIANCE_ADMIN),
    closeResearchCall: actingAs(ActingRole.ALLIANCE_ADMIN),
    expressResearchInterest: actingAs(ActingRole.PRACTITIONER),
    chooseResearchInterest: actingAs(ActingRole.ALLIANCE_ADMIN),
    declineResearchInterest: actingAs(ActingRole.ALLIANCE_ADMIN),
    setResearchBudget: actingAs(ActingRole.ALLIANCE_ADMIN),
    // Publication in PedEx is the coordinator's (lifecycle.ts).
    publishResearchProject: actingAs(ActingRole.ALLIANCE_ADMIN),
    // Coordinators run the alliance's conference.
    createConferenceEvent: actingAs(ActingRole.ALLIANCE_ADMIN),
    addConferenceSession: actingAs(ActingRole.ALLIANCE_ADMIN),
    addConferencePresentation: actingAs(ActingRole.ALLIANCE_ADMIN),
  },
  Person: {
    id: isRowOfActingAlliance,
    school: isRowOfActingAlliance,
    email: isRowOfActingAlliance,
    phone: isRowOfActingAlliance,
  },
  Designation: {
    id: isRowOfActingAlliance,
    person: isRowOfActingAlliance,
  },
  RecruitmentRound: {
    id: isRowOfActingAlliance,
  },
  SupportRequest: {
    id: isRowOfActingAlliance,
  },
  Deployment: {
    id: isRowOfActingAlliance,
  },
  ResearchProject: {
    id: isRowOfActingAlliance,
  },
  ResearchCall: {
    id: isRowOfActingAlliance,
  },
} as const;

/**
 * Types anyone signed in may read wherever they are reached: shared reference data and the public
 * profile of alliances (API.md). Reviewed list: every other type is private, and the coverage test
 * fails on any field that leads from a public type or a root field into a private one without a rule.
 */
export const PUBLIC_TYPES = [
  'Alliance', 'School', 'SchoolMembership', 'AreaOfExpertise', 'CodeName', 'PageInfo',
  // PedEx's own, readable without a token (src/modules/pedex/published.types.ts).
  'PublishedResearchProject', 'PublicAuthor', 'PublicJournal', 'PublicAlliance', 'PublicSchool',
  // The conference's public programme (src/modules/conference/public-programme.types.ts).
  'PublicConferenceEvent', 'PublicConferenceSession', 'PublicConferencePresentation',
] as const;

/** Root fields open to anonymous callers (the PedEx journal). Everything else needs a token. */
export const ANONYMOUS_ROOT_FIELDS: readonly string[] = ['publishedResearch', 'publishedResearchProject', 'publishedConferenceProgramme'];

export const permissions = shield(rules, {
  // Domain errors from resolvers keep their own codes (SECURITY.md S4).
  allowExternalErrors: true,
  // A rule that throws still denies, with a proper code instead of "Not Authorised!".
  fallbackError: () => new Forbidden(),
});

type Predicate<P> = (parent: P, ctx: RequestContext) => boolean | Promise<boolean>;

function redactUnless<P>(predicate: Predicate<P>): IMiddlewareFunction {
  return async (resolve: GraphQLFieldResolver<P, RequestContext>, parent: P, args, ctx: RequestContext, info) =>
    (await predicate(parent, ctx)) ? resolve(parent, args, ctx, info) : null;
}

/** Restricted fields: nullable, and null for roles without the right (SECURITY.md D3). */
export const redactionRules = {
  Alliance: {
    settings: redactionPredicates.isMemberOfThisAlliance,
    tariffs: redactionPredicates.isMemberOfThisAlliance,
    termDates: redactionPredicates.isMemberOfThisAlliance,
  },
  Person: {
    email: redactionPredicates.canSeeContactDetails,
    phone: redactionPredicates.canSeeContactDetails,
  },
  Designation: {
    references: redactionPredicates.coordinatorOrApplicantsHead,
    releaseCommitments: redactionPredicates.responsibleForDesignation,
    reviews: redactionPredicates.responsibleForDesignation,
    assessors: redactionPredicates.coordinator,
    assessmentNotes: redactionPredicates.coordinator,
    decisionReason: redactionPredicates.coordinatorOrHolder,
    capacity: redactionPredicates.responsibleForDesignation,
  },
  RecruitmentRound: {
    progress: redactionPredicates.coordinatorOrHead,
  },
} as const;

export const redactions = Object.fromEntries(
  Object.entries(redactionRules).map(([type, fields]) => [type, Object.fromEntries(Object.entries(fields).map(([field, p]) => [field, redactUnless(p as Predicate<unknown>)]))]),
);
