import 'reflect-metadata';
import path from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import {
  CallerTokenSigner,
  Directory,
  env,
  importLimits,
  openDatabase,
  parseConfig,
  readFirstSheet,
} from '@county/kit';
import { GraphQLError } from 'graphql';
import { chinaDay } from '@county/domain';
import { reformEntities } from '../entities';
import { migrations } from '../migrations';
import { exportLedger } from './ledger.export';
import { importLedger } from './ledger.import';
import { exportRequestRule, importRequestRule, parseLedgerRequest } from './ledger.request';

const USAGE = `usage: npm run ledger -w services/reform -- export --year 2019 --out ledger.xlsx [--as-of 2019-09-30]
       npm run ledger -w services/reform -- import --year 2019 --file ledger.xlsx [--region 990722]
environment: DATABASE_URL (the reform database), DIRECTORY_URL (the people subgraph) and DIRECTORY_KEY (reform's)`;

const configSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' }),
  DIRECTORY_URL: env.url(),
  DIRECTORY_KEY: env.signingKey(),
  DIRECTORY_TIMEOUT_MS: env.milliseconds(10000),
});

/** npm runs scripts in the workspace folder; paths on the command line mean the caller's folder. */
const fromCaller = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

/** The ledger command: the same export and import as the subgraph's /files/ledger.xlsx routes. */
async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      year: { type: 'string' },
      out: { type: 'string' },
      file: { type: 'string' },
      region: { type: 'string' },
      'as-of': { type: 'string' },
    },
  });
  const command = positionals[0];
  if ((command !== 'export' || !values.out) && (command !== 'import' || !values.file)) {
    console.error(USAGE);
    return 2;
  }
  const config = parseConfig(configSchema);
  // the command asks the directory with the reform subgraph's own key, as the subgraph's import would
  const directory = new Directory(
    {
      url: config.DIRECTORY_URL,
      signer: CallerTokenSigner.forService('reform', config.DIRECTORY_KEY),
      service: 'reform',
      timeoutMs: config.DIRECTORY_TIMEOUT_MS,
    },
    `ledger-${Date.now()}`,
  );
  const orm = await openDatabase(config.DATABASE_URL, reformEntities, migrations);
  try {
    const em = orm.em.fork();
    if (command === 'export') {
      const request = parseLedgerRequest(exportRequestRule, { year: values.year, asOf: values['as-of'] });
      const file = await exportLedger(em, directory, request.year, request.asOf ?? chinaDay());
      await writeFile(fromCaller(values.out!), file);
      console.log(`wrote ${fromCaller(values.out!)} (${file.length} bytes)`);
      return 0;
    }
    const request = parseLedgerRequest(importRequestRule, {
      year: values.year,
      region: values.region ?? DEMO_COUNTY_CODE,
    });
    // the same limits as an upload (IMPORT_MAX_*), so the command refuses what the route refuses
    const limits = importLimits();
    const report = await importLedger(em, directory, {
      year: request.year,
      regionCode: request.region,
      sheet: await readFirstSheet(await readFile(fromCaller(values.file!)), limits),
      maxErrors: limits.maxErrors,
    });
    for (const r of report.rejected.first) console.error(`row ${r.row}, ${r.column}: ${r.reason}`);
    console.log(
      report.rejected.total
        ? `refused: ${report.rejected.total} problem(s), nothing imported`
        : `imported ${report.imported} task(s)`,
    );
    return report.rejected.total ? 1 : 0;
  } finally {
    await orm.close(true);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const field = error instanceof GraphQLError ? ` (${String(error.extensions.field ?? '')})` : '';
    // the first line says what went wrong; a database error's SQL and parameters stay out of the terminal
    console.error(
      `ledger: ${String((error as Error).message)
        .split('\n')[0]
        .slice(0, 300)}${field}`,
    );
    process.exit(1);
  },
);
