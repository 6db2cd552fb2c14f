import type http from 'node:http';
import {
  BodyTooLargeError,
  IDENTITY_HEADER,
  MAX_FILE_BYTES,
  readBytes,
  refuseTooLarge,
  REQUEST_ID_HEADER,
  sendGraphQLError,
  SUBGRAPH_SECRET_HEADER,
  type Identity,
  type Logger,
} from '@county/kit';
import type { RoutedSubgraph } from './config';
import type { SubgraphClient } from './subgraph-client';

/**
 * `/files/<subgraph>/<path>`: a subgraph's spreadsheet endpoints behind the gateway's auth. The caller's
 * verified identity and the subgraph's secret go along, as for GraphQL; the subgraph authorises.
 */
export async function forwardFile(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  target: { routes: Map<string, RoutedSubgraph>; client: SubgraphClient; logger: Logger },
  caller: { identity: Identity; requestId: string },
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://gateway');
  const [, , name, ...rest] = url.pathname.split('/');
  const route = target.routes.get(name ?? '');
  if (!route || !rest.length)
    return sendGraphQLError(res, 404, 'NOT_FOUND', `No file endpoint at ${url.pathname}`);
  const method = req.method === 'POST' ? 'POST' : req.method === 'GET' ? 'GET' : null;
  if (!method) return sendGraphQLError(res, 405, 'BAD_REQUEST', 'File endpoints take GET or POST');
  let body: Buffer | undefined;
  try {
    body = method === 'POST' ? await readBytes(req, MAX_FILE_BYTES) : undefined;
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return refuseTooLarge(res, `The file exceeds ${MAX_FILE_BYTES} bytes`);
    }
    throw error;
  }
  const headers: Record<string, string> = {
    [SUBGRAPH_SECRET_HEADER]: route.secret,
    [REQUEST_ID_HEADER]: caller.requestId,
    'content-type': req.headers['content-type'] ?? 'application/octet-stream',
  };
  const identity = caller.identity.toHeader();
  if (identity) headers[IDENTITY_HEADER] = identity;
  const fileUrl = `${route.url.replace(/\/graphql$/, '')}/files/${rest.join('/')}${url.search}`;
  let answer;
  try {
    answer = await target.client.send(method, fileUrl, headers, body);
  } catch (error) {
    target.logger.warn({ err: error, subgraph: name }, 'file call failed');
    return sendGraphQLError(res, 502, 'SUBGRAPH_UNAVAILABLE', `The ${name} subgraph is unavailable`);
  }
  res.writeHead(answer.status, { ...answer.headers, 'content-length': answer.body.length });
  res.end(answer.body);
}
