import { ApolloGateway, type SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '@county/kit';
import { Counter, Gauge, type Registry } from 'prom-client';
import { subgraphsOf } from '../supergraph';

/** A supergraph as the registry serves it: its text and its version (the ETag). */
export interface PublishedSupergraph {
  sdl: string;
  version: string;
}

export class RegistryUnavailableError extends Error {}

/**
 * `GET <registry>/supergraph`: the current supergraph, or `unchanged` when it is still `knownVersion`
 * (If-None-Match), or null when nothing is published yet. A registry that cannot be reached throws
 * RegistryUnavailableError.
 */
export async function fetchSupergraph(
  registryUrl: string,
  knownVersion?: string,
  timeoutMs = 5000,
): Promise<PublishedSupergraph | 'unchanged' | null> {
  let response: Response;
  try {
    response = await fetch(`${registryUrl}/supergraph`, {
      headers: knownVersion ? { 'if-none-match': `"${knownVersion}"` } : {},
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new RegistryUnavailableError(
      `The schema registry at ${registryUrl} is unreachable: ${String(error)}`,
    );
  }
  if (response.status === 304) return 'unchanged';
  if (response.status === 404) return null;
  if (!response.ok)
    throw new RegistryUnavailableError(`The schema registry at ${registryUrl} answered ${response.status}`);
  const version = (response.headers.get('etag') ?? '').replace(/"/g, '');
  return { sdl: await response.text(), version };
}

/**
 * Throws, with the planner's own message, unless this gateway can serve `sdl`: a throwaway gateway builds it
 * with validation on and makes its query planner, and it must name exactly the subgraphs this gateway routes
 * (a subgraph is added or removed by the platform, README "Adding a subgraph", not by a publication: a
 * registry holding only some of them must not shrink the graph).
 */
export async function assertLoadable(sdl: string, routed: ReadonlySet<string>): Promise<void> {
  const named = new Set(subgraphsOf(sdl).map((subgraph) => subgraph.name));
  const unknown = [...named].filter((name) => !routed.has(name));
  if (unknown.length)
    throw new Error(`it names subgraph(s) this gateway has no route for: ${unknown.join(', ')}`);
  const missing = [...routed].filter((name) => !named.has(name));
  if (missing.length) throw new Error(`it lacks subgraph(s) this gateway routes: ${missing.join(', ')}`);
  const probe = new ApolloGateway({ supergraphSdl: sdl, validateSupergraph: true, logger: quiet });
  try {
    await probe.load();
  } finally {
    await probe.stop().catch(() => undefined);
  }
}

const ignore = () => undefined;
const quiet = { debug: ignore, info: ignore, warn: ignore, error: ignore };

export interface SupergraphReloadOptions {
  registryUrl: string;
  intervalMs: number;
  /** What the gateway starts with: the registry's supergraph, or the committed file when it had none. */
  initial: PublishedSupergraph;
  /** The subgraphs this gateway has routes for. */
  routed: ReadonlySet<string>;
  logger: Logger;
  metrics: Registry;
}

/**
 * @apollo/gateway's `supergraphSdl` hook: polls the registry and hands a new supergraph to the gateway's
 * `update`, which swaps schema and planner at once between requests (a request already planned finishes
 * on its plan). A supergraph this gateway cannot load is refused and the last good one kept, with an error
 * in the log and `supergraph_reloads_total{outcome="refused"}`; a registry that is down changes nothing.
 */
export function supergraphFromRegistry(options: SupergraphReloadOptions): SupergraphSdlHook {
  const { registryUrl, logger } = options;
  const reloads = new Counter({
    name: 'supergraph_reloads_total',
    help: 'Supergraphs from the schema registry, by outcome (applied, refused, registry_unavailable)',
    labelNames: ['outcome'],
    registers: [options.metrics],
  });
  const current = new Gauge({
    name: 'supergraph_version',
    help: 'The registry version of the supergraph being served (0: the committed file)',
    registers: [options.metrics],
  });
  let served = options.initial.version;
  // a refused version is not tried again at every poll; a new publication is
  let refused: string | undefined;
  current.set(Number(served) || 0);

  return async ({ update }) => {
    const poll = async () => {
      let next: Awaited<ReturnType<typeof fetchSupergraph>>;
      try {
        next = await fetchSupergraph(registryUrl, served);
      } catch (error) {
        reloads.inc({ outcome: 'registry_unavailable' });
        logger.warn({ err: error }, 'schema registry unreachable: serving the last supergraph');
        return;
      }
      if (next === 'unchanged' || next === null || next.version === served || next.version === refused)
        return;
      try {
        await assertLoadable(next.sdl, options.routed);
        update(next.sdl);
      } catch (error) {
        refused = next.version;
        reloads.inc({ outcome: 'refused' });
        logger.error(
          { version: next.version, serving: served, reason: (error as Error).message },
          'supergraph from the registry REFUSED: it does not load; still serving the last good one',
        );
        return;
      }
      logger.info({ from: served, to: next.version }, 'supergraph swapped');
      served = next.version;
      reloads.inc({ outcome: 'applied' });
      current.set(Number(served) || 0);
    };
    let running: Promise<void> | undefined;
    const timer = setInterval(() => {
      running ??= poll().finally(() => (running = undefined));
    }, options.intervalMs);
    timer.unref();
    return {
      supergraphSdl: options.initial.sdl,
      cleanup: async () => {
        clearInterval(timer);
        await running;
      },
    };
  };
}

/**
 * The supergraph a gateway starts on: the registry's current one when it answers with a supergraph that
 * loads, else `committed` (version '0', the offline default), said in the log; polling then catches up.
 */
export async function startingSupergraph(
  registryUrl: string,
  committed: string,
  logger: Logger,
): Promise<PublishedSupergraph> {
  try {
    const published = await fetchSupergraph(registryUrl);
    if (published && published !== 'unchanged') {
      await assertLoadable(published.sdl, new Set(subgraphsOf(published.sdl).map((s) => s.name)));
      return published;
    }
    logger.warn('the schema registry has no supergraph yet: starting on the committed one');
  } catch (error) {
    logger.error(
      { reason: (error as Error).message },
      'registry supergraph unusable: starting on the committed one',
    );
  }
  return { sdl: committed, version: '0' };
}
