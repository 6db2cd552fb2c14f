import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDENTITY_HEADER,
  Identity,
  REQUEST_ID_HEADER,
  type CallerTokenSigner,
  type Logger,
} from '@county/kit';
import type { SubgraphClient } from './subgraph-client';
import { CircuitOpenError, subgraphCircuit, type CircuitOptions } from './circuit';
import type { GatewayMetrics } from './metrics';

export interface GatewayContext {
  identity: Identity;
  requestId: string;
  /** The client's Idempotency-Key, passed on so the subgraph running the mutation can honour it. */
  idempotencyKey?: string;
}

export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';

/** One call to a subgraph: the caller (signed for it at send time), extra headers, the body. */
interface SubgraphCall {
  identity: Identity;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

const PROBE = JSON.stringify({ query: '{ __typename }' });

/**
 * Calls one subgraph over a kept-alive undici pool: the caller's verified identity, signed for that
 * subgraph alone and for a minute, and the request id go along; a failed call (refused, timed out, HTTP error) becomes one clean error naming
 * the subgraph, and the cause goes to the gateway's log. Reads wait `readTimeoutMs`, writes
 * `writeTimeoutMs`; a subgraph failing repeatedly is not waited for at all until a probe succeeds. Implements the gateway's data-source interface
 * directly: no fetch Request/Headers objects and no persisted-query round trips per call.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly options: {
      name: string;
      url: string;
      signer: CallerTokenSigner;
      client: SubgraphClient;
      readTimeoutMs: number;
      writeTimeoutMs: number;
      circuit: CircuitOptions;
      logger: Logger;
      metrics?: GatewayMetrics;
    },
  ) {
    this.call = subgraphCircuit(options.name, (call: SubgraphCall) => this.send(call), options.circuit, {
      logger: options.logger,
      // the one call an open circuit lets through is this, not a user's request waiting its timeout
      probe: () => ({
        identity: Identity.anonymous,
        headers: {},
        body: PROBE,
        timeoutMs: options.readTimeoutMs,
      }),
    });
  }

  private readonly call: (call: SubgraphCall) => Promise<string>;

  /** One HTTP call; anything but an answer carrying GraphQL JSON is a failure the circuit counts. */
  private async send({ identity, headers, body, timeoutMs }: SubgraphCall): Promise<string> {
    const response = await this.options.client.post(
      this.options.url,
      {
        'content-type': 'application/json',
        [IDENTITY_HEADER]: await this.options.signer.sign(identity, this.options.name),
        ...headers,
      },
      body,
      timeoutMs,
    );
    // Apollo Server answers GraphQL errors with 200, or 400 for a document it cannot run; both carry JSON
    if (response.status !== 200 && response.status !== 400) {
      throw new Error(`HTTP ${response.status}: ${response.body.slice(0, 200)}`);
    }
    return response.body;
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const context = options.context as Partial<GatewayContext>;
    const headers: Record<string, string> = {};
    if (context.requestId) headers[REQUEST_ID_HEADER] = context.requestId;
    if (context.idempotencyKey) headers[IDEMPOTENCY_KEY_HEADER] = context.idempotencyKey;
    const body = JSON.stringify({
      query: request.query,
      variables: request.variables,
      operationName: request.operationName,
    });
    const write = /^\s*mutation\b/.test(request.query ?? '');
    const timeoutMs = write ? this.options.writeTimeoutMs : this.options.readTimeoutMs;
    const started = process.hrtime.bigint();
    const observe = (ok: boolean) =>
      this.options.metrics?.observeSubgraphCall(
        this.options.name,
        Number(process.hrtime.bigint() - started) / 1e9,
        ok,
      );
    let text: string;
    try {
      text = await this.call({ identity: context.identity ?? Identity.anonymous, headers, body, timeoutMs });
    } catch (error) {
      observe(false);
      throw this.unavailable(error as Error);
    }
    observe(true);
    try {
      return JSON.parse(text) as GatewayGraphQLResponse;
    } catch (error) {
      throw this.unavailable(error as Error);
    }
  }

  private unavailable(cause: Error): GraphQLError {
    const { name, logger } = this.options;
    const open = cause instanceof CircuitOpenError;
    // an open circuit refuses thousands of calls a second: the log says it once, when it opens
    if (!open) logger.warn({ err: cause, subgraph: name }, 'subgraph call failed');
    const timedOut = /timeout/i.test(
      `${(cause as { code?: string }).code ?? ''} ${cause.name} ${cause.message}`,
    );
    const reason = open ? 'circuit-open' : timedOut ? 'timeout' : 'unreachable';
    return new GraphQLError(
      timedOut ? `The ${name} subgraph did not answer in time` : `The ${name} subgraph is unavailable`,
      { extensions: { code: SUBGRAPH_UNAVAILABLE, serviceName: name, reason } },
    );
  }
}
