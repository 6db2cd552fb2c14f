import type { PublishReport } from './registry';

/** A refusal from the registry, with its message and the error's extensions (field, rule, breaking uses). */
export class PublishRefusedError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface PublishRequest {
  registryUrl: string;
  /** The department's schema-publisher secret. */
  secret: string;
  subgraph: string;
  sdl: string;
  url: string;
  dryRun?: boolean;
}

async function post(
  registryUrl: string,
  path: string,
  secret: string,
  body: unknown,
): Promise<PublishReport> {
  let response: Response;
  try {
    response = await fetch(`${registryUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
  } catch (error) {
    throw new PublishRefusedError(
      `The schema registry at ${registryUrl} is unreachable: ${String(error)}`,
      0,
    );
  }
  const answer = (await response.json().catch(() => ({}))) as {
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
  if (!response.ok) {
    const error = answer.errors?.[0];
    throw new PublishRefusedError(
      error?.message ?? `the registry answered ${response.status}`,
      response.status,
      error?.extensions,
    );
  }
  return answer as unknown as PublishReport;
}

/** Publishes (or with dryRun, checks) a subgraph's SDL at the registry. */
export const publishSubgraph = (request: PublishRequest): Promise<PublishReport> =>
  post(request.registryUrl, `/subgraphs/${encodeURIComponent(request.subgraph)}/publish`, request.secret, {
    sdl: request.sdl,
    url: request.url,
    dryRun: request.dryRun === true,
  });

/** Publishes an earlier version of a subgraph again, as a new version. */
export const rollbackSubgraph = (request: Omit<PublishRequest, 'sdl' | 'url'> & { version: number }) =>
  post(request.registryUrl, `/subgraphs/${encodeURIComponent(request.subgraph)}/rollback`, request.secret, {
    version: request.version,
    dryRun: request.dryRun === true,
  });

/** The routing URL of a subgraph's latest version, or undefined before its first publication. */
export async function publishedUrl(registryUrl: string, subgraph: string): Promise<string | undefined> {
  const response = await fetch(`${registryUrl}/subgraphs/${encodeURIComponent(subgraph)}/versions`, {
    signal: AbortSignal.timeout(10_000),
  }).catch((error: unknown) => {
    throw new PublishRefusedError(
      `The schema registry at ${registryUrl} is unreachable: ${String(error)}`,
      0,
    );
  });
  const { versions } = (await response.json()) as { versions: { url: string }[] };
  return versions[0]?.url;
}
