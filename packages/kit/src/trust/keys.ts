import { generateKeyPairSync } from 'node:crypto';
import { z } from 'zod';

/**
 * Keys inside the deployment are Ed25519 JSON Web Keys: the one that signs stays with its holder (the
 * gateway's, or a subgraph's directory key), the others hold only public keys. A compromised subgraph
 * can therefore verify, never sign, what the gateway vouches for.
 */
const KID = /^[a-z0-9-]+(\.[A-Za-z0-9_-]{1,40})?$/;
const base64url = (length: number) =>
  z.string().regex(new RegExp(`^[A-Za-z0-9_-]{${length}}$`), { message: 'must be base64url' });

export const publicJwkSchema = z
  .object({
    kty: z.literal('OKP', { message: 'kty must be OKP (Ed25519)' }),
    crv: z.literal('Ed25519', { message: 'crv must be Ed25519' }),
    x: base64url(43),
    kid: z.string().regex(KID, { message: 'kid must be <name> or <name>.<version>, e.g. gateway.2026-12' }),
  })
  // a private key pasted where public keys belong is refused, not published
  .strict();
export type PublicJwk = z.infer<typeof publicJwkSchema>;

export const privateJwkSchema = publicJwkSchema.extend({ d: base64url(43) });
export type PrivateJwk = z.infer<typeof privateJwkSchema>;

export const jwksSchema = z.object({ keys: z.array(publicJwkSchema).min(1).max(100) });
export type Jwks = z.infer<typeof jwksSchema>;
/** One signer's keys: two at once while a key is rotated; more is a key someone forgot to retire. */
export const rotatingJwksSchema = z.object({ keys: z.array(publicJwkSchema).min(1).max(3) });

/** `kid` up to the first dot: whose key it is. */
export const keyOwner = (kid: string): string => kid.split('.')[0];

/** A JSON variable parsed and checked by `schema`; "must be JSON" for anything that is not JSON at all. */
export const jsonVariable = <S extends z.ZodType>(schema: S, what: string) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: `must be ${what}, written as JSON` });
        return z.NEVER;
      }
    })
    .pipe(schema);

/** A fresh Ed25519 key pair named `kid`: for `npm run keys`, the dev secrets and tests. */
export function generateSigningKey(kid: string): { privateKey: PrivateJwk; publicKey: PublicJwk } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' }) as { x: string; d: string };
  const publicKey: PublicJwk = { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid };
  return { privateKey: { ...publicKey, d: jwk.d }, publicKey };
}

/** The public half of a signing key. */
export const publicKeyOf = ({ kty, crv, x, kid }: PrivateJwk): PublicJwk => ({ kty, crv, x, kid });
