import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { DEFAULT_PROVINCE_CITY_COUNTIES } from '@county/demo-data';
import { DEFAULT_SUPERGRAPH_PATH, subgraphEnvName } from '@county/gateway';
import { ROOT } from '../src/paths';
import { SUBGRAPHS, GATEWAY_MAIN } from '../src/registry';

/**
 * docker-compose.yml, the Dockerfile and the PostgreSQL init script against the registry: what a
 * deployment relies on, checked without Docker. When the docker-compose binary is installed, the
 * file is also validated by it.
 */

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  restart?: string;
  environment?: Record<string, string | number | null>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition?: string }>;
  ports?: string[];
  volumes?: string[];
}

interface ComposeFile {
  version: string;
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const COMPOSE_FILE = path.join(ROOT, 'docker-compose.yml');
const INIT_SCRIPT = path.join(ROOT, 'deploy/postgres/create-subgraph-databases.sh');
const composeText = fs.readFileSync(COMPOSE_FILE, 'utf8');
const compose = load(composeText) as ComposeFile;
const envExample = parseEnvFile(fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8'));

/** `${NAME:?message}`: docker-compose refuses to start without the variable. */
const REQUIRED = /^\$\{([A-Z][A-Z0-9_]*):\?[^}]+\}$/;
const SECRET_NAME = /SECRET|PASSWORD|PASSPHRASE|PRIVATE_KEY|SIGNING_KEY|DIRECTORY_KEY|API_KEY|TOKEN/;

function parseEnvFile(text: string): { values: Record<string, string>; documented: Set<string> } {
  const values: Record<string, string> = {};
  const documented = new Set<string>();
  for (const line of text.split('\n')) {
    const match = /^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (!match) continue;
    documented.add(match[2]);
    if (!match[1]) values[match[2]] = match[3];
  }
  return { values, documented };
}

const upperName = (name: string) => name.toUpperCase().replace(/-/g, '_');

function service(name: string): ComposeService {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');
const healthcheckText = (s: ComposeService) => (s.healthcheck?.test ?? []).join(' ');

describe('docker-compose.yml', () => {
  it('uses the 3.8 file format, and restarts every service unless stopped (the one-shot publication aside)', () => {
    expect(compose.version).toBe('3.8');
    for (const [name, s] of Object.entries(compose.services)) {
      const restart = name === 'schema-publish' ? 'no' : 'unless-stopped';
      expect({ name, restart: s.restart }).toEqual({ name, restart });
    }
  });

  it('runs the schema registry on its own database, publishes the committed schemas once, and the gateway follows it', () => {
    const registry = service('registry');
    expect(String(registry.environment?.REGISTRY_DATABASE_URL)).toMatch(
      /^postgres:\/\/county_registry:\$\{REGISTRY_DATABASE_PASSWORD:\?[^}]+\}@postgres:5432\/county_registry$/,
    );
    expect(registry.environment?.SCHEMA_PUBLISHERS).toMatch(REQUIRED);
    expect(healthcheckText(registry)).toContain('127.0.0.1:4090/readyz');
    expect(fs.readFileSync(INIT_SCRIPT, 'utf8')).toMatch(/^\s+county_registry$/m);
    const publish = service('schema-publish');
    expect(publish.command).toEqual(['node', 'packages/registry/dist/publish-committed.js']);
    expect(publish.depends_on).toEqual({ registry: { condition: 'service_healthy' } });
    const gateway = service('gateway');
    expect(gateway.environment?.SUPERGRAPH_REGISTRY_URL).toBe(
      '${SUPERGRAPH_REGISTRY_URL:-http://registry:4090}',
    );
    expect(gateway.environment?.REGISTRY_USAGE_TOKEN).toBe(registry.environment?.REGISTRY_USAGE_TOKEN);
    // the gateway does not wait for the registry: without it, it serves the committed supergraph
    expect(Object.keys(gateway.depends_on ?? {})).not.toContain('registry');
  });

  it('runs PostgreSQL with a health check, a named volume and the database init script', () => {
    const postgres = service('postgres');
    expect(postgres.image).toMatch(/^postgres:\d+/);
    expect(postgres.healthcheck?.test.join(' ')).toContain('pg_isready');
    const dataVolume = (postgres.volumes ?? []).find((v) =>
      v.split(':')[1]?.startsWith('/var/lib/postgresql'),
    );
    expect(dataVolume).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(dataVolume!.split(':')[0]);
    expect(postgres.volumes).toContainEqual(
      expect.stringMatching(
        /^\.\/deploy\/postgres\/create-subgraph-databases\.sh:\/docker-entrypoint-initdb\.d\/[^:]+\.sh(:ro)?$/,
      ),
    );
  });

  describe.each(SUBGRAPHS.map((subgraph) => [subgraph.name, subgraph] as const))(
    'subgraph %s',
    (_, subgraph) => {
      const s = () => service(subgraph.name);

      it('runs its compiled entry point on its port, reachable by the gateway', () => {
        const [shell, flag, script] = s().command ?? [];
        expect([shell, flag]).toEqual(['sh', '-c']);
        // the seeder only with DEMO_DATA=true, and a failed seed stops the start; then the subgraph itself
        expect(script).toBe(
          `if [ "$$DEMO_DATA" = true ]; then node ${relative(subgraph.seed)} || exit 1; fi; ` +
            `exec node ${relative(subgraph.main)}`,
        );
        expect(s().environment).toMatchObject({ HOST: '0.0.0.0', PORT: String(subgraph.port) });
        expect(s().ports).toBeUndefined();
      });

      it('uses its own database on the compose PostgreSQL (or <NAME>_DATABASE_HOST), as the role that owns it, not the superuser', () => {
        const variable = `${upperName(subgraph.name)}_DATABASE_PASSWORD`;
        const server = `${upperName(subgraph.name)}_DATABASE`;
        expect(String(s().environment?.DATABASE_URL)).toBe(
          `postgres://${subgraph.database}:\${${variable}:?set ${variable} (see .env.example)}@\${${server}_HOST:-postgres}:\${${server}_PORT:-5432}/${subgraph.database}`,
        );
        expect(service('postgres').environment?.[variable]).toMatch(REQUIRED);
      });

      it('passes the demo settings to its seeder: counties, and the province, alone (0) and 3 counties a city by default', () => {
        expect(s().environment).toMatchObject({
          DEMO_DATA: '${DEMO_DATA:-false}',
          DEMO_COUNTIES: '${DEMO_COUNTIES:-1}',
          DEMO_PROVINCE_CITIES: '${DEMO_PROVINCE_CITIES:-0}',
          DEMO_PROVINCE_CITY_COUNTIES: `\${DEMO_PROVINCE_CITY_COUNTIES:-${DEFAULT_PROVINCE_CITY_COUNTIES}}`,
        });
      });

      it('has a health check on /readyz and waits for a healthy PostgreSQL', () => {
        expect(healthcheckText(s())).toContain(`http://127.0.0.1:${subgraph.port}/readyz`);
        expect(s().depends_on?.postgres?.condition).toBe('service_healthy');
      });

      it('trusts the gateway key, and signs towards the directory with a key of its own', () => {
        expect(s().environment?.GATEWAY_KEYS).toBe('${GATEWAY_KEYS:?set GATEWAY_KEYS (see .env.example)}');
        if (subgraph.name === 'people') {
          expect(s().environment?.DIRECTORY_CLIENT_KEYS).toMatch(REQUIRED);
        } else {
          const variable = `${upperName(subgraph.name)}_DIRECTORY_KEY`;
          expect(s().environment?.DIRECTORY_KEY).toBe(`\${${variable}:?set ${variable} (see .env.example)}`);
        }
        expect(service('gateway').environment?.IDENTITY_SIGNING_KEY).toMatch(REQUIRED);
        for (const s of Object.values(compose.services)) {
          expect(Object.keys(s.environment ?? {})).not.toContain('SUBGRAPH_SECRET');
        }
      });

      it('is routed to by the gateway, which waits for it to be healthy', () => {
        const gateway = service('gateway');
        expect(gateway.environment?.[subgraphEnvName(subgraph.name, 'URL')]).toBe(
          `http://${subgraph.name}:${subgraph.port}/graphql`,
        );
        expect(gateway.depends_on?.[subgraph.name]?.condition).toBe('service_healthy');
      });

      it('has its database created by the PostgreSQL init script', () => {
        const script = fs.readFileSync(INIT_SCRIPT, 'utf8');
        const list = /^SUBGRAPH_DATABASES=\(\n([\s\S]*?)\n\)$/m.exec(script);
        expect(list).not.toBeNull();
        const databases = list![1].split('\n').map((line) => line.trim());
        expect(databases).toContain(subgraph.database);
      });
    },
  );

  it('runs the gateway in production, with a health check, publishing the only port (local by default)', () => {
    const gateway = service('gateway');
    expect(gateway.command).toEqual(['node', relative(GATEWAY_MAIN)]);
    expect(gateway.environment).toMatchObject({ HOST: '0.0.0.0', PORT: '4000', NODE_ENV: 'production' });
    expect(healthcheckText(gateway)).toContain('http://127.0.0.1:4000/readyz');
    expect(gateway.ports).toEqual([expect.stringMatching(/^\$\{GATEWAY_BIND:-127\.0\.0\.1\}:.+:4000$/)]);
    const publishing = Object.entries(compose.services).filter(([, s]) => s.ports?.length);
    expect(publishing.map(([name]) => name)).toEqual(['gateway']);
  });

  it('passes exactly one of JWT_SECRET and JWT_JWKS_URL through from the environment', () => {
    // both are optional to the compose file and exclusive to the gateway: neither may be given a
    // value (an empty one counts as set), so both pass through only when the environment sets them
    const environment = service('gateway').environment ?? {};
    expect(environment).toHaveProperty('JWT_SECRET', null);
    expect(environment).toHaveProperty('JWT_JWKS_URL', null);
    expect(Boolean(envExample.values.JWT_SECRET) !== Boolean(envExample.values.JWT_JWKS_URL)).toBe(true);
    expect([...envExample.documented]).toEqual(expect.arrayContaining(['JWT_SECRET', 'JWT_JWKS_URL']));
  });

  it('holds no literal secret: every secret comes from a required variable or the environment', () => {
    for (const [name, s] of Object.entries(compose.services)) {
      for (const [key, value] of Object.entries(s.environment ?? {})) {
        if (SECRET_NAME.test(key)) {
          expect({ service: name, key, value }).toEqual({
            service: name,
            key,
            value: value === null ? null : expect.stringMatching(REQUIRED),
          });
        }
        // user:password@ in a URL: the password must be an interpolation too
        const literal = String(value ?? '').replace(/\$\{[^}]*\}/g, '');
        expect({ service: name, key, credentials: /:\/\/[^/@\s]*:[^/@\s]+@/.test(literal) }).toEqual({
          service: name,
          key,
          credentials: false,
        });
      }
    }
    // every secret variable, wherever it is interpolated (URLs included), is required
    const interpolations = [...composeText.matchAll(/\$\{([A-Z][A-Z0-9_]*)([^}]*)\}/g)];
    for (const [whole, variable, rest] of interpolations) {
      if (SECRET_NAME.test(variable))
        expect({ whole, required: rest.startsWith(':?') }).toEqual({ whole, required: true });
    }
  });

  it('documents every variable it reads in .env.example, with a placeholder for each required one', () => {
    const variables = new Set<string>();
    for (const [, variable] of composeText.matchAll(/\$\{([A-Z][A-Z0-9_]*)[^}]*\}/g)) variables.add(variable);
    for (const s of Object.values(compose.services)) {
      for (const [key, value] of Object.entries(s.environment ?? {})) if (value === null) variables.add(key);
    }
    expect([...variables].filter((v) => !envExample.documented.has(v))).toEqual([]);
    for (const [, variable] of composeText.matchAll(/\$\{([A-Z][A-Z0-9_]*):\?[^}]*\}/g)) {
      expect({ variable, placeholder: Boolean(envExample.values[variable]) }).toEqual({
        variable,
        placeholder: true,
      });
    }
  });

  it('is valid for docker-compose, when it is installed', () => {
    const version = spawnSync('docker-compose', ['version', '--short'], { encoding: 'utf8' });
    if (version.error) {
      console.log(
        'docker-compose is not installed: skipping `docker-compose config` (structure checked above)',
      );
      return;
    }
    const result = spawnSync('docker-compose', ['-f', COMPOSE_FILE, 'config', '-q'], {
      cwd: ROOT,
      encoding: 'utf8',
      // only .env.example's values: process variables win over an operator's .env
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...envExample.values },
    });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('documents the demo province in .env.example with the defaults the file falls back to', () => {
    expect(envExample.values).toMatchObject({
      DEMO_COUNTIES: '1',
      DEMO_PROVINCE_CITIES: '0',
      DEMO_PROVINCE_CITY_COUNTIES: String(DEFAULT_PROVINCE_CITY_COUNTIES),
    });
  });

  it('hands an operator-set demo province to every seeder, as docker-compose renders it (when it is installed)', () => {
    const version = spawnSync('docker-compose', ['version', '--short'], { encoding: 'utf8' });
    if (version.error) {
      console.log('docker-compose is not installed: skipping the rendered demo settings (checked above)');
      return;
    }
    const {
      DEMO_PROVINCE_CITIES: _cities,
      DEMO_PROVINCE_CITY_COUNTIES: _counties,
      ...unset
    } = envExample.values;
    /** Each seeder's [DEMO_COUNTIES, DEMO_PROVINCE_CITIES, DEMO_PROVINCE_CITY_COUNTIES] as rendered with `env`. */
    const rendered = (env: Record<string, string>) => {
      const result = spawnSync('docker-compose', ['-f', COMPOSE_FILE, 'config'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      });
      expect(result.stderr).toBe('');
      const { services } = load(result.stdout) as ComposeFile;
      return SUBGRAPHS.map(({ name }) => {
        const demo = services[name].environment ?? {};
        return [demo.DEMO_COUNTIES, demo.DEMO_PROVINCE_CITIES, demo.DEMO_PROVINCE_CITY_COUNTIES].map(String);
      });
    };
    const everySeeder = (values: string[]) => SUBGRAPHS.map(() => values);
    // not set at all: the city alone, and 3 counties a city should a province be asked for
    expect(rendered(unset)).toEqual(everySeeder(['1', '0', '3']));
    expect(rendered({ ...unset, DEMO_PROVINCE_CITIES: '4', DEMO_PROVINCE_CITY_COUNTIES: '2' })).toEqual(
      everySeeder(['1', '4', '2']),
    );
  });
});

describe('Dockerfile', () => {
  const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');

  it('builds on the Node LTS the tests also run on (package.json config.nodeLts), not on Node 20', () => {
    const { config } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      config: { nodeLts: string };
    };
    const image = /^ARG NODE_IMAGE=node:(\d+)-/m.exec(dockerfile)?.[1];
    expect(image).toBe(config.nodeLts.split('.')[0]);
    expect(Number(image)).toBeGreaterThan(20);
  });

  it('leaves the bench, the test kit, the embedded Redis and the Debian test servers out of the production image', () => {
    const build = /RUN npm run build[^\n]*(\n [^\n]*)*/.exec(dockerfile)?.[0] ?? '';
    expect(build).toContain('npm prune --omit=dev');
    for (const folder of [
      'packages/bench',
      'packages/test-kit',
      'packages/redis',
      'packages/debian-binaries',
    ])
      expect(build).toMatch(new RegExp(`rm -rf[^\\n]* ${folder} `));
    for (const manifest of ['packages/bench/package.json', 'packages/test-kit/package.json']) {
      const { dependencies = {} } = JSON.parse(fs.readFileSync(path.join(ROOT, manifest), 'utf8')) as {
        dependencies?: Record<string, string>;
      };
      // what they need is a development dependency, so the prune drops it
      expect(Object.keys(dependencies)).toEqual([]);
    }
  });

  it('copies every workspace manifest before installing, for the dependency layer', () => {
    const rootManifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      workspaces: string[];
    };
    const installAt = dockerfile.indexOf('RUN npm install --no-audit --no-fund');
    expect(installAt).toBeGreaterThan(0);
    const beforeInstall = dockerfile.slice(0, installAt);
    expect(beforeInstall).toMatch(/^COPY package\.json package-lock\.json \.\/$/m);
    for (const pattern of rootManifest.workspaces) {
      const dirs = pattern.endsWith('/*')
        ? fs
            .readdirSync(path.join(ROOT, pattern.slice(0, -2)))
            .map((dir) => `${pattern.slice(0, -2)}/${dir}`)
            .filter((dir) => fs.existsSync(path.join(ROOT, dir, 'package.json')))
        : [pattern];
      for (const dir of dirs) expect(beforeInstall).toContain(`COPY ${dir}/package.json ${dir}/\n`);
    }
  });

  it('puts the supergraph the gateway reads into the image', () => {
    expect(relative(DEFAULT_SUPERGRAPH_PATH)).toBe('schema/supergraph.graphql');
    expect(dockerfile).toMatch(/^COPY schema schema$/m);
    const ignored = fs
      .readFileSync(path.join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    expect(ignored.filter((line) => /schema|graphql/.test(line))).toEqual([]);
  });

  it('runs as a non-root user in production', () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(runtime).toMatch(/^USER (?!root)\S+$/m);
    expect(runtime).toMatch(/NODE_ENV=production/);
  });
});
