import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
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
import { auditActor } from '../audit/audit-actor';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
const KEY = /^[\x21-\x7e]{8,200}$/;
/** A first request that has not answered in this long is taken as lost (its process died) and may rerun. */
const ABANDONED_AFTER = '2 minutes';
/** How long a key holds: a retry later than this runs again. */
export const IDEMPOTENCY_RETENTION = '24 hours';
/** Expired rows deleted by each keyed mutation: the table stays within a day of keys with no cron. */
const SWEEP_BATCH = 100;

/**
 * The row's id and the answer's key, both derived from the caller and the key: the table holds neither in
 * clear, and an answer (hr's carry unmasked personal data) is unreadable without the key the client sends.
 */
function secrets(subject: string, key: string) {
  const material = Buffer.from(`${subject}\0${key}`);
  const derive = (purpose: string) =>
    Buffer.from(hkdfSync('sha256', material, 'county-idempotency', purpose, 32));
  return { id: derive('row id').toString('hex'), answerKey: derive('answer') };
}

function seal(answerKey: Buffer, id: string, answer: unknown): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', answerKey, iv).setAAD(Buffer.from(id));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(answer), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
}

function unseal(answerKey: Buffer, id: string, stored: Buffer): Record<string, unknown> {
  const decipher = createDecipheriv('aes-256-gcm', answerKey, stored.subarray(0, 12)).setAAD(Buffer.from(id));
  decipher.setAuthTag(stored.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(stored.subarray(28)), decipher.final()]).toString('utf8'));
}

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
 * they can be retried — unless the write had committed (`idempotent-commit.ts`): then, as when the process
 * died before storing its answer, a retry is refused (`answer-lost`) rather than run twice. A key holds for `IDEMPOTENCY_RETENTION`; each keyed mutation deletes a batch of
 * expired rows.
 */
export function idempotencyPlugin(orm: MikroORM): ApolloServerPlugin<SubgraphContext> {
  const sql = async <T>(text: string, params: unknown[]) =>
    (await orm.em.getConnection().execute(text, params)) as T;
  const committed = async (id: string) =>
    (await sql<unknown[]>(`select 1 from idempotent_commit where id = ?`, [id])).length > 0;
  return {
    async requestDidStart({ request }) {
      const key = request.http?.headers.get(IDEMPOTENCY_KEY_HEADER);
      if (!key) return;
      let claimed: ReturnType<typeof secrets> | null = null;
      return {
        async responseForOperation(context: GraphQLRequestContext<SubgraphContext>) {
          if (context.operation?.operation !== 'mutation') return null;
          if (!KEY.test(key))
            return refusal('Idempotency-Key: must be 8–200 printable ASCII characters', 'format');
          const subject = context.contextValue.identity.subject ?? 'anonymous';
          const hash = createHash('sha256')
            .update(JSON.stringify([context.source, context.request.variables ?? {}]))
            .digest('hex');
          const row = secrets(subject, key);
          await sql(
            `with expired as (delete from idempotent_request where id in (select id from idempotent_request
                 where created_at < now() - interval '${IDEMPOTENCY_RETENTION}' order by created_at limit ${SWEEP_BATCH})
                 returning id)
             delete from idempotent_commit c using expired where c.id = expired.id`,
            [],
          );
          const inserted = await sql<unknown[]>(
            `insert into idempotent_request (id, request_hash) values (?, ?)
               on conflict (id) do update set request_hash = excluded.request_hash, answer = null, created_at = now()
                 where idempotent_request.created_at < now() - interval '${IDEMPOTENCY_RETENTION}'
                    or (idempotent_request.answer is null
                        and idempotent_request.created_at < now() - interval '${ABANDONED_AFTER}'
                        and not exists (select 1 from idempotent_commit c where c.id = idempotent_request.id))
             returning 1`,
            [row.id, hash],
          );
          if (inserted.length) {
            // a lapsed key starts afresh; its write is marked in the write's own transaction
            await sql(`delete from idempotent_commit where id = ?`, [row.id]);
            const actor = auditActor.getStore();
            if (actor) actor.idempotencyId = row.id;
            claimed = row;
            return null;
          }
          const [first] = await sql<{ request_hash: string; answer: Buffer | null; abandoned: boolean }[]>(
            `select request_hash, answer, created_at < now() - interval '${ABANDONED_AFTER}' as abandoned
               from idempotent_request where id = ?`,
            [row.id],
          );
          if (first && first.request_hash !== hash) {
            return refusal('Idempotency-Key: was already used with another operation or input', 'same-input');
          }
          // committed and not answered: still answering (in progress), or gone for good (abandoned)
          if (!first?.answer && first?.abandoned && (await committed(row.id))) {
            return refusal(
              'Idempotency-Key: the first request with this key was carried out, but its answer was lost (the service stopped before sending it): read the record instead of sending the write again',
              'answer-lost',
              ErrorCode.CONFLICT,
            );
          }
          if (!first?.answer) {
            return refusal(
              'Idempotency-Key: the first request with this key is still running',
              'in-progress',
              ErrorCode.CONFLICT,
            );
          }
          return {
            http: { status: 200, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: unseal(row.answerKey, row.id, first.answer) },
          };
        },
        async willSendResponse({ response }) {
          if (!claimed) return;
          const result = response.body.kind === 'single' ? response.body.singleResult : null;
          if (!result || result.errors?.some((e) => !isKept(e.extensions?.code))) {
            // not kept, so a retry may run again: unless the write committed before the failure
            await sql(
              `delete from idempotent_request where id = ?
                 and not exists (select 1 from idempotent_commit c where c.id = idempotent_request.id)`,
              [claimed.id],
            );
            return;
          }
          await sql(`update idempotent_request set answer = ? where id = ?`, [
            seal(claimed.answerKey, claimed.id, result),
            claimed.id,
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
