import { createHash } from 'node:crypto';
import {
  HeaderMap,
  type ApolloServerPlugin,
  type GraphQLRequestContext,
  type GraphQLResponse,
} from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { SubgraphContext } from '../context';
import { ErrorCode } from '../errors';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
const KEY = /^[\x21-\x7e]{8,200}$/;
/** A first request that has not answered in this long is taken as lost (its process died) and may rerun. */
const ABANDONED_AFTER = '2 minutes';

const refusal = (
  message: string,
  rule: string,
  code: string = ErrorCode.BAD_USER_INPUT,
): GraphQLResponse => ({
  http: { status: 200, headers: new HeaderMap() },
  body: {
    kind: 'single',
    singleResult: {
      errors: [new GraphQLError(message, { extensions: { code, field: 'Idempotency-Key', rule } })],
    },
  },
});

/**
 * Mutations sent with an `Idempotency-Key` header run once per caller and key: a retry with the same
 * operation and variables gets the first answer; the same key with anything else is refused; a retry
 * while the first is still running is told so. Answers that failed inside the service are not kept, so
 * they can be retried.
 */
export function idempotencyPlugin(orm: MikroORM): ApolloServerPlugin<SubgraphContext> {
  const sql = async <T>(text: string, params: unknown[]) =>
    (await orm.em.getConnection().execute(text, params)) as T;
  return {
    async requestDidStart({ request }) {
      const key = request.http?.headers.get(IDEMPOTENCY_KEY_HEADER);
      if (!key) return;
      let claimed: { subject: string; key: string } | null = null;
      return {
        async responseForOperation(context: GraphQLRequestContext<SubgraphContext>) {
          if (context.operation?.operation !== 'mutation') return null;
          if (!KEY.test(key))
            return refusal('Idempotency-Key: must be 8–200 printable ASCII characters', 'format');
          const subject = context.contextValue.identity.subject ?? 'anonymous';
          const hash = createHash('sha256')
            .update(JSON.stringify([context.source, context.request.variables ?? {}]))
            .digest('hex');
          const inserted = await sql<unknown[]>(
            `insert into idempotent_request (subject, key, request_hash) values (?, ?, ?)
               on conflict (subject, key) do update set request_hash = excluded.request_hash, created_at = now()
                 where idempotent_request.response is null
                   and idempotent_request.created_at < now() - interval '${ABANDONED_AFTER}'
             returning 1`,
            [subject, key, hash],
          );
          if (inserted.length) {
            claimed = { subject, key };
            return null;
          }
          const [first] = await sql<{ request_hash: string; response: Record<string, unknown> | null }[]>(
            `select request_hash, response from idempotent_request where subject = ? and key = ?`,
            [subject, key],
          );
          if (first.request_hash !== hash) {
            return refusal('Idempotency-Key: was already used with another operation or input', 'same-input');
          }
          if (!first.response) {
            return refusal(
              'Idempotency-Key: the first request with this key is still running',
              'in-progress',
              ErrorCode.CONFLICT,
            );
          }
          return {
            http: { status: 200, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: first.response },
          };
        },
        async willSendResponse({ response }) {
          if (!claimed) return;
          const result = response.body.kind === 'single' ? response.body.singleResult : null;
          if (!result || result.errors?.some((e) => !isKept(e.extensions?.code))) {
            await sql(`delete from idempotent_request where subject = ? and key = ?`, [
              claimed.subject,
              claimed.key,
            ]);
            return;
          }
          await sql(`update idempotent_request set response = ? where subject = ? and key = ?`, [
            JSON.stringify(result),
            claimed.subject,
            claimed.key,
          ]);
        },
      };
    },
  };
}

/** Answers worth keeping: successes and the caller's own mistakes (a retry would get the same). */
const isKept = (code: unknown) =>
  code === ErrorCode.BAD_USER_INPUT ||
  code === ErrorCode.FORBIDDEN ||
  code === ErrorCode.UNAUTHENTICATED ||
  code === ErrorCode.NOT_FOUND ||
  code === ErrorCode.CONFLICT;
