import { DataSource, EntityManager } from 'typeorm';
import { Forbidden, Unauthenticated } from '../common/errors';
import { Logger } from '../common/logger';
import { TokenSubject, TokenVerifier } from '../auth/tokens';
import { createLoaders } from '../loaders';
import { Alliance } from '../modules/alliances/alliance.entity';
import { parseAllianceRef } from '../modules/alliances/alliances.service';
import { ActingRole, MembershipRole, UserStatus } from '../modules/users/user-enums';
import { User } from '../modules/users/user.entity';
import { Acting, RequestContext, Viewer, ViewerMembership } from './context';
import type { RequestMeasure } from '../ops/metrics';
import { beginRequestTransaction } from './request-transaction';

export interface ContextInput {
  requestId: string;
  log: Logger;
  /** The Authorization header, as sent. */
  authorization?: string;
  /** The X-Alliance-Id header, as sent: an alliance's id or slug. */
  allianceHeader?: string;
  /** What /metrics records of this request (metrics.ts `graphqlScope`), when it is measured. */
  measure?: RequestMeasure;
}

export type ContextFactory = (input: ContextInput) => Promise<RequestContext>;

/**
 * Builds each request's context: verifies the token, reads the user and memberships from the
 * database (so a revoked membership counts from the next request), settles the acting alliance and
 * role, and creates loaders bound to that alliance. The request's SQL runs in its own transaction,
 * which the server ends with `end` once the response is ready (request-transaction.ts).
 */
export function createContextFactory(dataSource: DataSource, verifyToken: TokenVerifier | undefined, minGroupSize: number, options: { wall?: boolean } = {}): ContextFactory {
  if (options.wall === false) return withoutTheWall(dataSource, verifyToken, minGroupSize);
  return async (input) => {
    const subject = await verify(verifyToken, input.authorization);
    const tx = await beginRequestTransaction(dataSource, input.measure);
    try {
      // Identity is read with the owner's rights, before the switch to the runtime role: it decides the tenant.
      const viewer = subject ? await identify(tx.em, subject) : null;
      const acting = await settleActingAlliance(tx.em, viewer, input.allianceHeader);
      await tx.actAs(viewer, acting);
      return { requestId: input.requestId, log: input.log, em: tx.em, end: tx.end, viewer, acting, loaders: createLoaders({ em: tx.em, acting }), minGroupSize, measure: input.measure };
    } catch (error) {
      await tx.end(false);
      throw error;
    }
  };
}

/**
 * For `npm run bench` only, which measures what the second wall costs: the pool's manager with the
 * owner's rights and no request transaction, as before the wall. No setting reaches it.
 */
function withoutTheWall(dataSource: DataSource, verifyToken: TokenVerifier | undefined, minGroupSize: number): ContextFactory {
  return async (input) => {
    const em = dataSource.manager;
    const subject = await verify(verifyToken, input.authorization);
    const viewer = subject ? await identify(em, subject) : null;
    const acting = await settleActingAlliance(em, viewer, input.allianceHeader);
    return { requestId: input.requestId, log: input.log, em, end: async () => true, viewer, acting, loaders: createLoaders({ em, acting }), minGroupSize };
  };
}

/** The token's subject, checked before any connection is taken; null without a token. */
async function verify(verifyToken: TokenVerifier | undefined, authorization: string | undefined): Promise<TokenSubject | null> {
  if (!authorization) return null;
  const token = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/i.exec(authorization.trim())?.[1];
  const subject = token && verifyToken ? await verifyToken(token).catch(() => undefined) : undefined;
  // One message for every way a token can be wrong: no hint for someone probing.
  if (!subject) throw new Unauthenticated('invalid token', 401);
  return subject;
}

async function identify(em: EntityManager, subject: TokenSubject): Promise<Viewer> {
  const [condition, key] = 'userId' in subject ? ['u.id = $1', subject.userId] : ['u.external_subject = $1', subject.externalSubject];

  const rows: (Record<string, unknown> & { membership_id: string | null })[] = await em.query(
    `SELECT u.id, u.email, u.display_name, u.status, u.is_platform_admin, u.is_platform_analyst,
            m.id AS membership_id, m.alliance_id, a.slug AS alliance_slug, m.role, m.school_id, m.person_id
       FROM users u
       LEFT JOIN memberships m ON m.user_id = u.id
       LEFT JOIN alliances a ON a.id = m.alliance_id
      WHERE ${condition}
      ORDER BY a.slug`,
    [key],
  );
  if (!rows.length) throw new Unauthenticated('invalid token', 401);
  const user = em.create(User, { id: rows[0].id as string, email: rows[0].email as string, displayName: rows[0].display_name as string, status: rows[0].status as UserStatus, isPlatformAdmin: rows[0].is_platform_admin as boolean, isPlatformAnalyst: rows[0].is_platform_analyst as boolean });
  if (user.status !== UserStatus.ACTIVE) throw new Forbidden('account suspended', 403);
  const memberships: ViewerMembership[] = rows
    .filter((r) => r.membership_id)
    .map((r) => ({
      id: r.membership_id as string,
      allianceId: r.alliance_id as string,
      allianceSlug: r.alliance_slug as string,
      role: r.role as MembershipRole,
      schoolId: r.school_id as string | null,
      personId: r.person_id as string | null,
    }));
  return { user, memberships, isPlatformAdmin: user.isPlatformAdmin, isPlatformAnalyst: user.isPlatformAnalyst };
}

async function settleActingAlliance(em: EntityManager, viewer: Viewer | null, header: string | undefined): Promise<Acting | null> {
  // Anonymous callers act for no alliance: the header means nothing without a user, and refusing it would block the public surface.
  if (!viewer) return null;
  if (!header?.trim()) {
    const only = viewer.memberships.length === 1 ? viewer.memberships[0] : undefined;
    return only ? fromMembership(only, viewer.user.id) : null;
  }
  const ref = parseAllianceRef(header);
  const membership = ref && viewer.memberships.find((m) => ('id' in ref ? m.allianceId === ref.id : m.allianceSlug === ref.slug));
  if (membership) return fromMembership(membership, viewer.user.id);
  if (ref && viewer.isPlatformAdmin) {
    const alliance = await em.findOne(Alliance, { where: ref, select: { id: true } });
    if (alliance) return { allianceId: alliance.id, role: ActingRole.PLATFORM_ADMIN, schoolId: null, personId: null, userId: viewer.user.id };
  }
  // The same answer whether the alliance exists or not.
  throw new Forbidden('not a member of that alliance', 403);
}

function fromMembership(m: ViewerMembership, userId: string): Acting {
  return { allianceId: m.allianceId, role: m.role as unknown as ActingRole, schoolId: m.schoolId, personId: m.personId, userId };
}
