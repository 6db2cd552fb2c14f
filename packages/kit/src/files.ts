import type { IncomingMessage, ServerResponse } from 'node:http';
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
  /** The raw request body (the uploaded file); empty for GET. */
  body: Buffer;
}

export type FileReply = { file: Buffer; filename: string; contentType: string } | { json: unknown };

/**
 * An HTTP endpoint beside /graphql for what GraphQL carries badly: spreadsheets in and out. Served by the
 * subgraph at /files/<path> and by the gateway at /files/<subgraph>/<path>, behind the same auth.
 */
export interface FileRoute {
  method: 'GET' | 'POST';
  path: string;
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
  request: Omit<FileRequest, 'body' | 'query'>,
): Promise<void> {
  try {
    const body = route.method === 'POST' ? await readBytes(req, MAX_FILE_BYTES) : Buffer.alloc(0);
    const query = new URL(req.url ?? '/', 'http://subgraph').searchParams;
    const reply = await route.handle({ ...request, query, body });
    if ('json' in reply) return sendJson(res, 200, reply.json);
    res.writeHead(200, {
      'content-type': reply.contentType,
      'content-length': reply.file.length,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(reply.filename)}`,
      'cache-control': 'no-store',
    });
    res.end(reply.file);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return refuseTooLarge(res, `The file exceeds ${MAX_FILE_BYTES} bytes`);
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
