import { z } from 'zod';

/**
 * Roles a token may carry. `department:<orgId>` acts for one organisation, `township:<regionCode>` for one
 * township and everything below it; `hr` may see personal data; `approval-bureau` (行政审批局) keeps the
 * working-day calendar; everyone may read the rest anonymously.
 */
export const roleSchema = z
  .string()
  .regex(/^(leader|reform-office|approval-bureau|hr|auditor|department:[0-9a-f-]{36}|township:\d{9})$/, {
    message:
      'must be leader, reform-office, approval-bureau, hr, auditor, department:<organisation id> or township:<9-digit code>',
  });
export type Role = z.infer<typeof roleSchema>;

/** The claims the gateway accepts in a token and forwards to the subgraphs. */
export const claimsSchema = z.object({
  sub: z.string().min(1),
  name: z.string().optional(),
  roles: z.array(roleSchema).default([]),
});
export type Claims = z.infer<typeof claimsSchema>;

/** Carries the caller token (./trust/caller-token) from the gateway, or a sibling, to a subgraph. */
export const IDENTITY_HEADER = 'x-county-identity';

export class Identity {
  static readonly anonymous = new Identity(null, []);

  constructor(
    readonly subject: string | null,
    readonly roles: readonly Role[],
    readonly name?: string,
    /** Set when a subgraph asks for its own checks: such a caller has no subject and no roles. */
    readonly service?: string,
  ) {}

  static fromClaims(claims: Claims): Identity {
    return new Identity(claims.sub, claims.roles, claims.name);
  }

  /** A subgraph asking the directory for its own checks (never on behalf of a person). */
  static forService(name: string): Identity {
    return new Identity(null, [], undefined, name);
  }

  get isAnonymous(): boolean {
    return this.subject === null;
  }

  has(role: 'leader' | 'reform-office' | 'approval-bureau' | 'hr' | 'auditor'): boolean {
    return this.roles.includes(role);
  }

  /** Ids of the organisations this caller acts for. */
  get departments(): string[] {
    return this.scoped('department:');
  }

  /** Codes of the townships this caller acts for. */
  get townships(): string[] {
    return this.scoped('township:');
  }

  /** True when one of the caller's township roles covers `regionCode` (the township or a village in it). */
  coversRegion(regionCode: string): boolean {
    return this.townships.some((township) => regionCode.startsWith(township));
  }

  private scoped(prefix: string): string[] {
    return this.roles.filter((role) => role.startsWith(prefix)).map((role) => role.slice(prefix.length));
  }
}
