import { SignJWT } from 'jose';
import { claimsSchema, type Claims } from '@county/kit';

/** Signs a development token (HS256) the gateway accepts with the same secret, issuer and audience. */
export async function signDevToken(
  claims: Claims,
  options: { secret: string; issuer?: string; audience?: string; expiresIn?: string },
): Promise<string> {
  const valid = claimsSchema.parse(claims);
  return new SignJWT({ name: valid.name, roles: valid.roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(valid.sub)
    .setIssuer(options.issuer ?? 'county-governance-graph')
    .setAudience(options.audience ?? 'county-governance-graph')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h')
    .sign(new TextEncoder().encode(options.secret));
}
