import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { AddressInfo } from 'node:net';

export class BodyTooLargeError extends Error {}

/** A client's x-request-id is echoed, logged and kept in the audit trail: only a short, plain one is. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The client's request id when it is safe to keep, else undefined (the caller makes a fresh one). */
export const safeRequestId = (value: string | string[] | undefined): string | undefined =>
  typeof value === 'string' && REQUEST_ID.test(value) ? value : undefined;

/**
 * 413 for a body over the limit. The rest of the body is still on the wire, unread: the connection is
 * closed after the answer, or the client's next request on it would be read from the middle of this one.
 */
export function refuseTooLarge(res: ServerResponse, message: string): void {
  res.setHeader('connection', 'close');
  sendGraphQLError(res, 413, 'BAD_REQUEST', message);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** A GraphQL-shaped error response for failures before GraphQL runs (auth, body size). */
export function sendGraphQLError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

export async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return (await readBytes(req, maxBytes)).toString('utf8');
}

export async function readBytes(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new BodyTooLargeError(`The request body exceeds ${maxBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export class PortInUseError extends Error {}

/** Listens on host:port; a busy port is one clear message. Resolves to the port (useful with 0). */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new PortInUseError(`Port ${port} on ${host} is already in use: set PORT to a free port`)
          : error,
      ),
    );
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * Stops accepting connections and lets requests in flight finish: idle kept-alive connections are closed
 * as they become idle, and whatever is still open after `timeoutMs` is cut.
 */
export async function closeGracefully(server: Server, timeoutMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  const deadline = setTimeout(() => server.closeAllConnections(), timeoutMs);
  server.closeIdleConnections();
  await closed;
  clearInterval(sweep);
  clearTimeout(deadline);
}

/**
 * An http server over `route`: a failure it did not handle is logged and answered 500 with no detail.
 * Connections are kept alive longer than a load balancer's usual 60 s, so it never closes one first.
 */
export function createRoutedServer(
  route: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  logger: Logger,
): Server {
  const server = http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'request failed');
      if (!res.headersSent) sendGraphQLError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal error');
      else res.end();
    });
  });
  server.keepAliveTimeout = 65000;
  return server;
}
