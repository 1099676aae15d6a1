import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
import { createTokenVerifier, signToken, TokenVerifier } from '../src/auth/tokens';
import { createContextFactory } from '../src/context/create-context';
import { User } from '../src/modules/users/user.entity';
import { createTestDatabase } from './helpers/database';
import { silentLogger } from './helpers/server';

describe('token verification', () => {
  describe('with keys from an identity provider (JWKS_URL)', () => {
    let server: http.Server;
    let verify: TokenVerifier;
    let privateKey: KeyLike;
    const issuer = 'https://idp.example.test/';
    const audience = 'alliance-graph';

    beforeAll(async () => {
      const pair = await generateKeyPair('RS256');
      privateKey = pair.privateKey;
      const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
      server = http.createServer((_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ keys: [jwk] }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      verify = createTokenVerifier({ jwksUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`, issuer, audience });
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));

    const token = (claims: { iss?: string; aud?: string; exp?: boolean; sub?: string } = {}) => {
      let jwt = new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject(claims.sub ?? userId).setIssuedAt().setIssuer(claims.iss ?? issuer).setAudience(claims.aud ?? audience);
      if (claims.exp !== false) jwt = jwt.setExpirationTime('5m');
      return jwt.sign(privateKey);
    };
    const userId = randomUUID();

    it('accepts a token of that provider, for this audience', async () => {
      await expect(verify(await token())).resolves.toEqual({ externalSubject: userId });
    });

    it.each([
      ['another issuer', { iss: 'https://evil.example.test/' }],
      ['another audience', { aud: 'another-api' }],
      ['no expiry', { exp: false }],
      ['a subject longer than any provider uses', { sub: 'x'.repeat(300) }],
    ])('refuses %s', async (_what, claims) => {
      await expect(verify(await token(claims))).rejects.toThrow();
    });

    it("finds the user by the provider's subject, and refuses an unknown one", async () => {
      const db = await createTestDatabase();
      try {
        await db.dataSource.getRepository(User).insert({ email: 'alice@example.org', displayName: 'Alice', externalSubject: 'idp|alice' });
        const createContext = createContextFactory(db.dataSource, verify, 5);
        const context = await createContext({ requestId: 't', log: silentLogger, authorization: `Bearer ${await token({ sub: 'idp|alice' })}` });
        expect(context.viewer?.user.email).toBe('alice@example.org');
        await context.end(false);
        await expect(createContext({ requestId: 't', log: silentLogger, authorization: `Bearer ${await token({ sub: 'idp|mallory' })}` })).rejects.toMatchObject({
          message: 'invalid token',
          extensions: { code: 'UNAUTHENTICATED' },
        });
      } finally {
        await db.drop();
      }
    });

    it('refuses an HS256 token, whatever its secret', async () => {
      await expect(verify(await signToken('a-secret-the-attacker-chose-0123456789', userId, { issuer, audience }))).rejects.toThrow();
    });
  });

  describe('with a shared secret (JWT_SECRET)', () => {
    const secret = 'x'.repeat(40);
    const verify = createTokenVerifier({ secret });

    it('accepts its own tokens and refuses another secret', async () => {
      const userId = randomUUID();
      await expect(verify(await signToken(secret, userId))).resolves.toEqual({ userId });
      await expect(verify(await signToken('y'.repeat(40), userId))).rejects.toThrow();
    });

    it('refuses a token issued more than 30 days ago, whatever its expiry', async () => {
      const old = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(randomUUID())
        .setIssuedAt(Math.floor(Date.now() / 1000) - 31 * 86400)
        .setExpirationTime('1y')
        .sign(new TextEncoder().encode(secret));
      await expect(verify(old)).rejects.toThrow();
    });

    it('refuses an expired token', async () => {
      await expect(verify(await signToken(secret, randomUUID(), { ttl: Math.floor(Date.now() / 1000) - 60 }))).rejects.toThrow();
    });
  });
});
