import type { EntityManager } from '@mikro-orm/postgresql';

/** A raw statement in the entity manager's transaction (if any), its rows typed by the caller. */
export const sql = async <T>(em: EntityManager, text: string, params: unknown[] = []): Promise<T> =>
  (await em.getConnection().execute(text, params, 'all', em.getTransactionContext())) as T;
