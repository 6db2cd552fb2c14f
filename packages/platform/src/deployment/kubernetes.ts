import YAML from 'yaml';
import { DIRECTORY_SUBGRAPH, type SubgraphEntry } from '../registry';
import { variablePrefix } from './deployment-files';

/**
 * Kubernetes manifests under deploy/k8s, written from the registry by `npm run compose` beside
 * docker-compose.yml: a kustomize base (every subgraph and the gateway, Redis, a migration Job per subgraph)
 * and two overlays (county, city) that set the namespace, the image and the replicas. Secret values are
 * never written: Deployments name Secrets and keys (`kubernetesSecrets`), which the operator creates.
 */

type Manifest = Record<string, unknown>;

const GATEWAY_PORT = 4000;
const REDIS_PORT = 6379;
const IMAGE = 'county-governance-graph';
const PART_OF = 'county-governance-graph';
const CONFIG = 'county-config';
const HEADER =
  '# Written by `npm run compose` from packages/platform/src/registry.ts (packages/platform/src/deployment/kubernetes.ts): do not edit.\n';

/** A Secret the manifests read, and the keys they read from it. */
export interface KubernetesSecret {
  name: string;
  keys: string[];
}

/** The Secrets the operator creates (values never committed), one per subgraph and one for the gateway. */
export function kubernetesSecrets(registry: SubgraphEntry[]): KubernetesSecret[] {
  return [
    { name: 'gateway', keys: ['JWT_JWKS_URL', 'IDENTITY_SIGNING_KEY', 'METRICS_TOKEN'] },
    ...registry.map((entry) => ({
      name: entry.name,
      keys: [
        'DATABASE_URL',
        'GATEWAY_KEYS',
        entry.name === DIRECTORY_SUBGRAPH ? 'DIRECTORY_CLIENT_KEYS' : 'DIRECTORY_KEY',
        'AUDIT_ANCHOR_KEY',
      ],
    })),
  ];
}

const labels = (name: string, component: string) => ({
  'app.kubernetes.io/name': name,
  'app.kubernetes.io/component': component,
});
const fromSecret = (secret: string, key: string) => ({
  name: key,
  valueFrom: { secretKeyRef: { name: secret, key } },
});
const value = (name: string, text: string) => ({ name, value: text });

function probes(port: number, startupSeconds: number) {
  const get = (path: string) => ({ httpGet: { path, port } });
  return {
    // migrations (waiting on the advisory lock while another replica or the Job applies them) come first
    startupProbe: { ...get('/healthz'), periodSeconds: 5, failureThreshold: Math.ceil(startupSeconds / 5) },
    readinessProbe: { ...get('/readyz'), periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 2 },
    livenessProbe: { ...get('/healthz'), periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 },
  };
}

function deployment(options: {
  name: string;
  component: string;
  command: string[];
  port: number;
  env: Manifest[];
  resources: Manifest;
  startupSeconds: number;
  extra?: Manifest;
  volumes?: { name: string; mountPath: string; claim: string }[];
}): Manifest {
  const { name, component, port, volumes = [] } = options;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels: labels(name, component) },
    spec: {
      replicas: 2,
      selector: { matchLabels: { 'app.kubernetes.io/name': name } },
      // a replica goes only once its successor answers /readyz: the load balancer always has one
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: { labels: labels(name, component) },
        spec: {
          securityContext: { runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000 },
          // SIGTERM: in-flight requests finish (SHUTDOWN_TIMEOUT_MS) before the pod is killed
          terminationGracePeriodSeconds: 30,
          containers: [
            {
              name,
              image: IMAGE,
              command: options.command,
              ports: [{ name: 'http', containerPort: port }],
              envFrom: [{ configMapRef: { name: CONFIG } }],
              env: options.env,
              resources: options.resources,
              ...probes(port, options.startupSeconds),
              securityContext: { allowPrivilegeEscalation: false },
              ...(volumes.length
                ? {
                    volumeMounts: volumes.map(({ name: volume, mountPath }) => ({ name: volume, mountPath })),
                  }
                : {}),
            },
          ],
          ...(volumes.length
            ? {
                volumes: volumes.map(({ name: volume, claim }) => ({
                  name: volume,
                  persistentVolumeClaim: { claimName: claim },
                })),
              }
            : {}),
          ...options.extra,
        },
      },
    },
  };
}

const service = (name: string, component: string, port: number): Manifest => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, labels: labels(name, component) },
  spec: {
    selector: { 'app.kubernetes.io/name': name },
    ports: [{ name: 'http', port, targetPort: port }],
  },
});

const disruptionBudget = (name: string, component: string): Manifest => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name, labels: labels(name, component) },
  spec: { minAvailable: 1, selector: { matchLabels: { 'app.kubernetes.io/name': name } } },
});

const resources = (cpu: string, memory: string, cpuLimit: string, memoryLimit: string) => ({
  requests: { cpu, memory },
  limits: { cpu: cpuLimit, memory: memoryLimit },
});

function subgraphManifests(entry: SubgraphEntry, directory: SubgraphEntry | undefined): Manifest[] {
  const { name, port } = entry;
  const directoryEnv =
    name === DIRECTORY_SUBGRAPH
      ? [fromSecret(name, 'DIRECTORY_CLIENT_KEYS')]
      : [
          value('DIRECTORY_URL', `http://${DIRECTORY_SUBGRAPH}:${directory?.port ?? 0}/graphql`),
          fromSecret(name, 'DIRECTORY_KEY'),
        ];
  const audit = `${name}-audit`;
  const migrationEnv = [fromSecret(name, 'DATABASE_URL'), value('SUBGRAPH', name)];
  return [
    deployment({
      name,
      component: 'subgraph',
      command: ['node', `services/${name}/dist/main.js`],
      port,
      env: [
        value('HOST', '0.0.0.0'),
        value('PORT', String(port)),
        // its own database (its own server when its URL names one): ${entry.database}
        fromSecret(name, 'DATABASE_URL'),
        fromSecret(name, 'GATEWAY_KEYS'),
        ...directoryEnv,
        fromSecret(name, 'AUDIT_ANCHOR_KEY'),
        value('AUDIT_CHECKPOINT_DIR', '/var/lib/county/audit'),
      ],
      resources: resources('250m', '256Mi', '1', '512Mi'),
      startupSeconds: 300,
      volumes: [{ name: 'audit', mountPath: '/var/lib/county/audit', claim: audit }],
    }),
    service(name, 'subgraph', port),
    disruptionBudget(name, 'subgraph'),
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: audit, labels: labels(name, 'subgraph') },
      // every replica writes the audit chain's signed checkpoints here
      spec: { accessModes: ['ReadWriteMany'], resources: { requests: { storage: '1Gi' } } },
    },
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: `${name}-migrate`, labels: labels(name, 'migration') },
      spec: {
        backoffLimit: 3,
        // deleted after an hour: the next apply creates it again for the next image
        ttlSecondsAfterFinished: 3600,
        template: {
          metadata: { labels: labels(name, 'migration') },
          spec: {
            restartPolicy: 'OnFailure',
            securityContext: { runAsNonRoot: true, runAsUser: 1000 },
            containers: [
              {
                name: 'migrate',
                image: IMAGE,
                // under the database's advisory lock: replicas starting meanwhile wait, then find nothing to do
                command: ['node', 'packages/platform/dist/deployment/migrate.js'],
                env: migrationEnv,
                resources: resources('100m', '128Mi', '500m', '256Mi'),
                securityContext: { allowPrivilegeEscalation: false },
              },
            ],
          },
        },
      },
    },
  ];
}

function gatewayManifests(registry: SubgraphEntry[]): Manifest[] {
  return [
    deployment({
      name: 'gateway',
      component: 'gateway',
      command: ['node', 'gateway/dist/main.js'],
      port: GATEWAY_PORT,
      env: [
        value('HOST', '0.0.0.0'),
        value('PORT', String(GATEWAY_PORT)),
        value('NODE_ENV', 'production'),
        value('TRUSTED_DOCUMENTS_PATH', 'cockpit/dist/trusted-documents.json'),
        fromSecret('gateway', 'JWT_JWKS_URL'),
        fromSecret('gateway', 'IDENTITY_SIGNING_KEY'),
        fromSecret('gateway', 'METRICS_TOKEN'),
        // the replicas share rate limits and the response cache
        value('REDIS_URL', `redis://redis:${REDIS_PORT}`),
        ...registry.map((e) =>
          value(`SUBGRAPH_${variablePrefix(e.name)}_URL`, `http://${e.name}:${e.port}/graphql`),
        ),
      ],
      resources: resources('500m', '256Mi', '2', '768Mi'),
      startupSeconds: 60,
    }),
    service('gateway', 'gateway', GATEWAY_PORT),
    disruptionBudget('gateway', 'gateway'),
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'gateway', labels: labels('gateway', 'gateway') },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' },
        minReplicas: 2,
        maxReplicas: 6,
        metrics: [
          {
            type: 'Resource',
            resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
          },
        ],
      },
    },
  ];
}

function redisManifests(): Manifest[] {
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'redis', labels: labels('redis', 'shared-state') },
      spec: {
        // one: the gateways fall back to per-replica limits (and no shared cache) while it restarts
        replicas: 1,
        selector: { matchLabels: { 'app.kubernetes.io/name': 'redis' } },
        template: {
          metadata: { labels: labels('redis', 'shared-state') },
          spec: {
            containers: [
              {
                name: 'redis',
                image: 'redis:7.0',
                // counters and cached answers only: nothing is kept on disk, the memory is capped
                args: [
                  '--save',
                  '',
                  '--appendonly',
                  'no',
                  '--maxmemory',
                  '256mb',
                  '--maxmemory-policy',
                  'volatile-lru',
                ],
                ports: [{ name: 'redis', containerPort: REDIS_PORT }],
                resources: resources('100m', '128Mi', '500m', '384Mi'),
                readinessProbe: { exec: { command: ['redis-cli', 'ping'] }, periodSeconds: 5 },
                livenessProbe: { tcpSocket: { port: REDIS_PORT }, periodSeconds: 10 },
              },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'redis', labels: labels('redis', 'shared-state') },
      spec: {
        selector: { 'app.kubernetes.io/name': 'redis' },
        ports: [{ name: 'redis', port: REDIS_PORT, targetPort: REDIS_PORT }],
      },
    },
  ];
}

const configMap = (): Manifest => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: CONFIG },
  data: {
    LOG_LEVEL: 'info',
    // behind PgBouncer in transaction mode (1.18 keeps no named statements); harmless without one
    DB_PREPARED_STATEMENTS: 'false',
    // each replica's share of its database's (or pooler's) connections
    DB_POOL_MAX: '10',
  },
});

const documents = (manifests: Manifest[]) =>
  HEADER + manifests.map((m) => YAML.stringify(m, { lineWidth: 0, singleQuote: true })).join('---\n');

/** Every file under deploy/k8s, by path from the repository root. */
export function kubernetesFiles(registry: SubgraphEntry[]): Map<string, string> {
  const files = new Map<string, string>();
  const directory = registry.find((entry) => entry.name === DIRECTORY_SUBGRAPH);
  const base = 'deploy/k8s/base';
  files.set(`${base}/config.yaml`, documents([configMap()]));
  files.set(`${base}/redis.yaml`, documents(redisManifests()));
  files.set(`${base}/gateway.yaml`, documents(gatewayManifests(registry)));
  for (const entry of registry)
    files.set(`${base}/${entry.name}.yaml`, documents(subgraphManifests(entry, directory)));
  files.set(
    `${base}/kustomization.yaml`,
    documents([
      {
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        labels: [{ pairs: { 'app.kubernetes.io/part-of': PART_OF } }],
        resources: ['config.yaml', 'redis.yaml', 'gateway.yaml', ...registry.map((e) => `${e.name}.yaml`)],
      },
    ]),
  );
  const overlay = (name: string, subgraphReplicas: number, gateway: { min: number; max: number }) =>
    documents([
      {
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        namespace: `county-graph-${name}`,
        resources: ['../../base'],
        images: [{ name: IMAGE, newName: `registry.local/${IMAGE}`, newTag: '0.1.0' }],
        replicas: registry.map((e) => ({ name: e.name, count: subgraphReplicas })),
        patches: [
          {
            target: { kind: 'HorizontalPodAutoscaler', name: 'gateway' },
            patch: YAML.stringify([
              { op: 'replace', path: '/spec/minReplicas', value: gateway.min },
              { op: 'replace', path: '/spec/maxReplicas', value: gateway.max },
            ]),
          },
        ],
      },
    ]);
  files.set('deploy/k8s/overlays/county/kustomization.yaml', overlay('county', 2, { min: 2, max: 4 }));
  files.set('deploy/k8s/overlays/city/kustomization.yaml', overlay('city', 3, { min: 3, max: 10 }));
  files.set('deploy/k8s/README.md', readme(registry));
  return files;
}

function readme(registry: SubgraphEntry[]): string {
  const secrets = kubernetesSecrets(registry)
    .map(({ name, keys }) => `- \`${name}\`: ${keys.map((k) => `\`${k}\``).join(', ')}`)
    .join('\n');
  const databases = registry.map((e) => `- ${e.name}: \`${e.database}\``).join('\n');
  return `<!-- ${HEADER.slice(2, -1)} -->

# Kubernetes manifests

\`base/\` runs every subgraph and the gateway as Deployments (readiness \`/readyz\`, liveness \`/healthz\`,
a startup probe while migrations run, requests and limits, a PodDisruptionBudget each), the gateway with a
HorizontalPodAutoscaler, one Redis for the gateways' shared rate limits and response cache, and a migration
Job per subgraph. \`overlays/county\` and \`overlays/city\` set the namespace, the image and the replicas:

    kubectl apply -k deploy/k8s/overlays/county

PostgreSQL (or PgBouncer in transaction mode in front of it) is not run here: each subgraph's
\`DATABASE_URL\` names its own database, on a shared server or on a server of its own.

${databases}

## Secrets (create them before the first apply; values are never committed)

${secrets}

e.g. \`kubectl -n county-graph-county create secret generic people --from-env-file=people.env\`. The keys are
those of \`.env.example\`; \`npm run keys\` makes the key pairs.

## Migrations

Each \`<subgraph>-migrate\` Job applies its subgraph's migrations under the database's advisory lock (a
transaction lock, so it holds behind PgBouncer too); replicas that start meanwhile wait on the same lock and
find nothing left to do. A finished Job is deleted after an hour, so the next \`apply\` of a new image runs it
again; within that hour delete it first (\`kubectl delete job -l app.kubernetes.io/component=migration\`): a
Job's pod template cannot be changed.

## Audit checkpoints

Every replica of a subgraph writes its audit chain's signed checkpoints to the subgraph's
\`<subgraph>-audit\` claim (ReadWriteMany). The kit reads, appends to and trims that file; several replicas
doing so at the same moment has not been tested yet.
`;
}
