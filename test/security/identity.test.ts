import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { toGlobalId } from '../../src/common/global-id';
import { Membership } from '../../src/modules/users/membership.entity';
import { MembershipRole, UserStatus } from '../../src/modules/users/user-enums';
import { User } from '../../src/modules/users/user.entity';
import { createUser, TEST_JWT_SECRET, TestUser } from '../factories/users';
import { listen } from '../helpers/http';
import { ExecuteResult, startTestServer, TestServer } from '../helpers/server';
import { expectNoFaults } from './support/callers';
import { gid, seedWorld, World } from './support/world';

/**
 * "Who is who" in SECURITY.md: the token says who, the database says what, on every request; the
 * acting alliance comes from the memberships and X-Alliance-Id.
 */

const key = (secret: string) => new TextEncoder().encode(secret);
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

const VIEWER = `{ viewer { isPlatformAdmin actingRole actingAlliance { slug } user { email }
  memberships { role alliance { slug } school { urn } person { id displayName } } } }`;
const PEOPLE = `{ people(first: 5) { totalCount } }`;

type ViewerData = {
  viewer: {
    isPlatformAdmin: boolean;
    actingRole: string | null;
    actingAlliance: { slug: string } | null;
    memberships: { role: string; alliance: { slug: string }; school: { urn: string } | null; person: { id: string; displayName: string } | null }[];
  };
};

const refusal = (code: string, message: string) => ({ errors: [expect.objectContaining({ message, extensions: { code } })] });

describe('identity and the acting alliance', () => {
  let t: TestServer;
  let world: World;
  const em = () => t.db.dataSource.manager;
  const viewerOf = async (options: Parameters<TestServer['execute']>[2]) => {
    const result = (await t.execute(VIEWER, {}, options)) as ExecuteResult<ViewerData>;
    expect(result.errors).toBeUndefined();
    return result.data!.viewer;
  };

  beforeAll(async () => {
    t = await startTestServer();
    world = await t.db.dataSource.transaction((m) => seedWorld(m, { extraPeople: 2 }));
  });
  afterAll(() => t.close());

  describe('tokens', () => {
    const userId = () => world.A.users.ALLIANCE_ADMIN.user.id;
    const BAD_TOKENS: [string, () => Promise<string>][] = [
      ['garbage', async () => 'not-a-token'],
      ['three parts, none of them JSON', async () => 'aaa.bbb.ccc'],
      ['expired', () => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(userId()).setIssuedAt(now() - 7200).setExpirationTime(now() - 60).sign(key(TEST_JWT_SECRET))],
      ['signed with another secret', () => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(userId()).setExpirationTime('1h').sign(key(`${TEST_JWT_SECRET}-other`))],
      ['alg: none, unsigned', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: userId(), exp: now() + 3600 })}.`],
      ['alg: none, with a made-up signature', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: userId(), exp: now() + 3600 })}.c2lnbmF0dXJl`],
      ['without exp', () => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(userId()).setIssuedAt().sign(key(TEST_JWT_SECRET))],
      ['without iat (our tokens always say when they were issued)', () => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(userId()).setExpirationTime('1h').sign(key(TEST_JWT_SECRET))],
      ['without sub', () => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(key(TEST_JWT_SECRET))],
      ['with a sub that is no user id', () => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('admin').setIssuedAt().setExpirationTime('1h').sign(key(TEST_JWT_SECRET))],
      ['HS512 with the right secret (only HS256 is accepted)', () => new SignJWT({}).setProtectedHeader({ alg: 'HS512' }).setSubject(userId()).setExpirationTime('1h').sign(key(TEST_JWT_SECRET))],
      ['not valid before next hour', () => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(userId()).setIssuedAt().setNotBefore('1h').setExpirationTime('2h').sign(key(TEST_JWT_SECRET))],
      ['for a user that does not exist', () => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(randomUUID()).setIssuedAt().setExpirationTime('1h').sign(key(TEST_JWT_SECRET))],
    ];

    it.each(BAD_TOKENS)('refuses a token %s: UNAUTHENTICATED "invalid token"', async (_what, make) => {
      const result = await t.execute(VIEWER, {}, { token: await make() });
      expect(result).toEqual(refusal('UNAUTHENTICATED', 'invalid token'));
      expect(result.data ?? null).toBeNull();
      expectNoFaults(result);
    });

    it('accepts a well-formed token of our own, and its user’s rights come from the database', async () => {
      const token = await new SignJWT({ role: 'PLATFORM_ADMIN', isPlatformAdmin: true }).setProtectedHeader({ alg: 'HS256' }).setSubject(userId()).setIssuedAt().setExpirationTime('1h').sign(key(TEST_JWT_SECRET));
      // Claims about rights in the token are ignored.
      const viewer = await viewerOf({ token });
      expect(viewer).toMatchObject({ isPlatformAdmin: false, actingRole: 'ALLIANCE_ADMIN' });
    });

    it('refuses the token of a deleted user: UNAUTHENTICATED "invalid token"', async () => {
      const gone = await createUser(em(), { memberships: [{ alliance: world.A.alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
      expect((await t.execute(PEOPLE, {}, { as: gone })).errors).toBeUndefined();
      await em().delete(User, { id: gone.user.id });
      expect(await t.execute(PEOPLE, {}, { as: gone })).toEqual(refusal('UNAUTHENTICATED', 'invalid token'));
    });

    it('refuses a suspended user: FORBIDDEN "account suspended"', async () => {
      const suspended = await createUser(em(), { status: UserStatus.SUSPENDED, memberships: [{ alliance: world.A.alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
      for (const query of [VIEWER, PEOPLE, `{ alliances { totalCount } }`]) expect(await t.execute(query, {}, { as: suspended })).toEqual(refusal('FORBIDDEN', 'account suspended'));
    });

    it('refuses a user suspended after their token was issued, from the next request on', async () => {
      const user = await createUser(em(), { memberships: [{ alliance: world.A.alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
      expect((await t.execute(PEOPLE, {}, { as: user })).errors).toBeUndefined();
      await em().update(User, { id: user.user.id }, { status: UserStatus.SUSPENDED });
      expect(await t.execute(PEOPLE, {}, { as: user })).toEqual(refusal('FORBIDDEN', 'account suspended'));
    });
  });

  describe('the acting alliance', () => {
    it('is implied by a single membership, and the viewer shows it with the role', async () => {
      const lead = await viewerOf({ as: world.A.users.SCHOOL_LEAD });
      expect(lead).toEqual({
        isPlatformAdmin: false,
        actingRole: 'SCHOOL_LEAD',
        actingAlliance: { slug: world.A.alliance.slug },
        user: { email: world.A.users.SCHOOL_LEAD.user.email },
        memberships: [{ role: 'SCHOOL_LEAD', alliance: { slug: world.A.alliance.slug }, school: { urn: world.A.leadSchool.urn }, person: null }],
      });
      const practitioner = await viewerOf({ as: world.A.users.PRACTITIONER });
      expect(practitioner.actingRole).toBe('PRACTITIONER');
      expect(practitioner.memberships).toEqual([
        { role: 'PRACTITIONER', alliance: { slug: world.A.alliance.slug }, school: null, person: { id: gid('Person', world.A.practitionerPerson), displayName: expect.stringContaining('MARKER_A') } },
      ]);
    });

    it('is none for a user with several memberships and no header: people is FORBIDDEN', async () => {
      const viewer = await viewerOf({ as: world.adminOfBoth });
      expect(viewer).toMatchObject({ actingRole: null, actingAlliance: null });
      expect(viewer.memberships.map((m) => m.alliance.slug).sort()).toEqual([world.A.alliance.slug, world.B.alliance.slug].sort());
      const people = await t.execute(PEOPLE, {}, { as: world.adminOfBoth });
      expect(people.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      expectNoFaults(people);
    });

    it.each([
      { how: 'slug', ref: (w: World) => w.B.alliance.slug },
      { how: 'slug, in capitals with spaces', ref: (w: World) => `  ${w.B.alliance.slug.toUpperCase()} ` },
      { how: 'global id', ref: (w: World) => toGlobalId('Alliance', w.B.alliance.id) },
    ])('is chosen with X-Alliance-Id by $how for a member of several', async ({ ref }) => {
      const viewer = await viewerOf({ as: world.adminOfBoth, alliance: ref(world) });
      expect(viewer).toMatchObject({ actingRole: 'ALLIANCE_ADMIN', actingAlliance: { slug: world.B.alliance.slug } });
      const people = (await t.execute(`{ people(first: 100) { edges { node { givenName } } } }`, {}, { as: world.adminOfBoth, alliance: ref(world) })) as ExecuteResult<{ people: { edges: { node: { givenName: string } }[] } }>;
      const names = people.data!.people.edges.map((e) => e.node.givenName);
      expect(names.length).toBeGreaterThan(0);
      expect(names.every((n) => n.startsWith('MARKER_B'))).toBe(true);
    });

    const FOREIGN_HEADERS: [string, (w: World) => string][] = [
      ['the slug of an alliance they are not a member of', (w) => w.B.alliance.slug],
      ['the global id of an alliance they are not a member of', (w) => toGlobalId('Alliance', w.B.alliance.id)],
      ['the row id of an alliance they are not a member of', (w) => w.B.alliance.id],
      ['a slug that does not exist', () => 'no-such-alliance'],
      ['a global id that does not exist', () => toGlobalId('Alliance', randomUUID())],
      ['the global id of something else', (w) => toGlobalId('School', w.B.leadSchool.id)],
      ['garbage', () => '../../etc/passwd'],
    ];

    it.each(FOREIGN_HEADERS)('refuses X-Alliance-Id naming %s: FORBIDDEN', async (_what, ref) => {
      const result = await t.execute(VIEWER, {}, { as: world.A.users.ALLIANCE_ADMIN, alliance: ref(world) });
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(result.data ?? null).toBeNull();
      expectNoFaults(result);
    });

    it('answers a foreign alliance and a non-existent one alike, so the header is no existence oracle', async () => {
      const messages = await Promise.all(FOREIGN_HEADERS.map(async ([, ref]) => (await t.execute(VIEWER, {}, { as: world.A.users.ALLIANCE_ADMIN, alliance: ref(world) })).errors));
      expect(new Set(messages.map((m) => JSON.stringify(m))).size).toBe(1);
    });

    // A header without a token means nothing: the caller is anonymous (SECURITY.md S3), and the public surface stays readable.
    it('treats an anonymous request with X-Alliance-Id as anonymous: UNAUTHENTICATED, not FORBIDDEN', async () => {
      const result = await t.execute(`{ alliances { totalCount } }`, {}, { as: 'anonymous', alliance: world.A.alliance.slug });
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    });

    it('lets a member name their own alliance in the header', async () => {
      expect(await viewerOf({ as: world.A.users.ANALYST, alliance: world.A.alliance.slug })).toMatchObject({ actingRole: 'ANALYST', actingAlliance: { slug: world.A.alliance.slug } });
    });

    it('gives a platform admin no acting alliance without the header: people is FORBIDDEN', async () => {
      expect(await viewerOf({ as: world.platformAdmin })).toMatchObject({ isPlatformAdmin: true, actingRole: null, actingAlliance: null, memberships: [] });
      const people = await t.execute(PEOPLE, {}, { as: world.platformAdmin });
      expect(people.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      // Shared reference data needs no acting alliance.
      expect((await t.execute(`{ alliances { totalCount } }`, {}, { as: world.platformAdmin })).errors).toBeUndefined();
    });

    it('lets a platform admin act for any alliance through the header, with role PLATFORM_ADMIN', async () => {
      for (const tenant of [world.A, world.B]) {
        for (const ref of [tenant.alliance.slug, toGlobalId('Alliance', tenant.alliance.id)]) {
          expect(await viewerOf({ as: world.platformAdmin, alliance: ref })).toMatchObject({ actingRole: 'PLATFORM_ADMIN', actingAlliance: { slug: tenant.alliance.slug } });
        }
      }
      const people = (await t.execute(PEOPLE, {}, { as: world.platformAdmin, alliance: world.B.alliance.slug })) as ExecuteResult<{ people: { totalCount: number } }>;
      expect(people.data!.people.totalCount).toBe(world.B.people.length);
    });

    it('refuses a platform admin naming an alliance that does not exist', async () => {
      for (const ref of ['no-such-alliance', toGlobalId('Alliance', randomUUID())]) {
        expect((await t.execute(VIEWER, {}, { as: world.platformAdmin, alliance: ref })).errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      }
    });

    it('shows a practitioner’s own record through their membership only while acting in that alliance', async () => {
      const both = await createUser(em(), {
        memberships: [
          { alliance: world.A.alliance, role: MembershipRole.PRACTITIONER, person: world.A.colleagueAtLeadSchool },
          { alliance: world.B.alliance, role: MembershipRole.ANALYST },
        ],
      });
      const inA = await viewerOf({ as: both, alliance: world.A.alliance.slug });
      expect(inA.memberships.find((m) => m.alliance.slug === world.A.alliance.slug)!.person).toEqual({ id: gid('Person', world.A.colleagueAtLeadSchool), displayName: expect.any(String) });
      const inB = await viewerOf({ as: both, alliance: world.B.alliance.slug });
      expect(inB.memberships.find((m) => m.alliance.slug === world.A.alliance.slug)!.person).toBeNull();
      expect(JSON.stringify(inB)).not.toMatch(/MARKER_A/);
    });
  });

  describe('revocation takes effect on the next request', () => {
    it('after the membership row is deleted', async () => {
      const user = await createUser(em(), { memberships: [{ alliance: world.A.alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
      expect((await t.execute(PEOPLE, {}, { as: user })).errors).toBeUndefined();
      await em().delete(Membership, { userId: user.user.id });
      const people = await t.execute(PEOPLE, {}, { as: user });
      expect(people.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(await viewerOf({ as: user })).toMatchObject({ actingRole: null, actingAlliance: null, memberships: [] });
      // Naming the alliance does not bring it back.
      expect((await t.execute(PEOPLE, {}, { as: user, alliance: world.A.alliance.slug })).errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    });

    it('after one of several memberships is deleted: that alliance is refused, the other implied', async () => {
      const user = await createUser(em(), {
        memberships: [
          { alliance: world.A.alliance, role: MembershipRole.ALLIANCE_ADMIN },
          { alliance: world.B.alliance, role: MembershipRole.ALLIANCE_ADMIN },
        ],
      });
      expect((await t.execute(PEOPLE, {}, { as: user, alliance: world.B.alliance.slug })).errors).toBeUndefined();
      await em().delete(Membership, { userId: user.user.id, allianceId: world.B.alliance.id });
      expect((await t.execute(PEOPLE, {}, { as: user, alliance: world.B.alliance.slug })).errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(await viewerOf({ as: user })).toMatchObject({ actingRole: 'ALLIANCE_ADMIN', actingAlliance: { slug: world.A.alliance.slug } });
    });

    it('after a role is lowered', async () => {
      const user = await createUser(em(), { memberships: [{ alliance: world.A.alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
      const personId = gid('Person', world.A.personAtOtherSchool);
      const node = `query($id: ID!) { node(id: $id) { id } }`;
      expect((await t.execute(node, { id: personId }, { as: user })).data).toEqual({ node: { id: personId } });
      await em().update(Membership, { userId: user.user.id }, { role: MembershipRole.ANALYST });
      expect((await t.execute(PEOPLE, {}, { as: user })).errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(await t.execute(node, { id: personId }, { as: user })).toEqual({ data: { node: null } });
    });
  });

  describe('over HTTP', () => {
    let http: Awaited<ReturnType<typeof listen>>;
    beforeAll(async () => {
      http = await listen(t.server);
    });

    const post = (headers: Record<string, string>, query = VIEWER) => http.post({ query }, headers);
    const expectNoInternals = (text: string) => expect(text).not.toMatch(/stacktrace|"stack"|node_modules|\bat \S+ \(|\.ts:\d+|Context creation failed/);

    it.each([
      ['a malformed token', () => 'Bearer not-a-token'],
      ['a token signed with another secret', async () => `Bearer ${await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(world.A.users.ALLIANCE_ADMIN.user.id).setExpirationTime('1h').sign(key('another-secret-another-secret-another'))}`],
      ['an expired token', async () => `Bearer ${await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(world.A.users.ALLIANCE_ADMIN.user.id).setIssuedAt(now() - 3600).setExpirationTime(now() - 120).sign(key(TEST_JWT_SECRET))}`],
      ['another scheme', () => `Basic ${Buffer.from('admin:admin').toString('base64')}`],
    ])('answers %s with 401, "invalid token" and no internals', async (_what, authorization) => {
      const response = await post({ authorization: await authorization() });
      const text = await response.text();
      expect(response.status).toBe(401);
      expect(JSON.parse(text)).toEqual({ errors: [expect.objectContaining({ message: 'invalid token', extensions: { code: 'UNAUTHENTICATED' } })] });
      expectNoInternals(text);
    });

    it.each([
      ['a foreign alliance', (w: World) => w.B.alliance.slug],
      ['an alliance that does not exist', () => 'no-such-alliance'],
    ])('answers X-Alliance-Id naming %s with 403 and no internals', async (_what, ref) => {
      const response = await post({ authorization: `Bearer ${world.A.users.ALLIANCE_ADMIN.token}`, 'x-alliance-id': ref(world) });
      const text = await response.text();
      expect(response.status).toBe(403);
      expect(JSON.parse(text)).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })] });
      expectNoInternals(text);
    });

    it('answers a suspended user with 403 "account suspended"', async () => {
      const suspended: TestUser = await createUser(em(), { status: UserStatus.SUSPENDED });
      const response = await post({ authorization: `Bearer ${suspended.token}` });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ errors: [expect.objectContaining({ message: 'account suspended', extensions: { code: 'FORBIDDEN' } })] });
    });

    it('acts for the alliance the header names, and keeps the answer private', async () => {
      const response = await post({ authorization: `Bearer ${world.adminOfBoth.token}`, 'x-alliance-id': world.B.alliance.slug });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(await response.json()).toMatchObject({ data: { viewer: { actingRole: 'ALLIANCE_ADMIN', actingAlliance: { slug: world.B.alliance.slug } } } });
    });
  });
});
