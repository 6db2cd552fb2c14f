import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import {
  IDENTITY_HEADER,
  REQUEST_ID_HEADER,
  SUBGRAPH_SECRET_HEADER,
  type Identity,
  type Logger,
} from '@county/kit';

export interface GatewayContext {
  identity: Identity;
  requestId: string;
}

export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';

/**
 * Calls one subgraph: adds its shared secret, the caller's verified identity and the request id; turns a
 * failed call (refused, timed out, HTTP error) into one clean error that names the subgraph and nothing else.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly subgraph: string;
  private readonly secret: string;
  private readonly logger: Logger;

  constructor(options: { name: string; url: string; secret: string; fetcher: Fetcher; logger: Logger }) {
    super({ url: options.url, fetcher: options.fetcher });
    this.subgraph = options.name;
    this.secret = options.secret;
    this.logger = options.logger;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    headers.set(SUBGRAPH_SECRET_HEADER, this.secret);
    if (!('identity' in context)) return;
    headers.set(REQUEST_ID_HEADER, context.requestId);
    const identity = context.identity.toHeader();
    if (identity) headers.set(IDENTITY_HEADER, identity);
  }

  override didEncounterError(error: Error): never {
    // the operator sees the cause; the client sees only which subgraph failed
    this.logger.warn({ err: error, subgraph: this.subgraph }, 'subgraph call failed');
    const timedOut = /timeout/i.test(
      `${(error as { code?: string }).code ?? ''} ${error.name} ${error.message}`,
    );
    throw new GraphQLError(
      timedOut
        ? `The ${this.subgraph} subgraph did not answer in time`
        : `The ${this.subgraph} subgraph is unavailable`,
      {
        extensions: {
          code: SUBGRAPH_UNAVAILABLE,
          serviceName: this.subgraph,
          reason: timedOut ? 'timeout' : 'unreachable',
        },
      },
    );
  }
}
