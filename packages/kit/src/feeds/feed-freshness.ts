import type { Configuration } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { PreparedRead } from '../prepared-read';
import type { Feed } from './feed';

/** 数据新鲜度 — how fresh a statistic's data is: the latest successful delivery of a source that feeds it. */
@ObjectType({
  description: '数据新鲜度 — the latest successful delivery of one feed source behind these figures',
})
@Directive('@shareable')
export class FeedFreshness {
  @Field({ description: '数据源 — the source, e.g. zwfw-cases' })
  source!: string;

  @Field({ description: '数据源名称 — what the source is (政务服务平台办件)' })
  title!: string;

  @Field(() => Date, {
    nullable: true,
    description: '最近交付 — the latest successful delivery; null: never',
  })
  lastDeliveredAt!: Date | null;

  @Field(() => Int, { nullable: true, description: '映射版本 — the mapping file version it was read with' })
  mappingVersion!: number | null;

  @Field(() => Float, { description: '过期时限 — hours without a delivery after which the feed is stale' })
  staleAfterHours!: number;

  @Field({ description: '已过期 — no delivery within staleAfterHours (or never)' })
  stale!: boolean;
}

interface StateRow {
  source: string;
  last_success_at: Date | null;
  mapping_version: number | null;
}

const HOUR = 3_600_000;

export const isStale = (lastDeliveredAt: Date | null, staleAfterHours: number, now = Date.now()) =>
  !lastDeliveredAt || now - lastDeliveredAt.getTime() > staleAfterHours * HOUR;

// read beside the statistics on every request that asks for freshness: planned once per connection
const STATES = PreparedRead.of<StateRow>(
  'select source, last_success_at, mapping_version from feed_source_state where source = any(?::text[])',
);

/** Each feed's freshness, from `feed_source_state` (one row per source). */
export async function feedFreshness(em: EntityManager, feeds: readonly Feed[]): Promise<FeedFreshness[]> {
  if (!feeds.length) return [];
  const rows = await STATES.run(em, [`{${feeds.map((f) => f.source).join(',')}}`]);
  const bySource = new Map(rows.map((row) => [row.source, row]));
  return feeds.map((feed) => {
    const row = bySource.get(feed.source);
    const lastDeliveredAt = row?.last_success_at ? new Date(row.last_success_at) : null;
    const staleAfterHours = feed.mapping().staleAfterHours;
    return {
      source: feed.source,
      title: feed.title,
      lastDeliveredAt,
      mappingVersion: row?.mapping_version ?? null,
      staleAfterHours,
      stale: isStale(lastDeliveredAt, staleAfterHours),
    };
  });
}

/** The latest delivery per source as one process knows it: told of each success, read for /readyz at once. */
export class FreshnessTracker {
  private readonly last = new Map<string, Date | null>();

  set(source: string, at: Date | null): void {
    this.last.set(source, at);
  }

  get(source: string): Date | null {
    return this.last.get(source) ?? null;
  }
}

/** Trackers by ORM configuration (one per subgraph process; a request's forked EntityManager shares it). */
export const trackers = new WeakMap<Configuration, FreshnessTracker>();
