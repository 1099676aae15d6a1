import { ActingRole, MembershipRole } from '../modules/users/user-enums';
import type { RequestContext } from '../context/context';
import { ANALYST_LIMITS, ANONYMOUS_LIMITS, Limits, SIGNED_IN_LIMITS } from './limits';

/**
 * The limits of the caller class a request belongs to (SECURITY.md L1):
 * - anonymous (no token): the PedEx surface, the strictest;
 * - analysts: acting as ANALYST, or acting for no alliance with analyst memberships only (a
 *   platform analyst counts, memberships or none): wide queries (a larger cost), less nesting;
 * - everyone else signed in (coordinators, heads, practitioners, platform admins): the staff limits.
 * Page sizes are priced inside the cost (a page costs its size times what each item holds), so a
 * class's cost is its page-size limit too; every class has the same hard cap of 100 a page.
 */
export function limitsFor(ctx: Pick<RequestContext, 'viewer' | 'acting'>): Limits {
  if (!ctx.viewer) return ANONYMOUS_LIMITS;
  if (ctx.acting) return ctx.acting.role === ActingRole.ANALYST ? ANALYST_LIMITS : SIGNED_IN_LIMITS;
  const { memberships, isPlatformAdmin, isPlatformAnalyst } = ctx.viewer;
  const analystOnly = !isPlatformAdmin && (memberships.length > 0 || isPlatformAnalyst) && memberships.every((m) => m.role === MembershipRole.ANALYST);
  return analystOnly ? ANALYST_LIMITS : SIGNED_IN_LIMITS;
}

/** The class's name, for logs and metrics: never its numbers. */
export function limitsClassOf(ctx: Pick<RequestContext, 'viewer' | 'acting'>): 'anonymous' | 'analyst' | 'staff' {
  const limits = limitsFor(ctx);
  return limits === ANONYMOUS_LIMITS ? 'anonymous' : limits === ANALYST_LIMITS ? 'analyst' : 'staff';
}
