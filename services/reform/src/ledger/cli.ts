import 'reflect-metadata';
import path from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  CallerTokenSigner,
  createLogger,
  Directory,
  env,
  Identity,
  importLedger,
  importLimits,
  openDatabase,
  parseConfig,
  readFirstSheet,
  writeLedger,
} from '@county/kit';
import { GraphQLError } from 'graphql';
import { chinaDay } from '@county/domain';
import { reformEntities } from '../entities';
import { migrations } from '../migrations';
import { exportRequestRule, importRequestRule, parseLedgerRequest } from './ledger.request';
import { requireRegion } from './ledger.routes';
import { taskLedger } from './task-ledger';

const USAGE = `usage: npm run ledger -w services/reform -- export --year 2019 --out ledger.xlsx [--as-of 2019-09-30]
       npm run ledger -w services/reform -- import --year 2019 --file ledger.xlsx --region <division code>
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
      const params = { year: request.year, asOf: request.asOf ?? chinaDay() };
      const context = { em, directory, params };
      const file = await writeLedger(taskLedger, await taskLedger.records(context), context);
      await writeFile(fromCaller(values.out!), file);
      console.log(`wrote ${fromCaller(values.out!)} (${file.length} bytes)`);
      return 0;
    }
    const request = parseLedgerRequest(importRequestRule, {
      year: values.year,
      region: requireRegion(values.region),
    });
    // the same limits as an upload (IMPORT_MAX_*), so the command refuses what the route refuses
    const limits = importLimits();
    const sheet = await readFirstSheet(await readFile(fromCaller(values.file!)), limits);
    // the command writes as the reform office would, through the same write paths and rules
    const identity = new Identity('ledger-command', ['reform-office'], 'ledger command');
    const logger = createLogger('reform-ledger');
    const summary = await importLedger(taskLedger, sheet, request, {
      em,
      identity,
      directory,
      logger,
      limits,
    });
    console.log(
      `imported: ${summary.created} added, ${summary.updated} changed, ${summary.unchanged} unchanged`,
    );
    return 0;
  } finally {
    await orm.close(true);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const field = error instanceof GraphQLError ? ` (${String(error.extensions.field ?? '')})` : '';
    const rejected = error instanceof GraphQLError ? error.extensions.rejected : undefined;
    for (const r of Array.isArray(rejected) ? rejected : [])
      console.error(`${r.sheet} row ${r.row}, ${r.column} (${r.rule}): ${r.reason}`);
    // the first line says what went wrong; a database error's SQL and parameters stay out of the terminal
    console.error(
      `ledger: ${String((error as Error).message)
        .split('\n')[0]
        .slice(0, 300)}${field}`,
    );
    process.exit(1);
  },
);
