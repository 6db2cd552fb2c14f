import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from './logger';
import { createContext, type SubgraphContext } from './context';
import { formatSubgraphError, isClientErrorCode } from './errors';
import { IDENTITY_HEADER, type Identity } from './identity';
import { isDatabaseReady } from './database';
import { CallerTokenError, type CallerTokenVerifier } from './trust/caller-token';
import { serviceCallerPlugin } from './trust/service-callers';
import {
  closeGracefully,
  createRoutedServer,
  listen,
  safeRequestId,
  sendGraphQLError,
  sendJson,
} from './http';
import { handleGraphQL } from './apollo-http';
import { Directory, type DirectoryEndpoint } from './directory';
import { serveFileRoute, type FileRoute } from './files';
import { ServiceMetrics } from './metrics';
import { auditActor } from './audit';
import { idempotencyPlugin } from './idempotency';
import { variableCheckPlugin } from './variable-errors';
import { literalInputRefusal, literalInputRule } from './literal-errors';

export const REQUEST_ID_HEADER = 'x-request-id';
const MAX_BODY_BYTES = 1024 * 1024;

export interface SubgraphServerOptions {
  name: string;
  schema: GraphQLSchema;
  orm: MikroORM;
  /** Verifies the caller token every request carries (the gateway's, or a sibling's for the directory). */
  callers: CallerTokenVerifier;
  logger: Logger;
  /** The people subgraph, for writes that name directory records. */
  directory?: DirectoryEndpoint;
  /** Spreadsheet endpoints under /files/. */
  files?: FileRoute[];
  /** The process's metrics, when the subgraph registers figures of its own beside the kit's. */
  metrics?: ServiceMetrics;
  /** Facts the subgraph adds to /readyz (they inform; they never make it unready). */
  readiness?: () => Record<string, unknown>;
}

/**
 * One subgraph's HTTP face: `/graphql` for callers the gateway signed for this subgraph (and, on the
 * directory, siblings asking its checks), `/files/…` for spreadsheets (the gateway's callers only), `/healthz` (the process is alive), `/readyz` (its database
 * answers) and `/metrics` (Prometheus).
 */
export class SubgraphServer {
  private readonly apollo: ApolloServer<SubgraphContext>;
  private readonly http: http.Server;
  private readonly metrics: ServiceMetrics;

  constructor(private readonly options: SubgraphServerOptions) {
    this.metrics = options.metrics ?? new ServiceMetrics(options.name);
    this.metrics.watchPool(options.orm);
    this.apollo = new ApolloServer<SubgraphContext>({
      schema: options.schema,
      introspection: true,
      includeStacktraceInErrorResponses: false,
      // the kit owns shutdown (drain, then close the pool); Apollo's own signal handlers would race it
      stopOnTerminationSignals: false,
      // a bad value written in the document answers in the kit's words, as a bad variable does
      validationRules: [literalInputRule],
      formatError: (formatted, error) =>
        formatSubgraphError(literalInputRefusal(formatted, error) ?? formatted, error),
      // answers depend on the caller and are never cached over HTTP: no per-field cache-control bookkeeping
      plugins: [
        ApolloServerPluginLandingPageDisabled(),
        ApolloServerPluginInlineTraceDisabled(),
        ApolloServerPluginCacheControlDisabled(),
        requestLogPlugin(this.metrics),
        idempotencyPlugin(options.orm),
        serviceCallerPlugin(),
        variableCheckPlugin(),
      ],
    });
    this.http = createRoutedServer((req, res) => this.route(req, res), options.logger);
  }

  async listen(port: number, host: string): Promise<string> {
    await this.apollo.start();
    return `http://${host}:${await listen(this.http, port, host)}/graphql`;
  }

  /** Stops accepting, lets in-flight requests finish (up to `timeoutMs`), then closes Apollo and the pool. */
  async stop(timeoutMs: number): Promise<void> {
    await closeGracefully(this.http, timeoutMs);
    await this.apollo.stop();
    await this.options.orm.close(true);
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok', service: this.options.name });
    if (path === '/metrics') return this.metrics.send(res);
    if (path === '/readyz') {
      const ready = await isDatabaseReady(this.options.orm);
      return sendJson(res, ready ? 200 : 503, {
        status: ready ? 'ready' : 'not ready',
        service: this.options.name,
        database: ready ? 'ok' : 'unreachable',
        ...this.options.readiness?.(),
      });
    }
    const route = path.startsWith('/files/')
      ? this.fileRoute(req.method, path.slice('/files/'.length))
      : null;
    if (path !== '/graphql' && !route) return sendJson(res, 404, { error: 'not found' });
    let identity: Identity;
    try {
      identity = await this.options.callers.verify(req.headers[IDENTITY_HEADER] as string | undefined);
    } catch (error) {
      const why = error instanceof CallerTokenError ? error.message : 'it is not a valid caller token';
      this.options.logger.warn({ reason: why, path }, 'caller token refused');
      return sendGraphQLError(res, 401, 'UNAUTHENTICATED', `This subgraph answers the gateway only: ${why}`);
    }
    if (identity.service && route) {
      return sendGraphQLError(res, 403, 'FORBIDDEN', "Spreadsheets are for the gateway's callers only");
    }
    const requestId = safeRequestId(req.headers[REQUEST_ID_HEADER]) ?? randomUUID();
    const { orm, logger } = this.options;
    const parts = {
      em: orm.em.fork(),
      identity,
      requestId,
      logger: logger.child({ requestId }),
      directory: new Directory(this.options.directory, requestId),
    };
    // every write below is recorded in the audit trail as this caller's
    await auditActor.run({ identity, requestId }, async () => {
      if (route) return serveFileRoute(route, req, res, parts);
      await handleGraphQL(this.apollo, req, res, async () => createContext(parts), MAX_BODY_BYTES);
    });
  }

  private fileRoute(method: string | undefined, path: string): FileRoute | null {
    return this.options.files?.find((r) => r.method === method && r.path === path) ?? null;
  }
}

/**
 * Logs each request at debug level (request id, operation, duration) and, at error level, the failures
 * a client is not told about in detail, with the request id that ties them to the gateway's log.
 */
function requestLogPlugin(metrics: ServiceMetrics) {
  return {
    async requestDidStart({ contextValue }: { contextValue: SubgraphContext }) {
      const started = process.hrtime.bigint();
      const codes: string[] = [];
      return {
        async didEncounterErrors({ errors }: { errors: readonly Error[] }) {
          for (const error of errors) {
            const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
            codes.push(String(code ?? 'INTERNAL_SERVER_ERROR'));
            if (!isClientErrorCode(code)) contextValue.logger.error({ err: error }, 'resolver failed');
          }
        },
        async willSendResponse({
          operationName,
          request,
        }: {
          operationName?: string | null;
          request: { operationName?: string | null };
        }) {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          metrics.observeRequest(operationName ?? request.operationName, ms / 1000, codes);
          contextValue.logger.debug({ operationName, ms: Math.round(ms * 10) / 10 }, 'request');
        },
      };
    },
  };
}
