import { Counter, Gauge, Histogram } from 'prom-client';
import type { ApolloServerPlugin } from '@apollo/server';
import type { IncomingMessage, Server } from 'node:http';
import {
  backupFreshness,
  createRoutedServer,
  readBackupStatus,
  secretMatches,
  sendJson,
  ServiceMetrics,
  type Logger,
} from '@county/kit';

/** The gateway's metrics: the kit's per-operation figures, plus every call to every subgraph. */
export class GatewayMetrics extends ServiceMetrics {
  private readonly subgraphCalls = new Histogram({
    name: 'subgraph_request_duration_seconds',
    help: 'Calls from the gateway to each subgraph, by outcome (ok, unavailable)',
    labelNames: ['subgraph', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly failovers = new Counter({
    name: 'subgraph_failovers_total',
    help: 'Root fetches of shared fields a failed subgraph left to another, by outcome (answered, refused, unavailable)',
    labelNames: ['subgraph', 'fallback', 'outcome'],
    registers: [this.registry],
  });

  constructor(maxOperations?: number) {
    super('gateway', maxOperations);
  }

  /**
   * The age of the latest base backup and of the latest verified one, read from the backups' status.json at
   * each scrape (an alert rule compares them with the operator's limit); +Inf while there is none, so that
   * the same rule fires.
   */
  reportBackups(statusFile: string): void {
    const ages = () => backupFreshness(readBackupStatus(statusFile), Number.POSITIVE_INFINITY);
    const gauge = (name: string, help: string, pick: (fresh: ReturnType<typeof ages>) => number | null) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.reset();
          const hours = pick(ages());
          this.set(hours === null ? Number.POSITIVE_INFINITY : hours * 3600);
        },
      });
    gauge('backup_latest_age_seconds', 'Age of the latest base backup', (f) => f.latestBackupAgeHours);
    gauge(
      'backup_verified_age_seconds',
      'Age of the latest backup a scratch restore verified',
      (f) => f.verifiedAgeHours,
    );
  }

  observeSubgraphCall(subgraph: string, seconds: number, ok: boolean): void {
    this.subgraphCalls.observe({ subgraph, outcome: ok ? 'ok' : 'unavailable' }, seconds);
  }

  /** Labels are subgraph names from the supergraph and three outcomes: bounded. */
  countFailover(subgraph: string, fallback: string, outcome: 'answered' | 'refused' | 'unavailable'): void {
    this.failovers.inc({ subgraph, fallback, outcome });
  }

  /** Apollo plugin: one observation per operation, with the codes of the errors it answered. */
  plugin(): ApolloServerPlugin {
    return {
      requestDidStart: async () => {
        const started = process.hrtime.bigint();
        const codes: string[] = [];
        return {
          didEncounterErrors: async ({ errors }) => {
            for (const error of errors) codes.push(String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          },
          // the name of the operation that resolved: an invalid document's name is the client's word only,
          // and is counted as anonymous (the label set stays bounded, see ServiceMetrics)
          willSendResponse: async ({ operationName }) => {
            this.observeRequest(operationName, Number(process.hrtime.bigint() - started) / 1e9, codes);
          },
        };
      },
    };
  }
}

/** /metrics on the gateway's public port: only with `Authorization: Bearer <METRICS_TOKEN>`, when one is set. */
export const mayReadMetrics = (req: IncomingMessage, token: string | undefined): boolean =>
  token !== undefined && secretMatches(req.headers.authorization, `Bearer ${token}`);

/** /metrics alone, for METRICS_PORT: the network it listens on (loopback by default) is its guard. */
export function metricsServer(metrics: GatewayMetrics, logger: Logger): Server {
  return createRoutedServer(async (req, res) => {
    if ((req.url ?? '/').split('?')[0] === '/metrics') return metrics.send(res);
    sendJson(res, 404, { error: 'not found' });
  }, logger);
}
