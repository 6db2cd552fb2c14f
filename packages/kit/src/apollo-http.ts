import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext, type ContextThunk } from '@apollo/server';
import { BodyTooLargeError, readBody, refuseTooLarge, sendGraphQLError } from './http';

/**
 * Runs one HTTP request through Apollo Server on Node's own http server: the thinnest integration there is
 * (no framework in between), used by the subgraphs and the gateway alike.
 */
export async function handleGraphQL<C extends BaseContext>(
  apollo: ApolloServer<C>,
  req: IncomingMessage,
  res: ServerResponse,
  context: ContextThunk<C>,
  maxBodyBytes: number,
): Promise<void> {
  let raw: string;
  try {
    raw = await readBody(req, maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return refuseTooLarge(res, error.message);
    throw error;
  }
  let body: unknown = undefined;
  if (raw.length > 0) {
    try {
      body = JSON.parse(raw);
    } catch {
      return sendGraphQLError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
    }
  }
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  // a POST (every gateway call) has no query string: no URL to parse then
  const search = req.url?.includes('?') ? new URL(req.url, 'http://localhost').search : '';
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search, body },
    context,
  });
  res.statusCode = response.status ?? 200;
  for (const [name, value] of response.headers) res.setHeader(name, value);
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
