import { EntityManager } from 'typeorm';
import { Forbidden } from '../common/errors';
import { Logger } from '../common/logger';
import { Loaders } from '../loaders';
import type { RequestMeasure } from '../ops/metrics';
import { ActingRole, MembershipRole } from '../modules/users/user-enums';
import { User } from '../modules/users/user.entity';

export interface ViewerMembership {
  id: string;
  allianceId: string;
  allianceSlug: string;
  role: MembershipRole;
  schoolId: string | null;
  personId: string | null;
}

/** The signed-in user and their memberships, as read from the database for this request. */
export interface Viewer {
  user: User;
  memberships: ViewerMembership[];
  isPlatformAdmin: boolean;
  /** Reads cross-alliance statistics, suppressed (platformDeploymentStatistics); no tenant row. */
  isPlatformAnalyst: boolean;
}

/** The alliance this request acts for, and with which role. Tenant data is this alliance's only. */
export interface Acting {
  allianceId: string;
  role: ActingRole;
  /** The school a SCHOOL_LEAD leads. */
  schoolId: string | null;
  /** The staff record of a PRACTITIONER. */
  personId: string | null;
  /** The signed-in user acting. */
  userId: string;
}

/** The acting alliance of a request that needs one, or the refusal that asks for the header. */
export function actingOf(ctx: { acting: Acting | null }): Acting {
  if (!ctx.acting) throw new Forbidden(CHOOSE_AN_ALLIANCE);
  return ctx.acting;
}

export const CHOOSE_AN_ALLIANCE = 'choose an alliance with the X-Alliance-Id header';

/** Everything a rule, resolver or service may know about the request. Nothing else reads headers. */
export interface RequestContext {
  requestId: string;
  log: Logger;
  /**
   * The request's own EntityManager, on its own transaction and connection, running as the runtime
   * role with the acting alliance set (request-transaction.ts): all of a request's SQL goes through it.
   */
  em: EntityManager;
  /** Ends the request's transaction and returns its connection; true if it committed. The server calls it once the response is ready. */
  end(commit: boolean): Promise<boolean>;
  /** Null for an anonymous caller. */
  viewer: Viewer | null;
  /** Null when no alliance is chosen (anonymous, several memberships and no header, a platform admin without one). */
  acting: Acting | null;
  loaders: Loaders;
  /** Aggregates suppress any group of people smaller than this (SECURITY.md D2). */
  minGroupSize: number;
  /** What /metrics records of this request (ops/metrics.ts); absent when it is not measured. */
  measure?: RequestMeasure;
}
