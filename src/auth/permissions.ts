import { GraphQLFieldResolver } from 'graphql';
import { IMiddlewareFunction } from 'graphql-middleware';
import { deny, shield } from 'graphql-shield';
import { Forbidden } from '../common/errors';
import { RequestContext } from '../context/context';
import { ActingRole } from '../modules/users/user-enums';
import { actingAs, isAuthenticated, isStaffRecordOfActingAlliance, redactionPredicates, STAFF } from './rules';

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
    // Who changed what: the coordinators of the alliance.
    auditEvents: actingAs(ActingRole.ALLIANCE_ADMIN),
  },
  Mutation: {
    '*': deny,
    createPerson: actingAs(ActingRole.ALLIANCE_ADMIN, ActingRole.SCHOOL_LEAD),
    updatePerson: actingAs(...STAFF),
  },
  Person: {
    id: isStaffRecordOfActingAlliance,
    school: isStaffRecordOfActingAlliance,
    email: isStaffRecordOfActingAlliance,
    phone: isStaffRecordOfActingAlliance,
  },
} as const;

/**
 * Types anyone signed in may read wherever they are reached: shared reference data and the public
 * profile of alliances (API.md). Reviewed list: every other type is private, and the coverage test
 * fails on any field that leads from a public type or a root field into a private one without a rule.
 */
export const PUBLIC_TYPES = ['Alliance', 'School', 'SchoolMembership', 'AreaOfExpertise', 'CodeName', 'PageInfo'] as const;

/** Root fields open to anonymous callers (the PedEx journal); none yet. Everything else needs a token. */
export const ANONYMOUS_ROOT_FIELDS: readonly string[] = [];

export const permissions = shield(rules, {
  // Domain errors from resolvers keep their own codes (SECURITY.md S4).
  allowExternalErrors: true,
  // A rule that throws still denies, with a proper code instead of "Not Authorised!".
  fallbackError: () => new Forbidden(),
});

type Predicate<P> = (parent: P, ctx: RequestContext) => boolean;

function redactUnless<P>(predicate: Predicate<P>): IMiddlewareFunction {
  return async (resolve: GraphQLFieldResolver<P, RequestContext>, parent: P, args, ctx: RequestContext, info) =>
    predicate(parent, ctx) ? resolve(parent, args, ctx, info) : null;
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
} as const;

export const redactions = Object.fromEntries(
  Object.entries(redactionRules).map(([type, fields]) => [type, Object.fromEntries(Object.entries(fields).map(([field, p]) => [field, redactUnless(p as Predicate<unknown>)]))]),
);
