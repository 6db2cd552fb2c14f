import { Agent, request } from 'undici';

export interface SubgraphClient {
  post(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }>;
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
    async post(url, headers, body) {
      const response = await request(url, { method: 'POST', headers, body, dispatcher: agent });
      return { status: response.statusCode, body: await response.body.text() };
    },
    close: () => agent.close(),
  };
}
