import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { createTestDatabase } from '@county/test-kit';
import { SUBGRAPHS, variablePrefix, type SubgraphEntry } from '../src';
import { ROOT } from '../src/paths';
import { kubernetesFiles, kubernetesSecrets } from '../src/deployment/kubernetes';

/**
 * deploy/k8s is written from the registry (npm run compose). No cluster, kubectl or kustomize here: the
 * manifests are checked structurally, as kustomize and the API server would read them (every resource a
 * kustomization names exists, every Secret, ConfigMap, Service, claim and scale target referenced is
 * there, every workload has probes and resources).
 */
const K8S = path.join(ROOT, 'deploy/k8s');
type Doc = Record<string, any>;

const load = (files: Map<string, string>, prefix: string): Doc[] =>
  [...files]
    .filter(
      ([file]) => file.startsWith(prefix) && file.endsWith('.yaml') && !file.endsWith('kustomization.yaml'),
    )
    .flatMap(([, content]) => yaml.loadAll(content) as Doc[]);

const files = kubernetesFiles(SUBGRAPHS);
const base = load(files, 'deploy/k8s/base/');
const of = (kind: string) => base.filter((doc) => doc.kind === kind);
/** The object of that kind and name (undefined when there is none: `toBeDefined` checks it). */
const named = (kind: string, name: string) => of(kind).find((doc) => doc.metadata.name === name) as Doc;
const workloads = () => [...of('Deployment'), ...of('Job')];
const containers = (doc: Doc): Doc[] => doc.spec.template.spec.containers;

describe('Kubernetes manifests (deploy/k8s)', () => {
  it('are committed as npm run compose writes them, and nothing else is there', () => {
    const committed = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((entry) =>
          entry.isDirectory() ? committed(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
        );
    expect(
      committed(K8S)
        .map((file) => path.relative(ROOT, file))
        .sort(),
    ).toEqual([...files.keys()].sort());
    for (const [file, content] of files)
      expect({ file, content }).toEqual({ file, content: fs.readFileSync(path.join(ROOT, file), 'utf8') });
  });

  it('run every subgraph of the registry and the gateway, each with a Service and a disruption budget', () => {
    for (const entry of SUBGRAPHS) {
      const deployment = named('Deployment', entry.name);
      expect(containers(deployment)[0].command).toEqual(['node', `services/${entry.name}/dist/main.js`]);
      expect(named('Service', entry.name).spec.ports[0].port).toBe(entry.port);
      expect(named('PodDisruptionBudget', entry.name).spec.minAvailable).toBe(1);
      expect(named('Job', `${entry.name}-migrate`)).toBeDefined();
      // the gateway reaches it through its Service, on its port
      const env = containers(named('Deployment', 'gateway'))[0].env;
      expect(env).toContainEqual({
        name: `SUBGRAPH_${variablePrefix(entry.name)}_URL`,
        value: `http://${entry.name}:${entry.port}/graphql`,
      });
    }
    expect(named('PodDisruptionBudget', 'gateway')).toBeDefined();
    expect(named('Service', 'gateway')).toBeDefined();
  });

  it('probe readiness on /readyz and liveness on /healthz, with requests and limits, in every Deployment', () => {
    for (const deployment of of('Deployment')) {
      for (const container of containers(deployment)) {
        expect(container.readinessProbe).toBeDefined();
        expect(container.livenessProbe).toBeDefined();
        expect(Object.keys(container.resources.requests).sort()).toEqual(['cpu', 'memory']);
        expect(Object.keys(container.resources.limits).sort()).toEqual(['cpu', 'memory']);
        if (deployment.metadata.name === 'redis') continue;
        const port = container.ports[0].containerPort;
        expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port });
        expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port });
      }
      // a rolling update never takes the last ready replica away
      if (deployment.spec.replicas > 1) expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
    }
  });

  it('reference only Secrets, keys, ConfigMaps, Services, claims and targets that exist', () => {
    const secrets = new Map(kubernetesSecrets(SUBGRAPHS).map((s) => [s.name, s.keys]));
    const services = new Map(of('Service').map((s) => [s.metadata.name, s.spec.ports[0].port]));
    const readme = files.get('deploy/k8s/README.md')!;
    for (const workload of workloads()) {
      const pod = workload.spec.template.spec;
      for (const container of pod.containers) {
        for (const variable of container.env ?? []) {
          const ref = variable.valueFrom?.secretKeyRef;
          if (ref) {
            expect({ variable: variable.name, keys: secrets.get(ref.name) }).toEqual({
              variable: variable.name,
              keys: expect.arrayContaining([ref.key]),
            });
            expect(readme).toContain(`\`${ref.name}\`: `);
          }
          // an address inside the deployment names a Service and its port
          const inside = /^(?:https?|redis):\/\/([a-z-]+):(\d+)/.exec(variable.value ?? '');
          if (inside)
            expect({ url: variable.value, port: services.get(inside[1]) }).toEqual({
              url: variable.value,
              port: Number(inside[2]),
            });
          // a key, token, password or database URL is never written into the manifest
          if (/SECRET|PASSWORD|TOKEN|_KEYS?$|DATABASE_URL/.test(variable.name))
            expect({ variable: variable.name, value: variable.value }).toEqual({
              variable: variable.name,
              value: undefined,
            });
        }
        for (const from of container.envFrom ?? [])
          expect(named('ConfigMap', from.configMapRef.name)).toBeDefined();
      }
      for (const volume of pod.volumes ?? [])
        expect(named('PersistentVolumeClaim', volume.persistentVolumeClaim.claimName)).toBeDefined();
    }
    for (const selecting of [...of('Service'), ...of('PodDisruptionBudget')]) {
      const selector = selecting.spec.selector.matchLabels ?? selecting.spec.selector;
      const target = of('Deployment').find((d) =>
        Object.entries(selector).every(([k, v]) => d.spec.template.metadata.labels[k] === v),
      );
      expect({ selecting: selecting.metadata.name, target: target?.metadata.name }).toEqual({
        selecting: selecting.metadata.name,
        target: selecting.metadata.name,
      });
    }
    const hpa = named('HorizontalPodAutoscaler', 'gateway');
    expect(named(hpa.spec.scaleTargetRef.kind, hpa.spec.scaleTargetRef.name)).toBeDefined();
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
  });

  it('migrate in a Job per subgraph, through the kit (advisory lock), with that subgraph’s database', () => {
    for (const entry of SUBGRAPHS) {
      const [container] = containers(named('Job', `${entry.name}-migrate`));
      expect(container.command).toEqual(['node', 'packages/platform/dist/deployment/migrate.js']);
      expect(container.env).toEqual([
        { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: entry.name, key: 'DATABASE_URL' } } },
        { name: 'SUBGRAPH', value: entry.name },
      ]);
    }
    expect(fs.existsSync(path.join(ROOT, 'packages/platform/src/deployment/migrate.ts'))).toBe(true);
  });

  it('form kustomizations whose resources exist, and overlays that scale and patch objects of the base', () => {
    const kustomizations = [...files].filter(([file]) => file.endsWith('kustomization.yaml'));
    expect(kustomizations.map(([file]) => file).sort()).toEqual([
      'deploy/k8s/base/kustomization.yaml',
      'deploy/k8s/overlays/city/kustomization.yaml',
      'deploy/k8s/overlays/county/kustomization.yaml',
    ]);
    for (const [file, content] of kustomizations) {
      const kustomization = yaml.load(content) as Doc;
      for (const resource of kustomization.resources)
        expect(fs.existsSync(path.join(ROOT, path.dirname(file), resource))).toBe(true);
      for (const { name } of kustomization.replicas ?? []) expect(named('Deployment', name)).toBeDefined();
      for (const { target } of kustomization.patches ?? [])
        expect(named(target.kind, target.name)).toBeDefined();
      if (file.includes('overlays')) expect(kustomization.namespace).toMatch(/^county-graph-/);
    }
    const baseList = (yaml.load(files.get('deploy/k8s/base/kustomization.yaml')!) as Doc).resources;
    expect(baseList.sort()).toEqual(
      [...files.keys()]
        .filter((f) => f.startsWith('deploy/k8s/base/') && !f.endsWith('kustomization.yaml'))
        .map((f) => path.basename(f))
        .sort(),
    );
  });

  it('name a subgraph added to the registry with one line', () => {
    const probe: SubgraphEntry = {
      name: 'probe-x',
      database: 'county_probe_x',
      port: 4099,
      main: '',
      seed: '',
    };
    const grown = kubernetesFiles([...SUBGRAPHS, probe]);
    const docs = yaml.loadAll(grown.get('deploy/k8s/base/probe-x.yaml')!) as Doc[];
    expect(docs.map((d) => d.kind).sort()).toEqual(
      ['Deployment', 'Job', 'PersistentVolumeClaim', 'PodDisruptionBudget', 'Service'].sort(),
    );
    expect(grown.get('deploy/k8s/base/kustomization.yaml')).toContain('- probe-x.yaml');
    expect(grown.get('deploy/k8s/base/gateway.yaml')).toContain('http://probe-x:4099/graphql');
    expect(grown.get('deploy/k8s/overlays/city/kustomization.yaml')).toContain('name: probe-x');
    expect(grown.get('deploy/k8s/README.md')).toContain('probe-x: `county_probe_x`');
  });
});

describe('the migration Job’s command (built: packages/platform/dist/deployment/migrate.js)', () => {
  it('applies a subgraph’s migrations once, names what it applied, and says what is missing', async () => {
    const database = await createTestDatabase('k8s_migrate');
    const script = path.join(ROOT, 'packages/platform/dist/deployment/migrate.js');
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, [script], {
        env: { ...process.env, ...env },
        encoding: 'utf8',
        timeout: 60_000,
      });
    try {
      const first = run({ SUBGRAPH: 'pilots', DATABASE_URL: database.url });
      expect(first.status).toBe(0);
      expect(JSON.parse(first.stdout).applied.length).toBeGreaterThan(0);
      const again = run({ SUBGRAPH: 'pilots', DATABASE_URL: database.url });
      expect(JSON.parse(again.stdout).applied).toEqual([]);
      const missing = run({ SUBGRAPH: '', DATABASE_URL: database.url });
      expect(missing.status).toBe(1);
      expect(missing.stderr).toMatch(/set SUBGRAPH/);
    } finally {
      await database.drop();
    }
  }, 120_000);
});
