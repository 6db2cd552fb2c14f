import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { deploymentFiles, SUBGRAPHS, type SubgraphEntry } from '../src';
import { ROOT } from '../src/paths';

/**
 * What a deployment names per subgraph is written from the registry by `npm run compose`: the committed
 * files are what it writes, and a subgraph added to the registry (one line) appears in every one of them.
 */

const FILES = [
  'docker-compose.yml',
  '.env.example',
  'deploy/postgres/create-subgraph-databases.sh',
  'Dockerfile',
  'schema/package.json',
];

describe('deployment files written from the registry', () => {
  it('are committed as npm run compose writes them', () => {
    const files = deploymentFiles(SUBGRAPHS);
    expect([...files.keys()].sort()).toEqual([...FILES].sort());
    for (const [file, content] of files)
      expect({ file, content }).toEqual({ file, content: fs.readFileSync(path.join(ROOT, file), 'utf8') });
  });

  describe('a probe subgraph registered with one line', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-probe-'));
    const probe: SubgraphEntry = {
      name: 'probe-x',
      database: 'county_probe_x',
      port: 4099,
      main: '',
      seed: '',
    };
    let files: Map<string, string>;

    beforeAll(() => {
      // a copy of the repository's files, plus the new subgraph's folder
      for (const file of [...FILES, 'package.json']) {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.copyFileSync(path.join(ROOT, file), path.join(root, file));
      }
      for (const dir of ['packages', 'services'])
        for (const name of fs.readdirSync(path.join(ROOT, dir)))
          if (fs.existsSync(path.join(ROOT, dir, name, 'package.json'))) {
            fs.mkdirSync(path.join(root, dir, name), { recursive: true });
            fs.copyFileSync(
              path.join(ROOT, dir, name, 'package.json'),
              path.join(root, dir, name, 'package.json'),
            );
          }
      fs.mkdirSync(path.join(root, 'services', probe.name), { recursive: true });
      fs.writeFileSync(path.join(root, 'services', probe.name, 'package.json'), '{"name":"@county/probe-x"}');
      files = deploymentFiles([...SUBGRAPHS, probe], root);
    });
    afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

    it('runs in docker-compose on its port, as its own database role, trusted by the gateway and waited for', () => {
      const compose = yaml.load(files.get('docker-compose.yml')!) as {
        services: Record<
          string,
          {
            environment: Record<string, string>;
            depends_on: Record<string, unknown>;
            command: string[];
            volumes?: string[];
          }
        >;
        volumes: Record<string, unknown>;
      };
      const service = compose.services[probe.name];
      expect(service.environment).toMatchObject({
        PORT: '4099',
        DATABASE_URL:
          'postgres://county_probe_x:${PROBE_X_DATABASE_PASSWORD:?set PROBE_X_DATABASE_PASSWORD (see .env.example)}@${PROBE_X_DATABASE_HOST:-postgres}:${PROBE_X_DATABASE_PORT:-5432}/county_probe_x',
        DIRECTORY_URL: 'http://people:4001/graphql',
        DIRECTORY_KEY: '${PROBE_X_DIRECTORY_KEY:?set PROBE_X_DIRECTORY_KEY (see .env.example)}',
        AUDIT_ANCHOR_KEY: '${PROBE_X_AUDIT_ANCHOR_KEY:?set PROBE_X_AUDIT_ANCHOR_KEY (see .env.example)}',
      });
      expect(service.command.join(' ')).toContain('exec node services/probe-x/dist/main.js');
      expect(service.volumes).toEqual(['probe-x-audit:/var/lib/county/audit']);
      expect(Object.keys(service.depends_on)).toEqual(['postgres', 'people']);
      expect(compose.services.postgres.environment).toHaveProperty('PROBE_X_DATABASE_PASSWORD');
      expect(compose.services.gateway.environment.SUBGRAPH_PROBE_X_URL).toBe('http://probe-x:4099/graphql');
      expect(compose.services.gateway.depends_on).toHaveProperty(probe.name);
      expect(compose.volumes).toHaveProperty('probe-x-audit');
      // the subgraphs already there are written exactly as before
      for (const entry of SUBGRAPHS)
        expect(compose.services[entry.name]).toEqual(
          (yaml.load(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as typeof compose)
            .services[entry.name],
        );
    });

    it('gets its database, its variables, its manifest layer and its place in the composition', () => {
      expect(files.get('deploy/postgres/create-subgraph-databases.sh')).toMatch(/^ {2}county_probe_x$/m);
      for (const variable of [
        'PROBE_X_DATABASE_PASSWORD',
        'PROBE_X_DIRECTORY_KEY',
        'PROBE_X_AUDIT_ANCHOR_KEY',
      ])
        expect(files.get('.env.example')).toMatch(new RegExp(`^${variable}=replace-me$`, 'm'));
      expect(files.get('Dockerfile')).toContain('COPY services/probe-x/package.json services/probe-x/\n');
      const schema = JSON.parse(files.get('schema/package.json')!) as {
        dependencies: Record<string, string>;
      };
      expect(schema.dependencies).toHaveProperty('@county/probe-x');
    });

    it('leaves every file but the Dockerfile (which follows the folders) without it once its line is gone', () => {
      const without = deploymentFiles(SUBGRAPHS, root);
      for (const [file, content] of without)
        if (file !== 'Dockerfile')
          expect({ file, probe: content.includes('probe') }).toEqual({ file, probe: false });
      expect(without.get('.env.example')).toBe(fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8'));
    });
  });
});
