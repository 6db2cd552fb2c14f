import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import { claimsSchema, Identity } from '@county/kit';
import type { GatewayConfig } from './config';

export class InvalidTokenError extends Error {}

export type TokenVerifier = (authorization: string | undefined) => Promise<Identity>;

function reason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'it has expired';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `its "${error.claim}" claim is not accepted (${error.message})`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'its signature does not verify';
  if (error instanceof errors.JOSEError) return 'it is not a valid JWT';
  return 'its claims are not valid';
}

/**
 * jose checks `iat` only together with `maxTokenAge` (which makes `iat` mandatory and measures age, not
 * lifetime), and its clockTolerance would stretch `exp` too: a token issued in the future (beyond the
 * issuer's clock skew), or made to outlive the cap, is refused here instead.
 */
function checkLifetime(payload: JWTPayload, maxSeconds: number, skewSeconds: number): void {
  const now = Date.now() / 1000;
  if (typeof payload.iat === 'number' && payload.iat > now + skewSeconds)
    throw new errors.JWTClaimValidationFailed('"iat" is in the future', payload, 'iat', 'check_failed');
  // exp − iat is read off one clock (the issuer's); exp − now compares two
  const lifetime = typeof payload.iat === 'number' ? (payload.exp as number) - payload.iat : null;
  if ((lifetime ?? (payload.exp as number) - now - skewSeconds) > maxSeconds)
    throw new errors.JWTClaimValidationFailed(
      `lives longer than ${maxSeconds} s (JWT_MAX_LIFETIME_SECONDS)`,
      payload,
      'exp',
      'check_failed',
    );
}

/**
 * Verifies the bearer token: HS256 with a shared secret (embedded default) or keys from a JWKS URL
 * (production). No token means the anonymous viewer; a bad token is refused, never downgraded.
 */
export function createTokenVerifier(config: GatewayConfig): TokenVerifier {
  const key: Uint8Array | JWTVerifyGetKey = config.JWT_SECRET
    ? new TextEncoder().encode(config.JWT_SECRET)
    : createRemoteJWKSet(new URL(config.JWT_JWKS_URL as string));
  const options = {
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    algorithms: config.JWT_SECRET ? ['HS256'] : ['RS256', 'ES256', 'EdDSA'],
    // no clockTolerance: it would also accept a token up to that long after its exp
    requiredClaims: ['exp'],
  };
  // A dashboard sends the same token with every request: a verified token is remembered until it expires
  // (never longer than 5 minutes, so a key rotated at the JWKS takes effect soon). Refusals are not cached.
  const verified = new LRUCache<string, Identity>({ max: 10_000, ttl: 300_000, ttlAutopurge: false });
  return async (authorization) => {
    if (!authorization) return Identity.anonymous;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new InvalidTokenError('The Authorization header must be "Bearer <token>"');
    const token = match[1];
    const known = verified.get(token);
    if (known) return known;
    try {
      const { payload } = await jwtVerify(token, key as Uint8Array, options);
      checkLifetime(payload, config.JWT_MAX_LIFETIME_SECONDS, config.JWT_CLOCK_SKEW_SECONDS);
      const identity = Identity.fromClaims(claimsSchema.parse(payload));
      const secondsLeft = payload.exp ? payload.exp - Date.now() / 1000 : 300;
      if (secondsLeft > 1) verified.set(token, identity, { ttl: Math.min(secondsLeft * 1000, 300_000) });
      return identity;
    } catch (error) {
      throw new InvalidTokenError(`The bearer token was refused: ${reason(error)}`);
    }
  };
}
