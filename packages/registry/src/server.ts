import type http from 'node:http';
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import {
  badInput,
  BodyTooLargeError,
  closeGracefully,
  createRoutedServer,
  ErrorCode,
  forbidden,
  listen,
  readBody,
  secretMatches,
  sendJson,
  unauthenticated,
  type Logger,
} from '@county/kit';
import type { SchemaRegistry } from './registry';

export interface RegistryServerOptions {
  registry: SchemaRegistry;
  /** subgraph → its department's publisher secret */
  publishers: Record<string, string>;
  usageToken: string;
  logger: Logger;
  port: number;
  host: string;
  shutdownTimeoutMs: number;
}

const MAX_PUBLISH_BYTES = 2_000_000;
const MAX_USAGE_BYTES = 10_000_000;

const usageSchema = z.object({
  counts: z
    .array(
      z.object({
        client: z.string().min(1).max(64),
        operation: z.string().min(1).max(200),
        coordinate: z.string().min(1).max(300),
        day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        count: z.number().int().min(1),
      }),
    )
    .max(100_000),
});

const STATUS: Record<string, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
};

const bearer = (req: http.IncomingMessage) => {
  const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  return match?.[1];
};

/** The name a publication is recorded under: the department's credential and its fingerprint, never a person. */
export const publisherName = (subgraph: string, secret: string) =>
  `schema-publisher:${subgraph}#${createHash('sha256').update(secret).digest('hex').slice(0, 8)}`;

async function jsonBody(req: http.IncomingMessage, maxBytes: number): Promise<Record<string, unknown>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readBody(req, maxBytes));
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw badInput('body', 'max-size', error.message);
    throw badInput('body', 'json', 'must be a JSON object');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw badInput('body', 'json', 'must be a JSON object');
  return parsed as Record<string, unknown>;
}

const versionNumber = (value: unknown, field: string): number => {
  const number = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1)
    throw badInput(field, 'version', 'must be a version number (a whole number from 1)');
  return number;
};

/**
 * The registry over HTTP (loopback by default). Reads are open: the gateways poll `GET /supergraph`
 * (ETag = its version). Writes carry a credential: a department's publisher secret publishes or rolls back
 * its own subgraph only; the gateways' usage token posts usage.
 */
export function createRegistryServer(options: RegistryServerOptions) {
  const { registry, logger } = options;

  const publisherOf = (req: http.IncomingMessage, subgraph: string): string => {
    const secret = bearer(req);
    if (!secret)
      throw unauthenticated("Publishing needs the department's schema-publisher credential (Bearer)");
    const own = options.publishers[subgraph];
    if (own && secretMatches(secret, own)) return publisherName(subgraph, own);
    const other = Object.entries(options.publishers).find(([, expected]) => secretMatches(secret, expected));
    if (other)
      throw forbidden(`This credential publishes ${other[0]}, not ${subgraph}`, [
        `schema-publisher:${subgraph}`,
      ]);
    throw unauthenticated('This is no schema-publisher credential of any subgraph');
  };

  const route = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://registry');
    const parts = url.pathname.split('/').filter(Boolean);
    const method = req.method ?? 'GET';
    if (method === 'GET' && url.pathname === '/healthz')
      return sendJson(res, 200, { status: 'ok', service: 'registry' });
    if (method === 'GET' && url.pathname === '/readyz') {
      const ready = await registry.databaseReady();
      return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', service: 'registry' });
    }
    if (method === 'GET' && url.pathname === '/supergraph') {
      const current = await registry.supergraph();
      if (!current) return sendJson(res, 404, { error: 'nothing is published yet' });
      const etag = `"${current.version}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag });
        return void res.end();
      }
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', etag });
      return void res.end(current.sdl);
    }
    if (method === 'GET' && parts[0] === 'supergraphs' && parts.length === 2) {
      const record = await registry.supergraph(versionNumber(parts[1], 'version'));
      if (!record) return sendJson(res, 404, { error: `no supergraph version ${parts[1]}` });
      return sendJson(res, 200, record);
    }
    if (method === 'GET' && url.pathname === '/diff') {
      const changes = await registry.diff(
        versionNumber(url.searchParams.get('from'), 'from'),
        versionNumber(url.searchParams.get('to'), 'to'),
      );
      return sendJson(res, 200, { changes });
    }
    if (parts[0] === 'subgraphs' && parts.length >= 3) {
      const subgraph = parts[1];
      if (method === 'GET' && parts[2] === 'versions' && parts.length === 3)
        return sendJson(res, 200, { subgraph, versions: await registry.versions(subgraph) });
      if (method === 'GET' && parts[2] === 'versions' && parts.length === 4)
        return sendJson(res, 200, await registry.version(subgraph, versionNumber(parts[3], 'version')));
      if (method === 'POST' && parts[2] === 'publish' && parts.length === 3) {
        const publisher = publisherOf(req, subgraph);
        const body = await jsonBody(req, MAX_PUBLISH_BYTES);
        const report = await registry.publish({
          subgraph,
          sdl: body.sdl as string,
          url: body.url as string,
          publisher,
          dryRun: body.dryRun === true,
        });
        logger.info({ subgraph, status: report.status, version: report.version, publisher }, 'publication');
        return sendJson(res, report.status === 'published' ? 201 : 200, report);
      }
      if (method === 'POST' && parts[2] === 'rollback' && parts.length === 3) {
        const publisher = publisherOf(req, subgraph);
        const body = await jsonBody(req, MAX_PUBLISH_BYTES);
        const report = await registry.rollback(
          subgraph,
          versionNumber(body.version, 'version'),
          publisher,
          body.dryRun === true,
        );
        logger.info({ subgraph, to: body.version, status: report.status, publisher }, 'rollback');
        return sendJson(res, report.status === 'published' ? 201 : 200, report);
      }
    }
    if (method === 'GET' && url.pathname === '/usage') {
      // who uses what is the departments' concern, not the public's: the usage token reads it too
      const token = bearer(req);
      if (!token || !secretMatches(token, options.usageToken))
        throw unauthenticated('Recorded usage is read with the usage token only (REGISTRY_USAGE_TOKEN)');
      return sendJson(res, 200, { uses: await registry.usage() });
    }
    if (method === 'POST' && url.pathname === '/usage') {
      const token = bearer(req);
      if (!token || !secretMatches(token, options.usageToken))
        throw unauthenticated('Usage is taken from gateways only (REGISTRY_USAGE_TOKEN)');
      const parsed = usageSchema.safeParse(await jsonBody(req, MAX_USAGE_BYTES));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw badInput(issue.path.join('.'), issue.code, issue.message);
      }
      const { recorded, dropped } = await registry.recordUsage(parsed.data.counts);
      if (dropped) logger.warn({ dropped }, 'usage keys dropped: USAGE_MAX_ROWS_PER_DAY reached');
      return sendJson(res, 200, { recorded, dropped });
    }
    sendJson(res, 404, { error: 'not found' });
  };

  const server = createRoutedServer(async (req, res) => {
    try {
      await route(req, res);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      const code = String(error.extensions.code);
      sendJson(res, STATUS[code] ?? 400, { errors: [error.toJSON()] });
    }
  }, logger);

  return {
    async listen(): Promise<string> {
      return `http://${options.host}:${await listen(server, options.port, options.host)}`;
    },
    stop: () => closeGracefully(server, options.shutdownTimeoutMs),
  };
}
