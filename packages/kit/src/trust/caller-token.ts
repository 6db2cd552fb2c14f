import { createLocalJWKSet, decodeJwt, errors, importJWK, jwtVerify, SignJWT, type KeyLike } from 'jose';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { Identity, roleSchema } from '../identity';
import { keyOwner, type Jwks, type PrivateJwk } from './keys';

/**
 * The caller, as the gateway vouches for it to one subgraph: an EdDSA JWT with that subgraph as audience,
 * living a minute. It replaces the shared secrets and the plain identity header: holding one department's
 * server no longer lets anyone call another subgraph, let alone as `hr`.
 */
export const GATEWAY_ISSUER = 'county-gateway';
export const CALLER_TOKEN_SECONDS = 60;
/** Clocks of different hosts disagree a little. */
const SKEW_SECONDS = 5;

/** A subgraph calling the directory for its own checks signs as `subgraph:<its name>`. */
const serviceIssuer = (name: string) => `subgraph:${name}`;

const payloadSchema = z.object({
  sub: z.string().min(1).optional(),
  name: z.string().optional(),
  roles: z.array(roleSchema).max(50).default([]),
});

export class CallerTokenError extends Error {}

/** Signs caller tokens with one private key; a token is reused for a third of its life. */
export class CallerTokenSigner {
  private readonly key: Promise<KeyLike | Uint8Array>;
  private readonly issued = new WeakMap<Identity, Map<string, { token: string; renewAt: number }>>();

  constructor(
    private readonly jwk: PrivateJwk,
    private readonly issuer: string = GATEWAY_ISSUER,
  ) {
    this.key = importJWK(jwk, 'EdDSA');
  }

  /** The signer a subgraph uses towards the directory: its own key, its own issuer, no roles ever. */
  static forService(name: string, jwk: PrivateJwk): CallerTokenSigner {
    if (keyOwner(jwk.kid) !== name) {
      throw new CallerTokenError(`the directory key's kid must start with "${name}" (it is "${jwk.kid}")`);
    }
    return new CallerTokenSigner(jwk, serviceIssuer(name));
  }

  async sign(identity: Identity, audience: string): Promise<string> {
    const now = Date.now();
    let byAudience = this.issued.get(identity);
    const kept = byAudience?.get(audience);
    if (kept && kept.renewAt > now) return kept.token;
    const claims = identity.isAnonymous ? {} : { name: identity.name, roles: identity.roles };
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA', kid: this.jwk.kid })
      .setIssuer(this.issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(Math.floor(now / 1000) + CALLER_TOKEN_SECONDS);
    if (identity.subject) jwt.setSubject(identity.subject);
    const token = await jwt.sign(await this.key);
    if (!byAudience) this.issued.set(identity, (byAudience = new Map()));
    byAudience.set(audience, { token, renewAt: now + (CALLER_TOKEN_SECONDS * 1000) / 3 });
    return token;
  }
}

function reason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'it has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `its "${error.claim}" claim is not accepted`;
  if (error instanceof errors.JWKSNoMatchingKey)
    return 'it is signed with a key this subgraph does not trust';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'its signature does not verify';
  if (error instanceof CallerTokenError) return error.message;
  return 'it is not a valid caller token';
}

/** A token made to outlive a minute (an `exp` years ahead) is not one the gateway or a sibling signs. */
function checkLifetime(payload: { iat?: number; exp?: number }): void {
  if ((payload.exp ?? 0) - (payload.iat ?? 0) > CALLER_TOKEN_SECONDS + SKEW_SECONDS) {
    throw new CallerTokenError(`it lives longer than ${CALLER_TOKEN_SECONDS} s`);
  }
}

/**
 * Verifies caller tokens addressed to one subgraph: the gateway's (any caller, its roles) and, where the
 * subgraph serves as the directory, other subgraphs' own (a service caller with no roles at all).
 * Verified tokens are remembered until they expire.
 */
export class CallerTokenVerifier {
  private readonly gateway: ReturnType<typeof createLocalJWKSet>;
  private readonly services?: ReturnType<typeof createLocalJWKSet>;
  private readonly verified = new LRUCache<string, Identity>({
    max: 10_000,
    ttl: CALLER_TOKEN_SECONDS * 1000,
  });

  constructor(
    private readonly audience: string,
    gatewayKeys: Jwks,
    serviceKeys?: Jwks,
  ) {
    this.gateway = createLocalJWKSet(gatewayKeys);
    if (serviceKeys) this.services = createLocalJWKSet(serviceKeys);
  }

  /** The caller a token names; throws CallerTokenError saying why a token is refused. */
  async verify(token: string | undefined): Promise<Identity> {
    if (!token) throw new CallerTokenError('no caller token');
    const known = this.verified.get(token);
    if (known) return known;
    let identity: Identity;
    try {
      identity = await this.check(token);
    } catch (error) {
      throw new CallerTokenError(reason(error));
    }
    this.verified.set(token, identity);
    return identity;
  }

  private async check(token: string): Promise<Identity> {
    const issuer = decodeJwt(token).iss;
    const options = {
      audience: this.audience,
      algorithms: ['EdDSA'],
      requiredClaims: ['exp', 'iat'],
      maxTokenAge: CALLER_TOKEN_SECONDS + SKEW_SECONDS,
      clockTolerance: SKEW_SECONDS,
    };
    if (issuer === GATEWAY_ISSUER) {
      const { payload } = await jwtVerify(token, this.gateway, { ...options, issuer });
      checkLifetime(payload);
      const claims = payloadSchema.parse(payload);
      return claims.sub ? Identity.fromClaims({ ...claims, sub: claims.sub }) : Identity.anonymous;
    }
    const service = typeof issuer === 'string' && issuer.startsWith('subgraph:') ? issuer.slice(9) : null;
    if (!service || !this.services)
      throw new CallerTokenError(`it is not from an issuer this subgraph trusts`);
    const { payload, protectedHeader } = await jwtVerify(token, this.services, { ...options, issuer });
    checkLifetime(payload);
    if (keyOwner(protectedHeader.kid ?? '') !== service) {
      throw new CallerTokenError(`it is signed with another subgraph's key`);
    }
    if (payload.sub !== undefined || payload.roles !== undefined) {
      throw new CallerTokenError('a subgraph asks as itself: no subject, no roles');
    }
    return Identity.forService(service);
  }
}
