import { rule } from 'graphql-shield';
import { Forbidden, Unauthenticated } from '../common/errors';
import { CHOOSE_AN_ALLIANCE, RequestContext, Viewer } from '../context/context';
import { ActingRole } from '../modules/users/user-enums';
import { canSeeContactDetails } from '../modules/people/person.policy';
import { Alliance } from '../modules/alliances/alliance.entity';
import { Person } from '../modules/people/person.entity';
import { Designation } from '../modules/designations/designation.entity';
import { isCoordinator } from '../modules/designations/designation.policy';

/**
 * The predicates of the permissions map. A refusal is a FORBIDDEN or UNAUTHENTICATED GraphQLError
 * (SECURITY.md S3). Rules that read the context only are cached per request ('contextual'); a rule
 * that reads the parent or the arguments is never cached (S2).
 */

export const isAuthenticated = rule('isAuthenticated', { cache: 'contextual' })((_parent, _args, ctx: RequestContext) =>
  ctx.viewer ? true : new Unauthenticated(),
);

/** A platform analyst: every alliance's counts, suppressed; no alliance needed (platformDeploymentStatistics). */
export const isPlatformAnalyst = rule('isPlatformAnalyst', { cache: 'contextual' })((_parent, _args, ctx: RequestContext) => {
  if (!ctx.viewer) return new Unauthenticated();
  return isPlatformAnalystViewer(ctx.viewer) ? true : new Forbidden('for platform analysts, who are members of no alliance');
});

/**
 * The flag, on a user with no membership: a member's own alliance's figures, set against the
 * platform's, would reopen a group the platform hides (migrations/1795371500000-PlatformAnalyst.ts
 * checks the same in SQL).
 */
export const isPlatformAnalystViewer = (viewer: Viewer) => viewer.isPlatformAnalyst && viewer.memberships.length === 0;

const actingRules = new Map<string, ReturnType<ReturnType<typeof rule>>>();

/**
 * Acting for an alliance with one of these roles. A platform admin acting for an alliance counts as
 * its admin. One rule object per role set: shield refuses two rules of the same name.
 */
export function actingAs(...roles: ActingRole[]) {
  const allowed = new Set<ActingRole>([ActingRole.PLATFORM_ADMIN, ...roles]);
  const name = `actingAs:${[...allowed].sort().join(',')}`;
  let cached = actingRules.get(name);
  if (!cached) {
    cached = rule(name, { cache: 'contextual' })((_parent, _args, ctx: RequestContext) => {
      if (!ctx.viewer) return new Unauthenticated();
      if (!ctx.acting) return new Forbidden(CHOOSE_AN_ALLIANCE);
      return allowed.has(ctx.acting.role) ? true : new Forbidden(`not allowed for the ${ctx.acting.role} role`);
    });
    actingRules.set(name, cached);
  }
  return cached;
}

export const STAFF = [ActingRole.ALLIANCE_ADMIN, ActingRole.SCHOOL_LEAD, ActingRole.PRACTITIONER];


/** A row of the acting alliance (a staff record, a designation, a round), for a role that sees staff data: defence in depth behind the loaders. */
export const isRowOfActingAlliance = rule('isRowOfActingAlliance', { cache: 'no_cache' })((row: { allianceId: string }, _args, ctx: RequestContext) => {
  if (!ctx.viewer) return new Unauthenticated();
  const staffRole = ctx.acting && ctx.acting.role !== ActingRole.ANALYST;
  return staffRole && ctx.acting!.allianceId === row.allianceId ? true : new Forbidden();
});

/** The head of the school the designation's holder works at (loaded through the request's batched loader). */
async function leadsHoldersSchool(designation: Designation, ctx: RequestContext): Promise<boolean> {
  if (ctx.acting?.role !== ActingRole.SCHOOL_LEAD || !ctx.acting.schoolId) return false;
  const person = await ctx.loaders.personById.load(designation.personId);
  return person?.schoolId === ctx.acting.schoolId;
}

const holds = (designation: Designation, ctx: RequestContext) => ctx.acting?.role === ActingRole.PRACTITIONER && ctx.acting.personId === designation.personId;

/** Predicates of redactions: the field resolves to null, not an error, when they fail (SECURITY.md D3). */
export const redactionPredicates = {
  isMemberOfThisAlliance: (alliance: Alliance, ctx: RequestContext) => ctx.acting?.allianceId === alliance.id,
  canSeeContactDetails: (person: Person, ctx: RequestContext) => canSeeContactDetails(ctx.acting, person),
  coordinator: (_row: unknown, ctx: RequestContext) => isCoordinator(ctx.acting),
  coordinatorOrHead: (_row: unknown, ctx: RequestContext) => isCoordinator(ctx.acting) || ctx.acting?.role === ActingRole.SCHOOL_LEAD,
  coordinatorOrHolder: (d: Designation, ctx: RequestContext) => isCoordinator(ctx.acting) || holds(d, ctx),
  // References are confidential to the coordinator and the head who stands behind the applicant.
  coordinatorOrApplicantsHead: async (d: Designation, ctx: RequestContext) => isCoordinator(ctx.acting) || leadsHoldersSchool(d, ctx),
  responsibleForDesignation: async (d: Designation, ctx: RequestContext) => isCoordinator(ctx.acting) || holds(d, ctx) || leadsHoldersSchool(d, ctx),
};
