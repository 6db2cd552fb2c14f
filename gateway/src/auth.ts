import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { claimsSchema, Identity } from '@county/kit';
import type { GatewayConfig } from './config';

export class InvalidTokenError extends Error {}

export type TokenVerifier = (authorization: string | undefined) => Promise<Identity>;

function reason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'it has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `its "${error.claim}" claim is not accepted`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'its signature does not verify';
  if (error instanceof errors.JOSEError) return 'it is not a valid JWT';
  return 'its claims are not valid';
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
  };
  return async (authorization) => {
    if (!authorization) return Identity.anonymous;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new InvalidTokenError('The Authorization header must be "Bearer <token>"');
    try {
      const { payload } = await jwtVerify(match[1], key as Uint8Array, options);
      return Identity.fromClaims(claimsSchema.parse(payload));
    } catch (error) {
      throw new InvalidTokenError(`The bearer token was refused: ${reason(error)}`);
    }
  };
}
