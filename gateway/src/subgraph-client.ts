import { Agent, request } from 'undici';

export interface SubgraphClient {
  /** `timeoutMs` (headers, then body) below the client's own: reads wait less than writes. */
  post(
    url: string,
    headers: Record<string, string>,
    body: string,
    timeoutMs?: number,
  ): Promise<{ status: number; body: string }>;
  /** Any request, bytes in and out: the /files/ proxy. */
  send(
    method: 'GET' | 'POST',
    url: string,
    headers: Record<string, string>,
    body?: Buffer,
  ): Promise<{ status: number; headers: Record<string, string>; body: Buffer }>;
  close(): Promise<void>;
}

/**
 * The gateway's HTTP client for subgraph calls: undici with kept-alive connections, and a timeout on
 * headers and body so a hanging subgraph costs at most `timeoutMs`.
 */
export function createSubgraphClient(timeoutMs: number): SubgraphClient {
  const agent = new Agent({
    keepAliveTimeout: 60_000,
    keepAliveMaxTimeout: 600_000,
    connections: 128,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connect: { timeout: Math.min(timeoutMs, 5000) },
  });
  return {
    async post(url, headers, body, callTimeoutMs = timeoutMs) {
      const response = await request(url, {
        method: 'POST',
        headers,
        body,
        dispatcher: agent,
        headersTimeout: callTimeoutMs,
        bodyTimeout: callTimeoutMs,
      });
      return { status: response.statusCode, body: await response.body.text() };
    },
    async send(method, url, headers, body) {
      const response = await request(url, { method, headers, body, dispatcher: agent });
      const picked: Record<string, string> = {};
      for (const name of ['content-type', 'content-disposition', 'cache-control']) {
        const value = response.headers[name];
        if (typeof value === 'string') picked[name] = value;
      }
      return {
        status: response.statusCode,
        headers: picked,
        body: Buffer.from(await response.body.arrayBuffer()),
      };
    },
    close: () => agent.close(),
  };
}
