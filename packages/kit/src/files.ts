import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Directory } from './directory';
import { ErrorCode, isClientErrorCode } from './errors';
import type { Identity } from './identity';
import type { Logger } from './logger';
import { BodyTooLargeError, readBytes, refuseTooLarge, sendGraphQLError, sendJson } from './http';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Uploads (an Excel ledger) are bounded: a county's annual ledger is a few hundred kilobytes. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface FileRequest {
  em: EntityManager;
  identity: Identity;
  directory: Directory;
  logger: Logger;
  query: URLSearchParams;
  /** The request's headers (Idempotency-Key, Prefer). */
  headers: IncomingHttpHeaders;
  /** The raw request body (the uploaded file); empty for GET. */
  body: Buffer;
  /** What the route's `accept` returned, checked before the body was read. */
  accepted?: unknown;
}

export type FileReply =
  { file: Buffer; filename: string; contentType: string } | { json: unknown; status?: number };

/** Too much work under way (imports at their cap): 503, try again shortly. */
export class ServiceBusyError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/**
 * An HTTP endpoint beside /graphql for what GraphQL carries badly: spreadsheets in and out. Served by the
 * subgraph at /files/<path> and by the gateway at /files/<subgraph>/<path>, behind the same auth.
 */
export interface FileRoute {
  method: 'GET' | 'POST';
  path: string;
  /** The largest upload taken (default MAX_FILE_BYTES); a larger Content-Length is refused unread. */
  maxBytes?(): number;
  /** Checks made before the upload is read (who calls, the query): a refused caller's bytes stay unread. */
  accept?(request: Omit<FileRequest, 'body' | 'accepted'>): unknown;
  handle(request: FileRequest): Promise<FileReply>;
}

const STATUS_OF: Record<string, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.DIRECTORY_UNAVAILABLE]: 503,
};

/** Runs one file route; client errors keep their code, field and rule, anything else is masked. */
export async function serveFileRoute(
  route: FileRoute,
  req: IncomingMessage,
  res: ServerResponse,
  request: Omit<FileRequest, 'body' | 'query' | 'headers'>,
): Promise<void> {
  let maxBytes = MAX_FILE_BYTES;
  try {
    const query = new URL(req.url ?? '/', 'http://subgraph').searchParams;
    const head = { ...request, query, headers: req.headers };
    let body: Buffer = Buffer.alloc(0);
    let accepted: unknown;
    if (route.method === 'POST') {
      maxBytes = route.maxBytes?.() ?? MAX_FILE_BYTES;
      // a declared length over the limit is refused before anything is read, whoever is calling
      if (Number(req.headers['content-length']) > maxBytes) throw new BodyTooLargeError();
      accepted = await route.accept?.(head);
      body = await readBytes(req, maxBytes);
    }
    const reply = await route.handle({ ...head, body, accepted });
    if ('json' in reply) return sendJson(res, reply.status ?? 200, reply.json);
    res.writeHead(200, {
      'content-type': reply.contentType,
      'content-length': reply.file.length,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(reply.filename)}`,
      'cache-control': 'no-store',
    });
    res.end(reply.file);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return refuseTooLarge(res, `The file exceeds ${maxBytes} bytes`);
    }
    if (error instanceof ServiceBusyError) {
      res.setHeader('retry-after', String(error.retryAfterSeconds));
      return sendGraphQLError(res, 503, 'SERVICE_BUSY', error.message);
    }
    const code = error instanceof GraphQLError ? error.extensions.code : undefined;
    if (error instanceof GraphQLError && isClientErrorCode(code)) {
      const status = STATUS_OF[String(code)] ?? 400;
      return sendJson(res, status, { errors: [{ message: error.message, extensions: error.extensions }] });
    }
    request.logger.error({ err: error }, 'file route failed');
    sendGraphQLError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal error: the file could not be made');
  }
}
