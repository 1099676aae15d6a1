import { EntityManager } from 'typeorm';
import { signToken } from '../../src/auth/tokens';
import { Alliance } from '../../src/modules/alliances/alliance.entity';
import { Person } from '../../src/modules/people/person.entity';
import { School } from '../../src/modules/schools/school.entity';
import { Membership } from '../../src/modules/users/membership.entity';
import { MembershipRole, UserStatus } from '../../src/modules/users/user-enums';
import { User } from '../../src/modules/users/user.entity';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

let sequence = 0;

export interface TestUser {
  user: User;
  token: string;
}

export interface MembershipSpec {
  alliance: Alliance;
  role: MembershipRole;
  school?: School;
  person?: Person;
}

export async function createUser(
  em: EntityManager,
  options: { email?: string; platformAdmin?: boolean; platformAnalyst?: boolean; status?: UserStatus; memberships?: MembershipSpec[] } = {},
): Promise<TestUser> {
  const n = ++sequence;
  const user = await em.getRepository(User).save(
    em.create(User, { email: options.email ?? `user${n}@test.invalid`, displayName: `User ${n}`, isPlatformAdmin: options.platformAdmin ?? false, isPlatformAnalyst: options.platformAnalyst ?? false, status: options.status ?? UserStatus.ACTIVE }),
  );
  for (const m of options.memberships ?? []) {
    await em.getRepository(Membership).insert({ userId: user.id, allianceId: m.alliance.id, role: m.role, schoolId: m.school?.id ?? null, personId: m.person?.id ?? null });
  }
  return { user, token: await signToken(TEST_JWT_SECRET, user.id, { ttl: '1h' }) };
}

export async function createPerson(em: EntityManager, alliance: Alliance, overrides: Partial<Person> = {}): Promise<Person> {
  const n = ++sequence;
  return em.getRepository(Person).save(
    em.create(Person, { allianceId: alliance.id, givenName: `Given${n}`, familyName: `Family${n}`, email: `person${n}@school.invalid`, phone: '020 7946 0000', ...overrides }),
  );
}
