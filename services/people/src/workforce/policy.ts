import { OptimisticLockError } from '@mikro-orm/core';
import { assertCurrentVersion, authorize, staleVersion, type SubgraphContext } from '@county/kit';

/** The organisation department (`hr`) keeps the workforce records; everyone else reads them, masked. */
export const WORKFORCE_WRITERS = ['hr'];

export const seesPersonalData = (ctx: SubgraphContext): boolean => ctx.identity.has('hr');

export function authorizeWorkforceWrite(ctx: SubgraphContext): void {
  authorize(ctx, WORKFORCE_WRITERS, ctx.identity.has('hr'));
}

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
