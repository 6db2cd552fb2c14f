/** What one request answered: a GraphQL body, or a transport failure. */
export interface GraphQLAnswer<D = Record<string, unknown>> {
  status: number;
  data?: D | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  ms: number;
}

export async function post<D = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token: string,
  timeoutMs = 10_000,
): Promise<GraphQLAnswer<D>> {
  const started = Date.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json()) as Pick<GraphQLAnswer<D>, 'data' | 'errors'>;
    return { status: response.status, ...body, ms: Date.now() - started };
  } catch (error) {
    return {
      status: 0,
      errors: [{ message: (error as Error).message }],
      ms: Date.now() - started,
    };
  }
}

export interface LoadTally {
  requests: number;
  ok: number;
  /** Answers per outcome label the classifier gave. */
  outcomes: Record<string, number>;
}

/**
 * `concurrency` loops firing `request` until `stop()` is called or `maxMs` passes, whichever is first:
 * a load that always ends by itself. `request` returns the outcome's name; 'ok' counts as success.
 */
export function startLoad(
  request: (index: number) => Promise<string>,
  options: { concurrency: number; maxMs: number },
): { stop(): Promise<LoadTally> } {
  const tally: LoadTally = { requests: 0, ok: 0, outcomes: {} };
  const deadline = Date.now() + options.maxMs;
  let stopped = false;
  let index = 0;
  const loop = async () => {
    while (!stopped && Date.now() < deadline) {
      const outcome = await request(index++);
      tally.requests += 1;
      if (outcome === 'ok') tally.ok += 1;
      tally.outcomes[outcome] = (tally.outcomes[outcome] ?? 0) + 1;
    }
  };
  const loops = Array.from({ length: options.concurrency }, loop);
  return {
    async stop() {
      stopped = true;
      await Promise.all(loops);
      return tally;
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A load for exactly `ms` milliseconds; resolves with its tally once every request in flight is done. */
export async function loadFor(
  ms: number,
  concurrency: number,
  request: (index: number) => Promise<string>,
): Promise<LoadTally> {
  const load = startLoad(request, { concurrency, maxMs: ms });
  await sleep(ms);
  return load.stop();
}

/** Polls `check` until it is true; returns the milliseconds it took, or throws after `timeoutMs`. */
export async function within(
  what: string,
  timeoutMs: number,
  check: () => Promise<boolean>,
): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await sleep(100);
  }
  throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
}

export async function readyStatus(baseUrl: string): Promise<number> {
  try {
    const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) });
    return response.status;
  } catch {
    return 0;
  }
}
