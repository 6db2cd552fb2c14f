import { randomInt } from 'node:crypto';
import type { GatewayExecutionResult } from '@apollo/server-gateway-interface';
import type { Logger } from '@county/kit';
import type { SharedState } from '../shared-state';
import type { AnswerStore } from './answers';

/**
 * Answers and write counts in Redis, shared by every replica. Each committed write increments a counter per
 * subgraph it wrote to, before the write is answered; an answer is kept with the counters it was computed
 * under and served only while they have not moved. One MGET reads the counters and the answer together, so a
 * read through any replica after a write through any other has been answered never gets an older answer.
 * Counters (one per subgraph) rather than publish/subscribe: a message missed during a reconnect would leave
 * a stale answer; a counter cannot be missed. Entries expire after `ttlMs`; Redis's maxmemory bounds the rest.
 * A Redis that restarts empty counts from zero again: the any-write counter starts at a random epoch, so
 * marks from before the restart never come back, and no mark is trusted until the epoch is set.
 */
export class RedisAnswers implements AnswerStore {
  /** Writes Redis has not counted yet (it was unreachable): counted at the next connection. */
  private pending: Set<string> | 'everything' | undefined;

  constructor(
    private readonly shared: SharedState,
    private readonly ttlMs: number,
    private readonly logger: Logger,
  ) {
    shared.onReady(() => void this.startEpoch().then(() => this.countPending()));
  }

  private writesKey(subgraph: string) {
    return `${this.shared.keyPrefix}cache:writes:${subgraph}`;
  }

  private get anyWriteKey() {
    return `${this.shared.keyPrefix}cache:any-write`;
  }

  private answerKey(key: string) {
    return `${this.shared.keyPrefix}cache:answer:${key}`;
  }

  private async startEpoch() {
    try {
      await this.shared.client.set(this.anyWriteKey, String(randomInt(1, 2 ** 47)), 'NX');
    } catch {
      // not set: reads bypass the cache until the next connection sets it
    }
  }

  /** Without Redis, no mark can be trusted: the caller runs alone and nothing is kept. */
  private unavailable(): null {
    this.shared.fellBack('response_cache');
    return null;
  }

  async look(key: string, subgraphs: ReadonlySet<string>) {
    if (!this.shared.ready) return this.unavailable();
    const counters = [this.anyWriteKey, ...[...subgraphs].sort().map((name) => this.writesKey(name))];
    try {
      const values = await this.shared.client.mget(
        ...counters,
        ...(this.ttlMs > 0 ? [this.answerKey(key)] : []),
      );
      if (values[0] === null) return this.unavailable();
      const mark = values
        .slice(0, counters.length)
        .map((value) => value ?? '0')
        .join(',');
      const kept = values[counters.length];
      if (!kept) return { mark };
      const answer = JSON.parse(kept) as { mark: string; result: GatewayExecutionResult };
      return answer.mark === mark ? { mark, answer: answer.result } : { mark };
    } catch {
      return this.unavailable();
    }
  }

  async keep(key: string, mark: string, result: GatewayExecutionResult) {
    if (this.ttlMs <= 0 || !this.shared.ready) return;
    try {
      await this.shared.client.set(this.answerKey(key), JSON.stringify({ mark, result }), 'PX', this.ttlMs);
    } catch {
      // not kept: the next reader asks the subgraphs
    }
  }

  async written(subgraphs: Iterable<string> | null) {
    this.remember(subgraphs === null ? 'everything' : new Set(subgraphs));
    await this.countPending();
  }

  private remember(writes: Set<string> | 'everything') {
    if (writes === 'everything' || this.pending === 'everything') this.pending = 'everything';
    else this.pending = new Set([...(this.pending ?? []), ...writes]);
  }

  private async countPending() {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    const keys =
      pending === 'everything' ? [this.anyWriteKey] : [...pending].map((name) => this.writesKey(name));
    try {
      const transaction = this.shared.client.multi();
      for (const key of keys) transaction.incr(key);
      const results = await transaction.exec();
      const failed = results?.find(([error]) => error)?.[0];
      if (!results || failed) throw failed ?? new Error('transaction discarded');
    } catch (error) {
      this.remember(pending);
      this.shared.fellBack('response_cache');
      this.logger.error(
        { subgraphs: pending, reason: (error as Error).message },
        'A committed write could not be counted in Redis: other replicas may serve answers older than it ' +
          '(at most RESPONSE_CACHE_TTL_MS) until Redis is reachable again',
      );
    }
  }
}
