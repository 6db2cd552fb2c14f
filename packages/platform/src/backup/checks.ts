import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { databaseUrl } from '@county/postgres';
import { verifyDatabase } from '../audit-verify';
import { rollupDifferences } from './rollups';

/** A subgraph's database, as the registry names it (tests pass their own names). */
export interface CheckedDatabase {
  name: string;
  database: string;
}

/** The audit anchor of `npm start`: the key and the folder of the signed checkpoint files. */
export interface AnchorFolder {
  key: string;
  dir: string;
}

export interface SubgraphCheck {
  subgraph: string;
  database: string;
  /** Audit records restored, and the newest one's seq. */
  records: number;
  head: string | null;
  chainIntact: boolean;
  /** Signed checkpoints at or before the restored head, all of which the chain must still match. */
  checkpointsCompared: number;
  /** Signed checkpoints after the restored head: what was undone, expected after a restore to an earlier moment. */
  checkpointsAfter: number;
  /** Rows differing from a recount, per rollup table; null without rollups. */
  rollups: Record<string, number> | null;
  problems: string[];
  passed: boolean;
}

const checkpointLines = (anchor: AnchorFolder, subgraph: string): string[] => {
  const file = path.join(anchor.dir, `${subgraph}.jsonl`);
  return fs.existsSync(file)
    ? fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.trim())
    : [];
};

const seqOf = (line: string): number | null => {
  try {
    const seq = Number((JSON.parse(line) as { seq?: unknown }).seq);
    return Number.isInteger(seq) ? seq : null;
  } catch {
    return null;
  }
};

/**
 * The checkpoint lines a chain restored up to record `head` must still match: those at or before it (and
 * any line that is not a checkpoint, so a forged line still fails). Later ones signed records that the
 * restore undid on purpose.
 */
export function checkpointsUpTo(anchor: AnchorFolder, subgraph: string, head: number) {
  const lines = checkpointLines(anchor, subgraph);
  const kept = lines.filter((line) => (seqOf(line) ?? 0) <= head);
  return { kept, after: lines.length - kept.length };
}

/**
 * The checks after every restore, per subgraph: the audit chain recomputed and compared with the signed
 * checkpoints up to the restored head (`verifyDatabase`), and every rollup table against a recount.
 */
export async function checkRestoredDatabases(
  adminUrl: string,
  databases: CheckedDatabase[],
  anchor: AnchorFolder | null,
): Promise<SubgraphCheck[]> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'county-restore-checkpoints-'));
  const results: SubgraphCheck[] = [];
  try {
    for (const { name, database } of databases) {
      const url = databaseUrl(adminUrl, database);
      const check: SubgraphCheck = {
        subgraph: name,
        database,
        records: 0,
        head: null,
        chainIntact: false,
        checkpointsCompared: 0,
        checkpointsAfter: 0,
        rollups: null,
        problems: [],
        passed: false,
      };
      results.push(check);
      try {
        const head = await headSeq(url);
        let kept = null;
        if (anchor) {
          const upTo = checkpointsUpTo(anchor, name, Number(head ?? 0));
          fs.writeFileSync(path.join(scratch, `${name}.jsonl`), upTo.kept.map((l) => `${l}\n`).join(''));
          check.checkpointsAfter = upTo.after;
          kept = { subgraph: name, key: anchor.key, dir: scratch, keep: Number.MAX_SAFE_INTEGER };
        }
        const chain = await verifyDatabase(url, kept);
        Object.assign(check, {
          records: chain.records,
          head: chain.head?.seq ?? null,
          chainIntact: chain.intact,
          checkpointsCompared: chain.checkpoints,
        });
        if (!chain.intact) check.problems.push(`audit chain: ${chain.problem ?? 'broken'}`);
        check.rollups = await rollupDifferences(url, name);
        for (const [table, rows] of Object.entries(check.rollups ?? {}))
          if (rows) check.problems.push(`${table}: ${rows} row(s) differ from a recount`);
      } catch (error) {
        check.problems.push((error as Error).message.split('\n')[0]);
      }
      check.passed = check.problems.length === 0;
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return results;
}

async function headSeq(url: string): Promise<string | null> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ head: string | null }>(
      'select max(seq)::text as head from audit_record',
    );
    return rows[0].head;
  } finally {
    await client.end();
  }
}

/** The report's lines for the checks. */
export function describeChecks(checks: SubgraphCheck[]): string[] {
  return checks.flatMap((c) => [
    `  ${c.passed ? 'ok    ' : 'FAILED'} ${c.subgraph.padEnd(13)} ${String(c.records).padStart(8)} audit records` +
      ` (head ${c.head ?? '—'}), chain ${c.chainIntact ? 'intact' : 'BROKEN'}, ` +
      `${c.checkpointsCompared} checkpoint(s) matched, ${c.checkpointsAfter} after the restore point; ` +
      (c.rollups
        ? `rollups ${Object.values(c.rollups).every((n) => n === 0) ? 'equal to a recount' : 'DIFFER from a recount'}`
        : 'no rollups'),
    ...c.problems.map((p) => `         ${p}`),
  ]);
}
