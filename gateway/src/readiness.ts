import { request } from 'undici';
import type { RoutedSubgraph } from './config';

export interface Readiness {
  ready: boolean;
  subgraphs: Record<string, 'ready' | 'not ready' | 'unreachable'>;
}

/** Asks every subgraph's `/readyz` (in parallel, bounded in time). */
export async function checkSubgraphs(subgraphs: RoutedSubgraph[], timeoutMs = 2000): Promise<Readiness> {
  const entries = await Promise.all(
    subgraphs.map(async ({ name, url }) => {
      try {
        const response = await request(new URL('/readyz', url), { signal: AbortSignal.timeout(timeoutMs) });
        await response.body.dump();
        return [name, response.statusCode === 200 ? 'ready' : 'not ready'] as const;
      } catch {
        return [name, 'unreachable'] as const;
      }
    }),
  );
  return { ready: entries.every(([, state]) => state === 'ready'), subgraphs: Object.fromEntries(entries) };
}
