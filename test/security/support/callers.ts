import { MembershipRole } from '../../../src/modules/users/user-enums';
import { ExecuteOptions, ExecuteResult, TestServer } from '../../helpers/server';
import { Tenant, World } from './world';

/**
 * Who calls, relative to one alliance: anonymous, a signed-in user with no membership, a platform
 * admin acting for the alliance through X-Alliance-Id, the alliance's four membership roles, and a
 * platform analyst (no membership, no alliance: the platform's counts only).
 */
export type Role = 'anonymous' | 'NO_MEMBERSHIP' | 'PLATFORM_ADMIN' | 'PLATFORM_ANALYST' | `${MembershipRole}`;

export const MEMBER_ROLES = [MembershipRole.ALLIANCE_ADMIN, MembershipRole.SCHOOL_LEAD, MembershipRole.PRACTITIONER, MembershipRole.ANALYST] as const;
export const EVERY_ROLE: Role[] = ['anonymous', 'NO_MEMBERSHIP', 'PLATFORM_ADMIN', ...MEMBER_ROLES, 'PLATFORM_ANALYST'];

export function callAs(t: TestServer, world: World, tenant: Tenant, role: Role): ExecuteOptions {
  switch (role) {
    case 'anonymous':
      return { as: 'anonymous' };
    case 'NO_MEMBERSHIP':
      return { as: t.reader };
    case 'PLATFORM_ADMIN':
      return { as: world.platformAdmin, alliance: tenant.alliance.slug };
    case 'PLATFORM_ANALYST':
      return { as: world.platformAnalyst };
    default:
      return { as: tenant.users[role as MembershipRole] };
  }
}

export const codesOf = (result: ExecuteResult<unknown>) => (result.errors ?? []).map((e) => e.extensions?.code);

/** SECURITY.md S3, E1: a refusal has its own code, never shield's fallback or an internal error, and no internals. */
export function expectNoFaults(result: ExecuteResult<unknown>) {
  const json = JSON.stringify(result);
  expect(json).not.toContain('Not Authorised!');
  expect(json).not.toContain('INTERNAL_SERVER_ERROR');
  expect(json).not.toMatch(/stacktrace|node_modules|\bat .+\.ts:\d+/);
}

/** Any trace of a value in the response, as text. */
export const responseText = (result: unknown) => JSON.stringify(result);
