import type { ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { MikroORM } from '@mikro-orm/postgresql';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** What may stand as an operation label: a GraphQL name of reasonable length. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * One process's Prometheus metrics (prom-client): requests, errors and latency per operation, and the
 * process's own figures (heap, event-loop lag, …). Served at /metrics by the gateway and every subgraph.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly requests: Histogram<'operation' | 'outcome'>;
  private readonly errors: Counter<'operation' | 'code'>;
  /** Operation names in use as labels: clients choose them, so their number is capped. */
  private readonly operations = new Set<string>();
  private closed = false;

  /** `maxOperations`: distinct names kept as labels; later ones are counted as `other`. */
  constructor(
    service: string,
    private readonly maxOperations = 200,
  ) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'GraphQL requests by operation name and outcome (ok, error)',
      labelNames: ['operation', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers: [this.registry],
    });
    this.errors = new Counter({
      name: 'graphql_errors_total',
      help: 'Errors in GraphQL responses by operation name and error code',
      labelNames: ['operation', 'code'],
      registers: [this.registry],
    });
  }

  /** Only these names become labels (the registered operations), any other is `other`. */
  knowOperations(names: Iterable<string>): void {
    for (const name of names) if (NAME.test(name)) this.operations.add(name);
    this.closed = true;
  }

  /** Anonymous operations share one label, and names past the cap share `other`: the label set is bounded. */
  observeRequest(operation: string | null | undefined, seconds: number, errorCodes: readonly string[]): void {
    const name = this.operationLabel(operation);
    this.requests.observe({ operation: name, outcome: errorCodes.length ? 'error' : 'ok' }, seconds);
    for (const code of errorCodes) this.errors.inc({ operation: name, code });
  }

  /** In-use, idle and waiting connections of the ORM's pool, read when scraped. */
  watchPool(orm: MikroORM): void {
    const pool = () =>
      (
        orm.em.getConnection().getKnex().client as {
          pool?: { numUsed(): number; numFree(): number; numPendingAcquires(): number };
        }
      ).pool;
    new Gauge({
      name: 'db_pool_connections',
      help: 'Database pool connections by state (used, free, pending)',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const current = pool();
        this.set({ state: 'used' }, current?.numUsed() ?? 0);
        this.set({ state: 'free' }, current?.numFree() ?? 0);
        this.set({ state: 'pending' }, current?.numPendingAcquires() ?? 0);
      },
    });
  }

  private operationLabel(operation: string | null | undefined): string {
    if (!operation || !NAME.test(operation)) return 'anonymous';
    if (this.operations.has(operation)) return operation;
    if (this.closed || this.operations.size >= this.maxOperations) return 'other';
    this.operations.add(operation);
    return operation;
  }

  async send(res: ServerResponse): Promise<void> {
    const body = await this.registry.metrics();
    res.writeHead(200, { 'content-type': this.registry.contentType });
    res.end(body);
  }
}
