import type { SubgraphContext } from './context';
import { forbidden, unauthenticated } from './errors';
import type { Identity } from './identity';

/**
 * Who may perform an action: said once for people (`roles`, shown in the README table and, unless
 * `allowedRoles` names the subject, in the FORBIDDEN error) and once for the machine (`allows`). Both live in
 * the same entry, so a refusal can only name the rule that refused.
 */
export interface Rule<S = never> {
  /** Who may, as the README and the error's `allowedRoles` say it, e.g. `department:<the centre's organisation>`. */
  readonly roles: readonly string[];
  /** The roles the error lists for this subject, when they can name it (`department:<its id>`). */
  allowedRoles?(subject: S): string[];
  /** Whether a signed-in `identity` may perform the action on `subject`. */
  allows(identity: Identity, subject: S): boolean;
}

/** One action a subgraph guards: what it is (for the README table) and its rule. */
export interface Action<S = never> extends Rule<S> {
  /** What the action does, e.g. `register a received case (收件登记) and append its events`. */
  readonly what: string;
}

/** A subgraph's vocabulary of actions: `{ 'case.register': {...}, ... }`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Permissions = Record<string, Action<any>>;

/** The subject an action is checked against; `never` when it takes none. */
export type SubjectOf<A> = A extends Rule<infer S> ? S : never;
type SubjectArgs<A> = [SubjectOf<A>] extends [never]
  ? []
  : unknown extends SubjectOf<A>
    ? []
    : [subject: SubjectOf<A>];

/** Declares a subgraph's actions; the record's own type is kept, so action names and subjects are checked. */
export const definePermissions = <P extends Permissions>(permissions: P): P => permissions;

/** A rule only holders of one of the kit's named roles pass (see `sharedRules` below). */
const onlyRole = (role: 'leader' | 'reform-office' | 'approval-bureau' | 'hr' | 'auditor'): Rule => ({
  roles: [role],
  allows: (identity) => identity.has(role),
});

/**
 * Role facts every subgraph shares, defined once (an action takes one with `{ what: '…', ...sharedRules.hr }`): the reform office (改革办) writes reform work, `hr` (the
 * organisation department) sees personal data in full and keeps the workforce records, the auditor reads
 * audit trails, the approval bureau (行政审批局) keeps the working-day calendar.
 */
export const sharedRules = {
  reformOffice: onlyRole('reform-office'),
  hr: onlyRole('hr'),
  seesPersonalData: onlyRole('hr'),
  auditor: onlyRole('auditor'),
  approvalBureau: onlyRole('approval-bureau'),
  signedIn: { roles: ['any signed-in caller'], allows: () => true } satisfies Rule,
} as const;

/** The kit's own action: reading a subgraph's audit trail and chain. Each subgraph lists it with its own. */
export const auditPermissions = definePermissions({
  'audit.read': {
    what: 'read the audit trail (`<subgraph>AuditTrail`) and check its chain (`<subgraph>AuditChain`)',
    ...sharedRules.auditor,
  },
});

/** Throws UNAUTHENTICATED for the anonymous viewer: for checks made before any input is read. */
export function assertSignedIn(ctx: Pick<SubgraphContext, 'identity'>): void {
  if (ctx.identity.isAnonymous) throw unauthenticated();
}

/** Whether the caller may perform `action` (the anonymous viewer never may); for masking, not refusing. */
export function mayPerformAction<P extends Permissions, K extends keyof P & string>(
  ctx: Pick<SubgraphContext, 'identity'>,
  permissions: P,
  action: K,
  ...subject: SubjectArgs<P[K]>
): boolean {
  return !ctx.identity.isAnonymous && permissions[action].allows(ctx.identity, subject[0]);
}

/**
 * The one check of a subgraph: UNAUTHENTICATED without a token, FORBIDDEN (with `allowedRoles` from the same
 * entry as the rule) when the action's rule says no.
 */
export function assertPerformAction<P extends Permissions, K extends keyof P & string>(
  ctx: Pick<SubgraphContext, 'identity'>,
  permissions: P,
  action: K,
  ...subject: SubjectArgs<P[K]>
): void {
  assertSignedIn(ctx);
  const entry = permissions[action];
  if (entry.allows(ctx.identity, subject[0])) return;
  const allowed = entry.allowedRoles ? entry.allowedRoles(subject[0]) : [...entry.roles];
  throw forbidden(`This operation (${action}) needs one of the roles: ${allowed.join(', ')}`, allowed);
}

/** The Markdown table of who may do what, one row per action, in declaration order. */
export function permissionsTable(permissions: Permissions): string {
  const header = ['action', 'what', 'who may'];
  const rows = Object.entries(permissions).map(([action, entry]) => [
    `\`${action}\``,
    entry.what,
    entry.roles.map((role) => `\`${role}\``).join(', '),
  ]);
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((row) => displayWidth(row[column]))),
  );
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => cell + ' '.repeat(widths[column] - displayWidth(cell))).join(' | ')} |`;
  return [
    line(header),
    `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
}

/** Columns a cell takes in a monospace table, as prettier counts them: CJK characters are two wide. */
const displayWidth = (text: string): number =>
  [...text].reduce(
    (width, char) =>
      width +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        char,
      )
        ? 2
        : 1),
    0,
  );

export const PERMISSIONS_HEADING = '## Who may do what';

/**
 * `readme` with its "Who may do what" section's table replaced by the one generated from `permissions`
 * (the section is appended when missing). A README test compares the two, so the table cannot go stale.
 */
export function withPermissionsTable(readme: string, permissions: Permissions): string {
  const table = permissionsTable(permissions);
  const intro =
    'Generated from `src/permissions.ts` (a test fails while this table differs from it). Every action ' +
    'needs a token; the anonymous viewer only reads.';
  const section = `${PERMISSIONS_HEADING}\n\n${intro}\n\n${table}\n`;
  const start = readme.indexOf(PERMISSIONS_HEADING);
  if (start < 0) return `${readme.trimEnd()}\n\n${section}`;
  const next = readme.indexOf('\n## ', start + PERMISSIONS_HEADING.length);
  return readme.slice(0, start) + section + (next < 0 ? '' : readme.slice(next));
}
