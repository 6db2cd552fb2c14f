import { OptimisticLockError } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { authorize, ErrorCode, type SubgraphContext } from '@county/kit';

/** The organisation department (`hr`) keeps the workforce records; everyone else reads them, masked. */
export const WORKFORCE_WRITERS = ['hr'];

export const seesPersonalData = (ctx: SubgraphContext): boolean => ctx.identity.has('hr');

export function authorizeWorkforceWrite(ctx: SubgraphContext): void {
  authorize(ctx, WORKFORCE_WRITERS, ctx.identity.has('hr'));
}

const conflict = (current: number) =>
  new GraphQLError(
    `version: the record changed since you read it (now version ${current}); read it again and retry`,
    { extensions: { code: ErrorCode.CONFLICT, field: 'version', rule: 'current-version' } },
  );

/** Optimistic locking: the client sends the version it read; a stale one is refused before any write. */
export function requireVersion(record: { version: number }, version: number): void {
  if (record.version !== version) throw conflict(record.version);
}

/**
 * Flushes the changes; the UPDATE itself carries `where version = ?`, so a write that raced past
 * `requireVersion` is refused the same way instead of overwriting.
 */
export async function flushVersioned(ctx: SubgraphContext, record: { version: number }): Promise<void> {
  try {
    await ctx.em.flush();
  } catch (error) {
    if (error instanceof OptimisticLockError) throw conflict(record.version);
    throw error;
  }
}
