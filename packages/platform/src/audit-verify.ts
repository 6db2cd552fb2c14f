import path from 'node:path';
import { z } from 'zod';
import {
  auditAnchorSettings,
  env,
  maskPersonalFields,
  openDatabase,
  parseConfig,
  redactUrl,
  verifyAuditChain,
  type AuditAnchorSettings,
  type AuditChainReport,
} from '@county/kit';
import { DATA_DIR } from './paths';
import { SUBGRAPHS } from './registry';
import { loadDevSecrets } from './dev-secrets';
import { databaseServerProblems, subgraphDatabaseUrl } from './deployment/database-servers';

const configSchema = z.object({
  /** The server the subgraphs' databases live on; default: the embedded one `npm start` runs. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//)
    .optional(),
  PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** The key the subgraphs sign their checkpoints with; unset, the chains are checked without them. */
  AUDIT_ANCHOR_KEY: env.optional(env.secret()),
  AUDIT_CHECKPOINT_DIR: z.string().min(1).default(path.join(DATA_DIR, 'audit-checkpoints')),
});

/** A record as the report shows it: personal fields masked (`declarePersonalFields`). */
export interface ShownRecord {
  seq: string;
  at: string;
  subject: string | null;
  operation: string;
  entity: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface DatabaseVerification extends AuditChainReport {
  /** The newest record, the one the next checkpoint signs. */
  head: ShownRecord | null;
  /** The first broken record, when it is still there. */
  firstBroken: ShownRecord | null;
}

/**
 * Recomputes one database's audit chain and compares it with the subgraph's signed checkpoints (the same
 * check the `<subgraph>AuditChain` query makes), showing the head and the first broken record masked.
 */
export async function verifyDatabase(
  url: string,
  anchor: AuditAnchorSettings | null = null,
): Promise<DatabaseVerification> {
  const orm = await openDatabase(url, [], []);
  try {
    const em = orm.em.fork();
    const report = await verifyAuditChain(em, anchor);
    const shown = async (where: string, params: unknown[]) => {
      const [row] = await em.getConnection().execute<(ShownRecord & { entity_id: string })[]>(
        `select seq::text as seq, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at,
                subject, operation, entity, entity_id, before, after
           from audit_record ${where} limit 1`,
        params,
      );
      if (!row) return null;
      const { entity_id: entityId, ...record } = row;
      return {
        ...record,
        entityId,
        before: maskPersonalFields(record.entity, record.before),
        after: maskPersonalFields(record.entity, record.after),
      };
    };
    return {
      ...report,
      head: await shown('order by seq desc', []),
      firstBroken: report.firstBrokenSeq ? await shown('where seq = ?', [report.firstBrokenSeq]) : null,
    };
  } finally {
    await orm.close(true);
  }
}

const describeRecord = (label: string, r: ShownRecord) =>
  `  ${label} #${r.seq} ${r.at} ${r.operation} ${r.entity} ${r.entityId} by ${r.subject ?? 'system'}: ` +
  `${JSON.stringify(r.before)} → ${JSON.stringify(r.after)}`;

/** What `npm run audit:verify` prints for one subgraph. */
export function describeVerification(subgraph: string, url: string, v: DatabaseVerification): string[] {
  const anchoring = v.anchored
    ? `${v.checkpoints} signed checkpoint(s), the last at record ${v.checkpointedSeq ?? '—'}`
    : 'NOT ANCHORED: set AUDIT_ANCHOR_KEY (and AUDIT_CHECKPOINT_DIR) as the subgraphs have them';
  return [
    `${subgraph.padEnd(13)} ${String(v.records).padStart(8)} records  ${
      v.intact ? 'intact' : `BROKEN at record ${v.firstBrokenSeq ?? '?'}`
    }  ${anchoring}  (${redactUrl(url)})`,
    ...(v.problem ? [`  ${v.problem}`] : []),
    ...(v.firstBroken ? [describeRecord('first broken', v.firstBroken)] : []),
    ...(v.head ? [describeRecord('head', v.head)] : []),
  ];
}

/** `npm run audit:verify`: every subgraph's chain; exit 1 when one is broken. */
async function main() {
  const config = parseConfig(configSchema);
  const serverProblems = databaseServerProblems(SUBGRAPHS);
  if (serverProblems.length) throw new Error(serverProblems.join('; '));
  // without DATABASE_URL: the embedded server of `npm start`, its superuser and anchor key from the dev secrets
  const secrets = config.DATABASE_URL ? null : loadDevSecrets(DATA_DIR);
  const admin =
    config.DATABASE_URL ??
    `postgres://postgres:${encodeURIComponent(secrets!.postgresPassword)}@127.0.0.1:${config.PG_PORT}/postgres`;
  const anchorKey = config.AUDIT_ANCHOR_KEY ?? secrets?.auditAnchorKey;
  let broken = 0;
  for (const subgraph of SUBGRAPHS) {
    // each subgraph declares its personal fields next to its entities: loading it lets the report mask them
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(`@county/${subgraph.name}`);
    // its own server when DATABASE_URL_<NAME> names one (as npm start and the compose file place it)
    const url = subgraphDatabaseUrl(subgraph, admin);
    const anchor = anchorKey
      ? auditAnchorSettings(subgraph.name, { ...config, AUDIT_ANCHOR_KEY: anchorKey })
      : null;
    const report = await verifyDatabase(url, anchor);
    if (!report.intact) broken += 1;
    for (const line of describeVerification(subgraph.name, url, report)) console.log(line);
  }
  process.exit(broken ? 1 : 0);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`audit:verify: ${(error as Error).message}`);
    process.exit(2);
  });
}
