import { GraphQLError, parse } from 'graphql';
import type { Pool, PoolClient } from 'pg';
import { badInput, ErrorCode, notFound } from '@county/kit';
import { inTransaction } from './database';
import { composeBoth, CompositionError, type Member } from './composition';
import {
  affectedCoordinate,
  apiChanges,
  apiSchema,
  covers,
  isBreaking,
  judge,
  trustedDocumentUses,
  type SchemaChange,
  type Use,
} from './checks';

/** A gateway's aggregated count (gateway/src/registry/usage-recorder.ts). */
export interface UsageCount extends Use {
  /** YYYY-MM-DD, UTC */
  day: string;
}

export interface RegistryOptions {
  /** Days of recorded usage a breaking change is checked against. */
  usageWindowDays: number;
  /** The trusted-documents manifest (the cockpit's operations): always counted as used. */
  trustedDocumentsPath?: string;
  /** New (client, operation, coordinate) rows a day may take. */
  maxUsageRowsPerDay: number;
}

export interface Publication {
  subgraph: string;
  sdl: string;
  url: string;
  /** Who publishes: the department's publisher credential, by name (never a person). */
  publisher: string;
  dryRun?: boolean;
  rollbackOf?: number;
}

export interface PublishReport {
  status: 'published' | 'dry-run' | 'unchanged';
  subgraph: string;
  /** The subgraph's version: the new one, or the current one when unchanged or a dry run. */
  version: number | null;
  supergraphVersion: number | null;
  changes: SchemaChange[];
  warnings: string[];
}

export interface SupergraphRecord {
  version: number;
  sdl: string;
  members: Record<string, number>;
  subgraph: string;
  subgraphVersion: number;
  composedAt: string;
}

const SUBGRAPH_NAME = /^[a-z][a-z0-9-]{0,62}$/;
const MAX_SDL_CHARS = 1_000_000;

/** Checks a publication's own fields before anything is read: each problem names its field and rule. */
export function checkPublication(input: { subgraph: unknown; sdl: unknown; url: unknown }): void {
  if (typeof input.subgraph !== 'string' || !SUBGRAPH_NAME.test(input.subgraph))
    throw badInput('subgraph', 'name', 'must be lowercase letters, digits and dashes (at most 63)');
  if (typeof input.sdl !== 'string' || input.sdl.trim() === '')
    throw badInput('sdl', 'required', 'must be the subgraph schema (SDL) as text');
  if (input.sdl.length > MAX_SDL_CHARS)
    throw badInput('sdl', 'max-length', `must be at most ${MAX_SDL_CHARS} characters`);
  try {
    parse(input.sdl);
  } catch (error) {
    throw badInput('sdl', 'parse', (error as Error).message);
  }
  let url: URL | undefined;
  try {
    url = typeof input.url === 'string' ? new URL(input.url) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol))
    throw badInput('url', 'url', 'must be the http(s) URL the gateway routes the subgraph to');
}

/** A breaking change that clients used: the publication is refused, naming them. */
export const breaksClients = (broken: ReturnType<typeof judge>['broken']) =>
  new GraphQLError(
    `sdl: refused, it breaks what clients used in the window:\n${broken
      .map((b) => `- ${b.change.message} (used by ${b.operations.join(', ')})`)
      .join('\n')}`,
    {
      extensions: {
        code: ErrorCode.BAD_USER_INPUT,
        field: 'sdl',
        rule: 'breaking-change-in-use',
        breaking: broken.map((b) => ({
          change: b.change.message,
          path: b.change.path,
          clients: b.clients,
          operations: b.operations,
        })),
      },
    },
  );

/**
 * The registry: every accepted publication is a new version of its subgraph and a new supergraph composed
 * from it and the current versions of the others. Publications are serialized (one transaction-scoped lock),
 * so each composes against what the previous one left.
 */
export class SchemaRegistry {
  constructor(
    private readonly pool: Pool,
    private readonly options: RegistryOptions,
  ) {}

  async publish(publication: Publication): Promise<PublishReport> {
    checkPublication(publication);
    const { subgraph, sdl, url } = publication;
    return inTransaction(this.pool, async (db) => {
      await db.query(`select pg_advisory_xact_lock(hashtext('schema-registry-publish'))`);
      const members = await this.currentMembers(db);
      const own = members.find((m) => m.name === subgraph);
      const current = await this.currentSupergraph(db);
      if (own && own.sdl === sdl && own.url === url && publication.rollbackOf === undefined)
        return report('unchanged', subgraph, own.version, current?.version ?? null, [], []);
      const next = own
        ? members.map((m) => (m.name === subgraph ? { ...m, sdl, url } : m))
        : [...members, { name: subgraph, sdl, url }];
      let supergraph: string;
      try {
        supergraph = await composeBoth(next);
      } catch (error) {
        if (error instanceof CompositionError) throw badInput('sdl', 'composition', error.message);
        throw error;
      }
      const changes = current ? await apiChanges(current.sdl, supergraph) : [];
      const affected = changes.filter(isBreaking).flatMap((c) => affectedCoordinate(c) ?? []);
      const { broken, warnings } = judge(changes, current ? await this.uses(db, current.sdl, affected) : []);
      if (broken.length) throw breaksClients(broken);
      if (publication.dryRun)
        return report('dry-run', subgraph, own?.version ?? null, current?.version ?? null, changes, warnings);

      const version = (own?.version ?? 0) + 1;
      const supergraphVersion = (current?.version ?? 0) + 1;
      const composed = Object.fromEntries(
        next.map((m) => [m.name, m.name === subgraph ? version : (m as { version: number }).version]),
      );
      await db.query('insert into subgraph (name) values ($1) on conflict do nothing', [subgraph]);
      await db.query(
        `insert into supergraph (version, sdl, members, subgraph, subgraph_version) values ($1, $2, $3, $4, $5)`,
        [supergraphVersion, supergraph, JSON.stringify(composed), subgraph, version],
      );
      await db.query(
        `insert into subgraph_version (subgraph, version, sdl, routing_url, publisher, supergraph_version, rollback_of, changes, warnings)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          subgraph,
          version,
          sdl,
          url,
          publication.publisher,
          supergraphVersion,
          publication.rollbackOf ?? null,
          JSON.stringify(changes),
          JSON.stringify(warnings),
        ],
      );
      return report('published', subgraph, version, supergraphVersion, changes, warnings);
    });
  }

  async databaseReady(): Promise<boolean> {
    return this.pool.query('select 1').then(
      () => true,
      () => false,
    );
  }

  /** Publishes an earlier version's SDL and URL again, as a new version, through the same checks. */
  async rollback(subgraph: string, to: number, publisher: string, dryRun = false): Promise<PublishReport> {
    const earlier = await this.version(subgraph, to);
    return this.publish({ subgraph, sdl: earlier.sdl, url: earlier.url, publisher, dryRun, rollbackOf: to });
  }

  async version(subgraph: string, version: number) {
    const { rows } = await this.pool.query<{ sdl: string; routing_url: string }>(
      'select sdl, routing_url from subgraph_version where subgraph = $1 and version = $2',
      [subgraph, version],
    );
    if (!rows[0]) throw notFound('version', `${subgraph} has no version ${version}`);
    return { sdl: rows[0].sdl, url: rows[0].routing_url };
  }

  async versions(subgraph: string) {
    const { rows } = await this.pool.query(
      `select version, routing_url as url, publisher, published_at as "publishedAt",
              supergraph_version as "supergraphVersion", rollback_of as "rollbackOf", changes, warnings
         from subgraph_version where subgraph = $1 order by version desc limit 200`,
      [subgraph],
    );
    return rows;
  }

  async supergraph(version?: number): Promise<SupergraphRecord | null> {
    const { rows } = await this.pool.query(
      `select version, sdl, members, subgraph, subgraph_version as "subgraphVersion", composed_at as "composedAt"
         from supergraph ${version === undefined ? '' : 'where version = $1'} order by version desc limit 1`,
      version === undefined ? [] : [version],
    );
    return (rows[0] as SupergraphRecord | undefined) ?? null;
  }

  /** The API changes from supergraph `from` to supergraph `to`. */
  async diff(from: number, to: number): Promise<SchemaChange[]> {
    const [base, next] = await Promise.all([this.supergraph(from), this.supergraph(to)]);
    if (!base) throw notFound('from', `there is no supergraph version ${from}`);
    if (!next) throw notFound('to', `there is no supergraph version ${to}`);
    return apiChanges(base.sdl, next.sdl);
  }

  /**
   * The window's usage summed per client, operation and coordinate: what `npm run schema:usage` snapshots
   * for CI's `schema:ci`, so a change is checked in CI against the same uses the registry would check.
   */
  async usage(): Promise<Use[]> {
    const { rows } = await this.pool.query<{
      client: string;
      operation: string;
      coordinate: string;
      count: string;
    }>(
      `select client, operation, coordinate, sum(count) as count from usage_count
        where day > current_date - $1::int group by 1, 2, 3 order by 1, 2, 3`,
      [this.options.usageWindowDays],
    );
    return rows.map((r) => ({ ...r, count: Number(r.count) }));
  }

  /**
   * Adds a gateway's counts. Keys already counted that day grow; new ones are taken while the day has fewer
   * than `maxUsageRowsPerDay` rows (the most used first), so client names made up per request cannot grow
   * the table without bound. Rows past the window are dropped in the same transaction.
   */
  async recordUsage(counts: UsageCount[]): Promise<{ recorded: number; dropped: number }> {
    return inTransaction(this.pool, async (db) => {
      const incoming = `select day::date as day, coordinate, client, operation, sum(count)::bigint as count
           from json_to_recordset($1::json) as r(day text, coordinate text, client text, operation text, count bigint)
          group by 1, 2, 3, 4`;
      const grown = await db.query(
        `update usage_count u set count = u.count + i.count from (${incoming}) i
          where u.day = i.day and u.coordinate = i.coordinate and u.client = i.client and u.operation = i.operation`,
        [JSON.stringify(counts)],
      );
      const added = await db.query(
        `insert into usage_count (day, coordinate, client, operation, count)
         select day, coordinate, client, operation, count from (
           select i.*, row_number() over (partition by i.day order by i.count desc) as rank
             from (${incoming}) i
            where not exists (select 1 from usage_count u where u.day = i.day and u.coordinate = i.coordinate
                                and u.client = i.client and u.operation = i.operation)) n
          where n.rank <= $2::int - (select count(*) from usage_count u where u.day = n.day)
         on conflict (day, coordinate, client, operation) do update set count = usage_count.count + excluded.count`,
        [JSON.stringify(counts), this.options.maxUsageRowsPerDay],
      );
      await db.query(`delete from usage_count where day <= current_date - $1::int`, [
        this.options.usageWindowDays,
      ]);
      const keys = new Set(counts.map((c) => [c.day, c.coordinate, c.client, c.operation].join('\u0000')))
        .size;
      const recorded = (grown.rowCount ?? 0) + (added.rowCount ?? 0);
      return { recorded, dropped: keys - recorded };
    });
  }

  private async currentMembers(db: PoolClient): Promise<(Member & { version: number })[]> {
    const { rows } = await db.query<{ name: string; version: number; sdl: string; routing_url: string }>(
      `select distinct on (s.position) s.name, v.version, v.sdl, v.routing_url
         from subgraph s join subgraph_version v on v.subgraph = s.name
        order by s.position, v.version desc`,
    );
    return rows.map((r) => ({ name: r.name, version: r.version, sdl: r.sdl, url: r.routing_url }));
  }

  private async currentSupergraph(db: PoolClient) {
    const { rows } = await db.query<{ version: number; sdl: string }>(
      'select version, sdl from supergraph order by version desc limit 1',
    );
    return rows[0];
  }

  /**
   * Who used, in the window, the coordinates breaking changes affect (or anything inside them), and what the
   * trusted documents use of them in the current API.
   */
  private async uses(db: PoolClient, currentSupergraph: string, affected: string[]): Promise<Use[]> {
    if (affected.length === 0) return [];
    const { rows } = await db.query<{ client: string; operation: string; coordinate: string; count: string }>(
      `select client, operation, coordinate, sum(count) as count from usage_count
        where day > current_date - $1::int
          and (coordinate = any($2::text[])
               or exists (select 1 from unnest($2::text[]) as a(path) where starts_with(coordinate, a.path || '.')))
        group by 1, 2, 3`,
      [this.options.usageWindowDays, affected],
    );
    const trusted = trustedDocumentUses(this.options.trustedDocumentsPath, apiSchema(currentSupergraph));
    return [
      ...rows.map((r) => ({ ...r, count: Number(r.count) })),
      ...trusted.filter((use) => affected.some((path) => covers(path, use.coordinate))),
    ];
  }
}

const report = (
  status: PublishReport['status'],
  subgraph: string,
  version: number | null,
  supergraphVersion: number | null,
  changes: SchemaChange[],
  warnings: string[],
): PublishReport => ({ status, subgraph, version, supergraphVersion, changes, warnings });
