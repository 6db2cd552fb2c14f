import type http from 'node:http';
import {
  BodyTooLargeError,
  IDENTITY_HEADER,
  MAX_FILE_BYTES,
  readBytes,
  refuseTooLarge,
  REQUEST_ID_HEADER,
  sendGraphQLError,
  type CallerTokenSigner,
  type Identity,
  type Logger,
} from '@county/kit';
import type { RoutedSubgraph } from './config';
import type { SubgraphClient } from './subgraph-client';

/**
 * `/files/<subgraph>/<path>`: a subgraph's spreadsheet endpoints behind the gateway's auth. The caller's
 * verified identity, signed for that subgraph, goes along, as for GraphQL; the subgraph authorises.
 */
export async function forwardFile(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  target: {
    routes: Map<string, RoutedSubgraph>;
    client: SubgraphClient;
    signer: CallerTokenSigner;
    logger: Logger;
  },
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
    // a declared length over the limit is refused before a byte is read (the subgraph also checks its own)
    if (Number(req.headers['content-length']) > MAX_FILE_BYTES) throw new BodyTooLargeError();
    body = method === 'POST' ? await readBytes(req, MAX_FILE_BYTES) : undefined;
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return refuseTooLarge(res, `The file exceeds ${MAX_FILE_BYTES} bytes`);
    }
    throw error;
  }
  const headers: Record<string, string> = {
    [IDENTITY_HEADER]: await target.signer.sign(caller.identity, route.name),
    [REQUEST_ID_HEADER]: caller.requestId,
    'content-type': req.headers['content-type'] ?? 'application/octet-stream',
  };
  // an import's retry key and its wish to be answered as a job (the kit's importRoute reads both)
  for (const name of ['idempotency-key', 'prefer'])
    if (typeof req.headers[name] === 'string') headers[name] = req.headers[name] as string;
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
