import { isUuid } from '../common/text';
import { createRemoteJWKSet, jwtVerify, JWTVerifyGetKey, SignJWT } from 'jose';

/** Verifies a bearer token and returns its subject (a user id). Throws on anything else. */
export type TokenVerifier = (token: string) => Promise<string>;

export interface TokenSettings {
  /** HS256 shared secret. */
  secret?: string;
  /** RS256/ES256 keys from an identity provider, with issuer and audience checks. */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

export function createTokenVerifier(settings: TokenSettings): TokenVerifier {
  const common = { issuer: settings.issuer, audience: settings.audience, requiredClaims: ['exp', 'sub'] };
  let verify: (token: string) => Promise<{ payload: { sub?: string } }>;
  if (settings.jwksUrl) {
    const keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(settings.jwksUrl));
    verify = (token) => jwtVerify(token, keys, { ...common, algorithms: ['RS256', 'ES256'] });
  } else if (settings.secret) {
    const key = new TextEncoder().encode(settings.secret);
    verify = (token) => jwtVerify(token, key, { ...common, algorithms: ['HS256'] });
  } else {
    throw new Error('a JWT secret or a JWKS URL is needed to verify tokens');
  }
  return async (token) => {
    const { payload } = await verify(token);
    if (!isUuid(payload.sub)) throw new Error('the token names no user');
    return payload.sub.toLowerCase();
  };
}

/** Tokens this API issues itself (the token CLI, tests): HS256, always with an expiry. */
export function signToken(secret: string, userId: string, options: { ttl?: string | number; issuer?: string; audience?: string } = {}): Promise<string> {
  let jwt = new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(userId).setIssuedAt().setExpirationTime(options.ttl ?? '8h');
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
