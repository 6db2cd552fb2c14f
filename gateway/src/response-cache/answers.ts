import { LRUCache } from 'lru-cache';
import type { GatewayExecutionResult } from '@apollo/server-gateway-interface';

/**
 * Where answers are kept and how committed writes are counted. A `mark` says where the writes to some
 * subgraphs stood: an answer is good only under the mark it was computed under, and a run in flight is
 * joined only by callers who saw the same mark (a caller who arrives after a write never joins a run that
 * may have read before it).
 */
export interface AnswerStore {
  /** The mark of `subgraphs` now and the answer kept for `key` under it; null when it cannot be told. */
  look(
    key: string,
    subgraphs: ReadonlySet<string>,
  ): Promise<{ mark: string; answer?: GatewayExecutionResult } | null>;
  /** Keeps an answer computed under `mark` (one a write has overtaken is never served). */
  keep(
    key: string,
    mark: string,
    result: GatewayExecutionResult,
    subgraphs: ReadonlySet<string>,
  ): Promise<void>;
  /** Counts a committed write to these subgraphs (null: to any); resolves once every reader will see it. */
  written(subgraphs: Iterable<string> | null): Promise<void>;
}

interface Kept {
  result: GatewayExecutionResult;
  subgraphs: ReadonlySet<string>;
}

/** This replica's memory: an LRU of `maxEntries` answers for `ttlMs` (none at 0), writes counted per subgraph. */
export class MemoryAnswers implements AnswerStore {
  private readonly stored?: LRUCache<string, Kept>;
  /** Per subgraph, bumped by every committed write to it (one entry per subgraph: bounded). */
  private readonly writes = new Map<string, number>();
  private everything = 0;

  constructor(options: { ttlMs: number; maxEntries: number }) {
    if (options.ttlMs > 0) this.stored = new LRUCache({ max: options.maxEntries, ttl: options.ttlMs });
  }

  private mark(subgraphs: ReadonlySet<string>): string {
    return [this.everything, ...[...subgraphs].map((name) => this.writes.get(name) ?? 0)].join(',');
  }

  async look(key: string, subgraphs: ReadonlySet<string>) {
    // a write removes the answers it made stale (below): what is still here is good
    return { mark: this.mark(subgraphs), answer: this.stored?.get(key)?.result };
  }

  async keep(key: string, mark: string, result: GatewayExecutionResult, subgraphs: ReadonlySet<string>) {
    if (this.stored && mark === this.mark(subgraphs)) this.stored.set(key, { result, subgraphs });
  }

  async written(subgraphs: Iterable<string> | null) {
    if (subgraphs === null) {
      this.everything++;
      this.stored?.clear();
      return;
    }
    const touched = new Set(subgraphs);
    for (const name of touched) this.writes.set(name, (this.writes.get(name) ?? 0) + 1);
    for (const [key, kept] of [...(this.stored?.entries() ?? [])])
      if ([...kept.subgraphs].some((name) => touched.has(name))) this.stored!.delete(key);
  }
}
