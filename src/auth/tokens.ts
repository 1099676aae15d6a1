import { isUuid } from '../common/text';
import { createRemoteJWKSet, jwtVerify, JWTVerifyGetKey, SignJWT } from 'jose';

/**
 * Who a verified token names: one of our user ids (tokens this API signs), or an identity
 * provider's own subject, matched against users.external_subject. Throws on any other token.
 */
export type TokenSubject = { userId: string } | { externalSubject: string };
export type TokenVerifier = (token: string) => Promise<TokenSubject>;

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
  const external = Boolean(settings.jwksUrl);
  if (settings.jwksUrl) {
    const keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(settings.jwksUrl));
    verify = (token) => jwtVerify(token, keys, { ...common, algorithms: ['RS256', 'ES256'] });
  } else if (settings.secret) {
    const key = new TextEncoder().encode(settings.secret);
    // Tokens this API signs live 30 days at most (the token CLI's limit), whatever expiry they claim.
    verify = (token) => jwtVerify(token, key, { ...common, algorithms: ['HS256'], maxTokenAge: '30d', clockTolerance: '30s', requiredClaims: [...common.requiredClaims, 'iat'] });
  } else {
    throw new Error('a JWT secret or a JWKS URL is needed to verify tokens');
  }
  return async (token) => {
    const { payload } = await verify(token);
    if (external) {
      if (!payload.sub || payload.sub.length > 255) throw new Error('the token names no subject');
      return { externalSubject: payload.sub };
    }
    if (!payload.sub || !isUuid(payload.sub)) throw new Error('the token names no user');
    return { userId: payload.sub.toLowerCase() };
  };
}

/** Tokens this API issues itself (the token CLI, tests): HS256, always with an expiry. */
export function signToken(secret: string, userId: string, options: { ttl?: string | number; issuer?: string; audience?: string } = {}): Promise<string> {
  let jwt = new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(userId).setIssuedAt().setExpirationTime(options.ttl ?? '8h');
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
