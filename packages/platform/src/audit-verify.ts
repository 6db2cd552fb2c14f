import { z } from 'zod';
import { databaseUrl } from '@county/postgres';
import { openDatabase, parseConfig, redactUrl, verifyAuditChain, type AuditChainReport } from '@county/kit';
import { SUBGRAPHS } from './registry';

const configSchema = z.object({
  /** The server the subgraphs' databases live on; default: the embedded one `npm start` runs. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//)
    .optional(),
  PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
});

/** Recomputes one database's audit chain (the same SQL the `<subgraph>AuditChain` query runs). */
export async function verifyDatabase(url: string): Promise<AuditChainReport> {
  const orm = await openDatabase(url, [], []);
  try {
    return await verifyAuditChain(orm.em.fork());
  } finally {
    await orm.close(true);
  }
}

/** `npm run audit:verify`: every subgraph's chain; exit 1 when one is broken. */
async function main() {
  const config = parseConfig(configSchema);
  const admin = config.DATABASE_URL ?? `postgres://postgres:postgres@127.0.0.1:${config.PG_PORT}/postgres`;
  let broken = 0;
  for (const subgraph of SUBGRAPHS) {
    const url = databaseUrl(admin, subgraph.database);
    const report = await verifyDatabase(url);
    if (!report.intact) broken += 1;
    console.log(
      `${subgraph.name.padEnd(13)} ${String(report.records).padStart(8)} records  ${
        report.intact ? 'intact' : `BROKEN at record ${report.firstBrokenSeq}`
      }  (${redactUrl(url)})`,
    );
  }
  process.exit(broken ? 1 : 0);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`audit:verify: ${(error as Error).message}`);
    process.exit(2);
  });
}
