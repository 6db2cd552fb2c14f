import fs from 'node:fs';
import path from 'node:path';
import { SUBGRAPHS as REGISTRY } from '@county/platform';
import { SUBGRAPHS } from '../src/subgraphs';

/**
 * The registry (packages/platform/src/registry.ts) is the one list of subgraphs, their ports and their
 * databases. What cannot import it is checked against it here; docker-compose.yml, its PostgreSQL init
 * script and the Dockerfile's runtime are checked in packages/platform/test/compose-file.test.ts.
 */

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const upper = (name: string) => name.toUpperCase().replace(/[^A-Z0-9]/g, '_');

describe('the subgraph registry', () => {
  it('registers every subgraph folder, and nothing else', () => {
    const folders = fs
      .readdirSync(path.join(ROOT, 'services'))
      .filter((dir) => fs.existsSync(path.join(ROOT, 'services', dir, 'src/subgraph.ts')));
    expect(REGISTRY.map((s) => s.name).sort()).toEqual(folders.sort());
  });

  it('gives each subgraph its own port and its own database', () => {
    expect(new Set(REGISTRY.map((s) => s.port)).size).toBe(REGISTRY.length);
    expect(new Set(REGISTRY.map((s) => s.database)).size).toBe(REGISTRY.length);
  });

  it('is what schema/src/subgraphs.ts composes, in its order and on its ports', () => {
    expect(SUBGRAPHS.map((s) => ({ name: s.definition.name, url: s.url }))).toEqual(
      REGISTRY.map((s) => ({ name: s.name, url: `http://127.0.0.1:${s.port}/graphql` })),
    );
  });

  it('routes the committed supergraph to the registered ports', () => {
    const graphs = [
      ...read('schema/supergraph.graphql').matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]*)"\)/g),
    ].map(([, name, url]) => ({ name, url }));
    expect(graphs).toEqual(
      expect.arrayContaining(
        REGISTRY.map((s) => ({ name: s.name, url: `http://127.0.0.1:${s.port}/graphql` })),
      ),
    );
    expect(graphs).toHaveLength(REGISTRY.length);
  });

  it('is a dependency of schema/, so the build compiles each subgraph before composing', () => {
    const manifest = JSON.parse(read('schema/package.json')) as { dependencies: Record<string, string> };
    for (const { name } of REGISTRY) expect(Object.keys(manifest.dependencies)).toContain(`@county/${name}`);
  });

  it('resolves each subgraph to its sources in jest and in the tests type-check', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const jest = require(path.join(ROOT, 'jest.config.js')) as { moduleNameMapper: Record<string, string[]> };
    const tsconfig = JSON.parse(read('tsconfig.test.json')) as {
      compilerOptions: { paths: Record<string, string[]> };
    };
    for (const { name } of REGISTRY) {
      const mapped = Object.entries(jest.moduleNameMapper).flatMap(([pattern, targets]) => {
        const match = new RegExp(pattern).exec(`@county/${name}`);
        return match ? [targets].flat().map((t) => t.replace('<rootDir>', ROOT).replace('$1', match[1])) : [];
      });
      expect(mapped.filter((dir) => fs.existsSync(dir))[0]).toBe(path.join(ROOT, 'services', name, 'src'));
      const paths =
        tsconfig.compilerOptions.paths[`@county/${name}`] ?? tsconfig.compilerOptions.paths['@county/*'];
      expect(paths.map((p) => p.replace('*', name)).find((p) => fs.existsSync(path.join(ROOT, p)))).toBe(
        `services/${name}/src`,
      );
    }
  });

  it.each(REGISTRY.map((s) => [s.name, s] as const))(
    '%s: deploy/postgres, .env.example and the Dockerfile name it',
    (_, subgraph) => {
      const databases = /^SUBGRAPH_DATABASES=\(\n([\s\S]*?)\n\)$/m
        .exec(read('deploy/postgres/create-subgraph-databases.sh'))?.[1]
        .split('\n')
        .map((line) => line.trim());
      expect(databases).toContain(subgraph.database);
      expect(read('.env.example')).toMatch(
        new RegExp(`^${upper(subgraph.name)}_DATABASE_PASSWORD=\\S+$`, 'm'),
      );
      if (subgraph.name !== 'people')
        expect(read('.env.example')).toMatch(new RegExp(`^${upper(subgraph.name)}_DIRECTORY_KEY=\\S+$`, 'm'));
      expect(read('Dockerfile')).toContain(
        `COPY services/${subgraph.name}/package.json services/${subgraph.name}/\n`,
      );
    },
  );
});
