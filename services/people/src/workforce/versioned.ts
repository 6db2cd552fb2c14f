import { OptimisticLockError } from '@mikro-orm/core';
import { assertCurrentVersion, staleVersion, type SubgraphContext } from '@county/kit';

/**
 * Optimistic locking: the client sends the version it read (argument `version`); a stale one is refused
 * before any write.
 */
export function requireVersion(record: { version: number }, version: number): void {
  assertCurrentVersion(record.version, version, 'version');
}

/**
 * Flushes the changes; the UPDATE itself carries `where version = ?`, so a write that raced past
 * `requireVersion` is refused the same way instead of overwriting.
 */
export async function flushVersioned(ctx: SubgraphContext, record: { version: number }): Promise<void> {
  const sent = record.version;
  try {
    await ctx.em.flush();
  } catch (error) {
    if (!(error instanceof OptimisticLockError)) throw error;
    await ctx.em.refresh(record); // to answer with the version the other write left
    throw staleVersion(record.version, sent, 'version');
  }
}
