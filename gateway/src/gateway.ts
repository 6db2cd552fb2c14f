import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloGateway } from '@apollo/gateway';
import {
  CallerTokenSigner,
  closeGracefully,
  IDEMPOTENCY_KEY_HEADER,
  createRoutedServer,
  handleGraphQL,
  listen,
  REQUEST_ID_HEADER,
  safeRequestId,
  sendGraphQLError,
  sendJson,
} from '@county/kit';
import { backupFreshness, literalInputRule, readBackupStatus, type Logger } from '@county/kit';
import type { GatewayConfig } from './config';
import { createTokenVerifier, InvalidTokenError } from './auth';
import { createSubgraphClient } from './subgraph-client';
import { SubgraphDataSource, type GatewayContext } from './data-source';
import { RootFailover } from './failover';
import { formatGatewayError } from './errors';
import { serveExplorer } from './explorer';
import { checkSubgraphs } from './readiness';
import { forwardFile } from './files';
import { shapeLimits } from './limits/query-limits';
import { costLimitPlugin } from './limits/cost-limit';
import { trustedDocumentsPlugin, trustedOperationNames } from './limits/trusted-documents';
import { createRateLimiter } from './limits/rate-limit';
import { createCors } from './limits/cors';
import { checkOperationAndVariables, refuseUnsafeVariables } from './limits/request-hygiene';
import { GatewayMetrics, metricsServer, mayReadMetrics } from './metrics';
import { limitConnections } from './limits/connections';
import { ResponseCache } from './response-cache';
import { SharedState } from './shared-state';
import { serveCockpit } from '@county/cockpit';
import { supergraphFromRegistry, SwappableOperationFacts, UsageRecorder } from './registry';

const header = (req: http.IncomingMessage, name: string) => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
};

export interface GatewayServer {
  listen(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * @apollo/gateway on Apollo Server 5, serving the committed supergraph (no runtime composition),
 * behind Node's own http server: `/graphql`, `/files/<subgraph>/…` (spreadsheets), `/healthz`, `/readyz`,
 * `/metrics`, `/cockpit/` (the leaders' screen) and, in development, `/explorer`.
 */
export function createGateway(
  config: GatewayConfig,
  supergraphSdl: string,
  logger: Logger,
  /** The registry's version of `supergraphSdl` ('0': the committed file), with SUPERGRAPH_REGISTRY_URL. */
  supergraphVersion = '0',
): GatewayServer {
  const production = config.NODE_ENV === 'production';
  const verify = createTokenVerifier(config);
  const client = createSubgraphClient(config.SUBGRAPH_TIMEOUT_MS);
  const metrics = new GatewayMetrics(config.METRICS_MAX_OPERATIONS);
  if (config.BACKUP_STATUS_FILE) metrics.reportBackups(config.BACKUP_STATUS_FILE);
  if (config.TRUSTED_DOCUMENTS_PATH)
    metrics.knowOperations(trustedOperationNames(config.TRUSTED_DOCUMENTS_PATH));
  const routes = new Map(config.subgraphs.map((subgraph) => [subgraph.name, subgraph]));
  const signer = new CallerTokenSigner(config.IDENTITY_SIGNING_KEY);
  const sources = new Map<string, SubgraphDataSource>();
  const failover = { roots: new RootFailover(supergraphSdl), source: (name: string) => sources.get(name) };
  const registryUrl = config.SUPERGRAPH_REGISTRY_URL;
  const gateway = new ApolloGateway({
    supergraphSdl: registryUrl
      ? supergraphFromRegistry({
          registryUrl,
          intervalMs: config.SUPERGRAPH_POLL_INTERVAL_MS,
          initial: { sdl: supergraphSdl, version: supergraphVersion },
          routed: new Set(routes.keys()),
          logger,
          metrics: metrics.registry,
        })
      : supergraphSdl,
    logger,
    buildService: ({ name }) => {
      const route = routes.get(name);
      if (!route) throw new Error(`The supergraph names subgraph ${name}, which has no configuration`);
      const source = new SubgraphDataSource({
        name,
        url: route.url,
        signer,
        client,
        readTimeoutMs: route.readTimeoutMs,
        writeTimeoutMs: config.SUBGRAPH_TIMEOUT_MS,
        circuit: {
          resetMs: config.SUBGRAPH_CIRCUIT_RESET_MS,
          minimumCalls: config.SUBGRAPH_CIRCUIT_MIN_CALLS,
          failurePercent: config.SUBGRAPH_CIRCUIT_FAILURE_PERCENT,
          failuresInRow: config.SUBGRAPH_CIRCUIT_FAILURES_IN_ROW,
        },
        logger,
        metrics,
        failover,
      });
      sources.set(name, source);
      return source;
    },
  });
  const limits = shapeLimits(config);
  const { REDIS_URL: url, REDIS_KEY_PREFIX: keyPrefix } = config;
  const shared = url ? new SharedState({ url, keyPrefix, logger, registry: metrics.registry }) : undefined;
  const rateLimit = createRateLimiter(config.RATE_LIMIT_PER_MINUTE, undefined, undefined, shared);
  const refusedTokenLimit = createRateLimiter(
    config.REFUSED_TOKEN_RATE_LIMIT_PER_MINUTE,
    'REFUSED_TOKEN_RATE_LIMIT_PER_MINUTE',
    'address for refused tokens',
    shared,
  );
  const answerCors = createCors(config.CORS_ORIGINS);
  const facts = new SwappableOperationFacts(supergraphSdl);
  const responseCache = new ResponseCache(
    {
      ttlMs: config.RESPONSE_CACHE_TTL_MS,
      maxEntries: config.RESPONSE_CACHE_MAX_ENTRIES,
      share: config.RESPONSE_SHARING,
    },
    facts,
    shared && { state: shared, logger },
  );
  // a swapped supergraph (registry) may move fields between subgraphs: failover and the cache follow it
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    if (coreSupergraphSdl === supergraphSdl) return;
    failover.roots = new RootFailover(coreSupergraphSdl);
    facts.swap(coreSupergraphSdl);
  });
  const usage =
    registryUrl && config.REGISTRY_USAGE_TOKEN
      ? new UsageRecorder({
          registryUrl,
          token: config.REGISTRY_USAGE_TOKEN,
          flushIntervalMs: config.USAGE_FLUSH_INTERVAL_MS,
          maxKeys: config.USAGE_MAX_KEYS,
          logger,
          metrics: metrics.registry,
        })
      : undefined;
  const apollo = new ApolloServer<GatewayContext>({
    gateway: responseCache.wrap(gateway),
    introspection: !production,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: config.LIMIT_TOKENS },
    validationRules: [...limits.validationRules, literalInputRule],
    includeStacktraceInErrorResponses: false,
    // the kit owns shutdown (drain, then close the pool); Apollo's own signal handlers would race it
    stopOnTerminationSignals: false,
    formatError: formatGatewayError,
    // answers depend on the caller and are never cached over HTTP: no per-field cache-control bookkeeping
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...limits.plugins,
      // first: a request these refuse is the client's mistake, named, before any cost is estimated
      refuseUnsafeVariables(),
      checkOperationAndVariables(),
      costLimitPlugin(config.LIMIT_COST),
      metrics.plugin(),
      responseCache.plugin(),
      ...(config.TRUSTED_DOCUMENTS_PATH ? [trustedDocumentsPlugin(config.TRUSTED_DOCUMENTS_PATH)] : []),
      ...(usage ? [usage.plugin()] : []),
    ],
  });

  const route = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const pathname = (req.url ?? '/').split('?')[0];
    const isFile = pathname.startsWith('/files/');
    if (pathname === '/graphql' || isFile) {
      if (await answerCors(req, res)) return;
      const requestId = safeRequestId(req.headers[REQUEST_ID_HEADER]) ?? randomUUID();
      res.setHeader(REQUEST_ID_HEADER, requestId);
      let identity;
      try {
        identity = await verify(req.headers.authorization);
      } catch (error) {
        if (!(error instanceof InvalidTokenError)) throw error;
        // no subject to count by: refused tokens are counted per address, so guessing is slowed
        if (!(await refusedTokenLimit(req, res))) return;
        return sendGraphQLError(res, 401, 'UNAUTHENTICATED', error.message);
      }
      if (!(await rateLimit(req, res, identity))) return;
      const started = process.hrtime.bigint();
      if (isFile) {
        await forwardFile(req, res, { routes, client, signer, logger }, { identity, requestId });
        // an accepted spreadsheet import wrote to its subgraph: reads of it must not come from the cache
        const target = pathname.split('/')[2];
        if (req.method === 'POST' && res.statusCode < 300 && routes.has(target))
          await responseCache.written([target]);
      } else {
        await handleGraphQL(
          apollo,
          req,
          res,
          async () => ({ identity, requestId, idempotencyKey: header(req, IDEMPOTENCY_KEY_HEADER) }),
          config.MAX_BODY_BYTES,
        );
      }
      // one line per request at debug level; its id is in every subgraph's log line for the same request
      const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
      logger.debug(
        { requestId, path: pathname, subject: identity.subject, status: res.statusCode, ms },
        'request',
      );
      return;
    }
    if (pathname === '/healthz') return sendJson(res, 200, { status: 'ok', service: 'gateway' });
    // not public: only with METRICS_TOKEN here, else on METRICS_PORT (loopback by default)
    if (pathname === '/metrics' && mayReadMetrics(req, config.METRICS_TOKEN)) return metrics.send(res);
    if (pathname === '/readyz') {
      const readiness = await checkSubgraphs(config.subgraphs);
      // an old backup is a warning for the operator, not a reason to take the gateway out of service
      const backup = config.BACKUP_STATUS_FILE
        ? backupFreshness(readBackupStatus(config.BACKUP_STATUS_FILE), config.BACKUP_VERIFY_MAX_AGE_HOURS)
        : undefined;
      return sendJson(res, readiness.ready ? 200 : 503, {
        status: readiness.ready ? 'ready' : 'not ready',
        ...readiness,
        ...(backup ? { backup } : {}),
      });
    }
    // the leaders' screen, same origin as /graphql; it carries its own CSP
    if (serveCockpit(req, res)) return;
    if (!production && serveExplorer(pathname, res)) return;
    if (pathname === '/') {
      res.writeHead(302, { location: production ? '/healthz' : '/explorer' });
      res.end();
      return;
    }
    sendJson(res, 404, { error: 'not found' });
  };

  const server = createRoutedServer(route, logger);
  const { maxConnections } = limitConnections(server, config);
  const scrape = config.METRICS_PORT === undefined ? undefined : metricsServer(metrics, logger);

  return {
    async listen() {
      await shared?.connected();
      await apollo.start();
      if (scrape) {
        const port = await listen(scrape, config.METRICS_PORT!, config.METRICS_HOST);
        logger.info({ url: `http://${config.METRICS_HOST}:${port}/metrics` }, 'metrics');
      }
      logger.info(
        { maxConnections, perAddress: config.HTTP_MAX_CONNECTIONS_PER_ADDRESS },
        'connection limits',
      );
      return `http://${config.HOST}:${await listen(server, config.PORT, config.HOST)}`;
    },
    async stop() {
      await closeGracefully(server, config.SHUTDOWN_TIMEOUT_MS);
      if (scrape?.listening) await closeGracefully(scrape, config.SHUTDOWN_TIMEOUT_MS);
      await apollo.stop();
      await usage?.stop();
      await shared?.close();
      await client.close();
    },
  };
}
