import { Agent, request } from 'undici';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';

/** Just enough of a fetch Response for @apollo/gateway, without building WHATWG objects per call. */
class SubgraphResponse {
  readonly bodyUsed = false;
  readonly redirected = false;
  readonly statusText = '';

  constructor(
    readonly url: string,
    readonly status: number,
    private readonly rawHeaders: Record<string, string | string[] | undefined>,
    private readonly body: string,
  ) {}

  get ok() {
    return this.status >= 200 && this.status < 300;
  }

  get headers() {
    const raw = this.rawHeaders;
    return { get: (name: string) => String(raw[name.toLowerCase()] ?? '') || null };
  }

  async text() {
    return this.body;
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = Buffer.from(this.body);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  clone() {
    return this;
  }
}

/**
 * The gateway's HTTP client for subgraph calls: undici with kept-alive connections, and a timeout on
 * headers and body so a hanging subgraph costs at most `timeoutMs`.
 */
export function createSubgraphFetcher(timeoutMs: number): { fetcher: Fetcher; close(): Promise<void> } {
  const agent = new Agent({
    keepAliveTimeout: 60_000,
    keepAliveMaxTimeout: 600_000,
    connections: 128,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connect: { timeout: Math.min(timeoutMs, 5000) },
  });
  const fetcher: Fetcher = async (url, init) => {
    const response = await request(url, {
      method: (init?.method ?? 'POST') as 'POST',
      headers: init?.headers,
      body: init?.body,
      dispatcher: agent,
    });
    const body = await response.body.text();
    return new SubgraphResponse(
      url,
      response.statusCode,
      response.headers,
      body,
    ) as unknown as FetcherResponse;
  };
  return { fetcher, close: () => agent.close() };
}
