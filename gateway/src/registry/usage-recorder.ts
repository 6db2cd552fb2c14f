import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '@county/kit';
import { Counter } from 'prom-client';
import type { Registry } from 'prom-client';
import { usedCoordinates } from './coordinates';
import type { GatewayContext } from '../data-source';

/** One aggregated count: how often `client` ran `operation`, which used `coordinate`, on `day` (UTC). */
export interface UsageCount {
  client: string;
  operation: string;
  coordinate: string;
  day: string;
  count: number;
}

export interface UsageRecorderOptions {
  /** The registry's base URL; usage goes to `POST <url>/usage`. */
  registryUrl: string;
  /** Sent as `Authorization: Bearer …`: the registry takes usage only from gateways. */
  token: string;
  flushIntervalMs: number;
  /** Distinct (client, operation, coordinate, day) kept between flushes; past it, counts are dropped (and counted). */
  maxKeys: number;
  logger: Logger;
  metrics: Registry;
}

export const CLIENT_NAME_HEADER = 'x-client-name';
const CLIENT_NAME = /^[A-Za-z0-9._:@/-]{1,64}$/;
const SEPARATOR = '\u0000';

/** The client a request is counted for: its `x-client-name` header when plain and short, else the token's subject. */
export function clientName(header: string | undefined, subject: string | undefined): string {
  if (header && CLIENT_NAME.test(header)) return header;
  return subject ?? 'anonymous';
}

/**
 * Records, per client and operation, which schema coordinates were used: counted in memory and posted to the
 * registry every `flushIntervalMs` as one row per (client, operation, coordinate, day), never one per
 * request. A registry that is down costs that interval's counts (logged), never a request.
 */
export class UsageRecorder {
  private counts = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  private readonly dropped: Counter;
  private readonly failed: Counter;
  private flushing?: Promise<void>;

  constructor(private readonly options: UsageRecorderOptions) {
    this.dropped = new Counter({
      name: 'schema_usage_dropped_total',
      help: 'Usage counts dropped because USAGE_MAX_KEYS distinct keys were already waiting for the flush',
      registers: [options.metrics],
    });
    this.failed = new Counter({
      name: 'schema_usage_flush_failures_total',
      help: 'Usage flushes the schema registry did not accept (the counts of that interval are lost)',
      registers: [options.metrics],
    });
    this.timer = setInterval(() => void this.flush(), options.flushIntervalMs);
    this.timer.unref();
  }

  record(client: string, operation: string, coordinates: Iterable<string>, now = new Date()): void {
    const day = now.toISOString().slice(0, 10);
    for (const coordinate of coordinates) {
      const key = [client, operation, coordinate, day].join(SEPARATOR);
      const count = this.counts.get(key);
      if (count === undefined && this.counts.size >= this.options.maxKeys) {
        this.dropped.inc();
        continue;
      }
      this.counts.set(key, (count ?? 0) + 1);
    }
  }

  /** Apollo plugin: counts each operation that was resolved against the schema (invalid ones used nothing). */
  plugin(): ApolloServerPlugin<GatewayContext> {
    return {
      requestDidStart: async () => ({
        didResolveOperation: async ({ schema, document, operationName, contextValue, request }) => {
          const client = clientName(
            request.http?.headers.get(CLIENT_NAME_HEADER) ?? undefined,
            contextValue.identity.subject ?? undefined,
          );
          this.record(client, operationName ?? '(anonymous)', usedCoordinates(schema, document));
        },
      }),
    };
  }

  /** Posts what was counted since the last flush; one flush at a time. */
  flush(): Promise<void> {
    this.flushing ??= this.post().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async post(): Promise<void> {
    if (this.counts.size === 0) return;
    const batch = this.counts;
    this.counts = new Map();
    const counts: UsageCount[] = [...batch].map(([key, count]) => {
      const [client, operation, coordinate, day] = key.split(SEPARATOR);
      return { client, operation, coordinate, day, count };
    });
    try {
      const response = await fetch(`${this.options.registryUrl}/usage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.token}` },
        body: JSON.stringify({ counts }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`the registry answered ${response.status}: ${await response.text()}`);
    } catch (error) {
      this.failed.inc();
      this.options.logger.warn(
        { err: error, keys: counts.length },
        'schema usage not recorded: the registry did not take it',
      );
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
