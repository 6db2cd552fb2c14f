import fs from 'node:fs';
import path from 'node:path';
import { checkNullableExtensions } from './nullable-extensions';

/**
 * Part of the schema package's build (so of `npm run build`, `npm start` and `npm test`): the committed
 * supergraph, or the file given, must keep every field one subgraph adds to another's entity nullable.
 */
const file = process.argv[2] ?? path.resolve(__dirname, '..', 'supergraph.graphql');
const { extensions, problems } = checkNullableExtensions(fs.readFileSync(file, 'utf8'));
if (problems.length) {
  console.error(
    `${path.relative(process.cwd(), file)}: ${problems.length} problem(s) with fields added to another subgraph's entity:`,
  );
  for (const problem of problems) console.error(`- ${problem}`);
  process.exit(1);
}
console.log(
  `nullable extensions: ${extensions.length} fields added to other subgraphs' entities, all nullable`,
);
