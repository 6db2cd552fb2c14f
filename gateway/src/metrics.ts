import { Histogram } from 'prom-client';
import type { ApolloServerPlugin } from '@apollo/server';
import { ServiceMetrics } from '@county/kit';

/** The gateway's metrics: the kit's per-operation figures, plus every call to every subgraph. */
export class GatewayMetrics extends ServiceMetrics {
  private readonly subgraphCalls = new Histogram({
    name: 'subgraph_request_duration_seconds',
    help: 'Calls from the gateway to each subgraph, by outcome (ok, unavailable)',
    labelNames: ['subgraph', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor() {
    super('gateway');
  }

  observeSubgraphCall(subgraph: string, seconds: number, ok: boolean): void {
    this.subgraphCalls.observe({ subgraph, outcome: ok ? 'ok' : 'unavailable' }, seconds);
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
          // the name the client sent, even when the operation never resolved (invalid documents)
          willSendResponse: async ({ operationName, request }) => {
            const name = operationName ?? request.operationName;
            this.observeRequest(name, Number(process.hrtime.bigint() - started) / 1e9, codes);
          },
        };
      },
    };
  }
}
