import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../paths';
import { DIRECTORY_SUBGRAPH, type SubgraphEntry } from '../registry';
import { kubernetesFiles } from './kubernetes';
import { replaceRegion } from './regions';

/** PILOTS for pilots, GOV_SERVICES for gov-services: the prefix of a subgraph's variables. */
export const variablePrefix = (name: string) => name.toUpperCase().replace(/[^A-Z0-9]/g, '_');

const required = (variable: string) => `\${${variable}:?set ${variable} (see .env.example)}`;

/** One subgraph's service in docker-compose.yml. */
function composeService(entry: SubgraphEntry, directoryPort: number): string[] {
  const prefix = variablePrefix(entry.name);
  const directory =
    entry.name === DIRECTORY_SUBGRAPH
      ? [`      DIRECTORY_CLIENT_KEYS: ${required('DIRECTORY_CLIENT_KEYS')}`]
      : [
          `      DIRECTORY_URL: http://${DIRECTORY_SUBGRAPH}:${directoryPort}/graphql`,
          `      DIRECTORY_KEY: ${required(`${prefix}_DIRECTORY_KEY`)}`,
        ];
  return [
    `  ${entry.name}:`,
    '    <<: *app',
    '    # with DEMO_DATA=true its demo seeder (a process of its own) loads the demo first',
    '    command:',
    '      [',
    "        'sh',",
    "        '-c',",
    `        'if [ "$$DEMO_DATA" = true ]; then node services/${entry.name}/dist/seeders/main.js || exit 1; fi; exec node services/${entry.name}/dist/main.js',`,
    '      ]',
    '    environment:',
    '      HOST: 0.0.0.0',
    `      PORT: '${entry.port}'`,
    '      # its own role, owner of its own database only (deploy/postgres/create-subgraph-databases.sh), on the',
    `      # compose file's server unless ${prefix}_DATABASE_HOST (and _PORT) name a server of its own`,
    `      DATABASE_URL: postgres://${entry.database}:${required(`${prefix}_DATABASE_PASSWORD`)}@\${${prefix}_DATABASE_HOST:-postgres}:\${${prefix}_DATABASE_PORT:-5432}/${entry.database}`,
    `      GATEWAY_KEYS: ${required('GATEWAY_KEYS')}`,
    ...directory,
    "      # the audit chain's checkpoints, signed with a key PostgreSQL never sees, on a volume of their own",
    `      AUDIT_ANCHOR_KEY: ${required(`${prefix}_AUDIT_ANCHOR_KEY`)}`,
    '      AUDIT_CHECKPOINT_DIR: /var/lib/county/audit',
    '      DEMO_DATA: ${DEMO_DATA:-false}',
    '      DEMO_COUNTIES: ${DEMO_COUNTIES:-1}',
    '      # the demo city in the province 990000 with n - 1 further cities of that many counties each (0: alone)',
    '      DEMO_PROVINCE_CITIES: ${DEMO_PROVINCE_CITIES:-0}',
    '      DEMO_PROVINCE_CITY_COUNTIES: ${DEMO_PROVINCE_CITY_COUNTIES:-3}',
    '      LOG_LEVEL: ${LOG_LEVEL:-info}',
    '    healthcheck:',
    '      test:',
    '        [',
    "          'CMD',",
    "          'node',",
    "          '-e',",
    `          "fetch('http://127.0.0.1:${entry.port}/readyz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))",`,
    '        ]',
    '      interval: 10s',
    '      timeout: 5s',
    '      retries: 5',
    '      # migrations (the demo seeder ran before)',
    '      start_period: 120s',
    '    depends_on:',
    '      postgres:',
    '        condition: service_healthy',
    ...(entry.name === DIRECTORY_SUBGRAPH
      ? []
      : [`      ${DIRECTORY_SUBGRAPH}:`, '        condition: service_healthy']),
    '    volumes:',
    `      - ${entry.name}-audit:/var/lib/county/audit`,
    '    networks:',
    '      - backend',
    '',
  ];
}

/** Every workspace folder (a package.json under packages/*, services/*, or a top-level workspace). */
export function workspaceFolders(root = ROOT): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    workspaces: string[];
  };
  return manifest.workspaces.flatMap((pattern) =>
    pattern.endsWith('/*')
      ? fs
          .readdirSync(path.join(root, pattern.slice(0, -2)))
          .sort()
          .map((dir) => `${pattern.slice(0, -2)}/${dir}`)
          .filter((dir) => fs.existsSync(path.join(root, dir, 'package.json')))
      : [pattern],
  );
}

/**
 * What a deployment names per subgraph, written from the registry: docker-compose.yml, its PostgreSQL init
 * script, .env.example, the Dockerfile's manifest layer and schema/package.json. Adding a subgraph is its
 * folder and one line in the registry; `npm run compose` writes the rest (packages/platform/test/
 * deployment-files.test.ts keeps the committed files equal to what this writes).
 */
export function deploymentFiles(registry: SubgraphEntry[], root = ROOT): Map<string, string> {
  const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
  const directoryPort = registry.find((entry) => entry.name === DIRECTORY_SUBGRAPH)?.port ?? 0;
  const files = new Map<string, string>();
  const prefixes = registry.map((entry) => variablePrefix(entry.name));
  const clients = registry.filter((entry) => entry.name !== DIRECTORY_SUBGRAPH);

  let compose = read('docker-compose.yml');
  compose = replaceRegion(
    compose,
    'docker-compose.yml',
    'database passwords',
    prefixes.map((p) => `      ${p}_DATABASE_PASSWORD: ${required(`${p}_DATABASE_PASSWORD`)}`),
  );
  compose = replaceRegion(
    compose,
    'docker-compose.yml',
    'subgraph services',
    registry.flatMap((entry) => composeService(entry, directoryPort)),
  );
  compose = replaceRegion(
    compose,
    'docker-compose.yml',
    'subgraph urls',
    registry.map((e) => `      SUBGRAPH_${variablePrefix(e.name)}_URL: http://${e.name}:${e.port}/graphql`),
  );
  compose = replaceRegion(
    compose,
    'docker-compose.yml',
    'subgraphs the gateway waits for',
    registry.flatMap((e) => [`      ${e.name}:`, '        condition: service_healthy']),
  );
  compose = replaceRegion(
    compose,
    'docker-compose.yml',
    'audit volumes',
    registry.map((e) => `  ${e.name}-audit:`),
  );
  files.set('docker-compose.yml', compose);

  files.set(
    'deploy/postgres/create-subgraph-databases.sh',
    replaceRegion(
      read('deploy/postgres/create-subgraph-databases.sh'),
      'deploy/postgres/create-subgraph-databases.sh',
      'databases',
      registry.map((e) => `  ${e.database}`),
    ),
  );

  let env = read('.env.example');
  env = replaceRegion(
    env,
    '.env.example',
    'database passwords',
    // a department's database on a server of its own: its host and port (the compose file's server by default)
    prefixes.flatMap((p) => [
      `${p}_DATABASE_PASSWORD=replace-me`,
      `# ${p}_DATABASE_HOST=postgres`,
      `# ${p}_DATABASE_PORT=5432`,
    ]),
  );
  env = replaceRegion(
    env,
    '.env.example',
    'directory keys',
    clients.map((e) => `${variablePrefix(e.name)}_DIRECTORY_KEY=replace-me`),
  );
  env = replaceRegion(
    env,
    '.env.example',
    'audit anchor keys',
    prefixes.map((p) => `${p}_AUDIT_ANCHOR_KEY=replace-me`),
  );
  files.set('.env.example', env);

  files.set(
    'Dockerfile',
    replaceRegion(
      read('Dockerfile'),
      'Dockerfile',
      'workspace manifests',
      workspaceFolders(root).map((dir) => `COPY ${dir}/package.json ${dir}/`),
    ),
  );

  const schema = JSON.parse(read('schema/package.json')) as { dependencies: Record<string, string> };
  // every subgraph package is the registry's to list: one removed from it leaves schema/ too
  const others = Object.entries(schema.dependencies).filter(([name]) => !isService(root, name));
  schema.dependencies = Object.fromEntries(
    [...others, ...registry.map((e) => [`@county/${e.name}`, '0.1.0'] as [string, string])].sort(([a], [b]) =>
      a.localeCompare(b),
    ),
  );
  files.set('schema/package.json', `${JSON.stringify(schema, null, 2)}\n`);
  return files;
}

/** A @county package that is a subgraph (services/<name>): schema/ depends on exactly the registered ones. */
const isService = (root: string, packageName: string) =>
  fs.existsSync(path.join(root, 'services', packageName.replace('@county/', ''), 'package.json'));

/** Writes the files whose content differs; resolves with the paths written. */
export function writeDeploymentFiles(registry: SubgraphEntry[], root = ROOT): string[] {
  const written: string[] = [];
  for (const [file, content] of [...deploymentFiles(registry, root), ...kubernetesFiles(registry)]) {
    const target = path.join(root, file);
    if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === content) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
    written.push(file);
  }
  return written;
}
