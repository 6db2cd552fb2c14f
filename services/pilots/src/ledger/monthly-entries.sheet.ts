import {
  assertSignedIn,
  badInput,
  cellRefused,
  cellText,
  defineLedger,
  ledgerRoutes,
  parseInput,
  type FileRoute,
} from '@county/kit';
import { chinaDay, regionCodeRule } from '@county/domain';
import { z } from 'zod';
import { pilotYearRule, regionLike } from '../field-rules';
import { Pilot } from '../pilot/pilot.entity';
import { IN_REGION_SQL } from '../pilot/pilot.query';
import { LedgerEntry } from './ledger-entry.entity';
import type { LedgerEntryInput } from './ledger.args';
import { LedgerMutations } from './ledger.mutations';

interface Params {
  year?: number;
  region?: string;
}

interface Lookups {
  pilotName: Map<string, string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The GraphQL write path: a new row is reported exactly as recordLedgerEntry reports it. */
const mutations = new LedgerMutations();
/** An entry, once reported, has no correction path in the graph: the sheet cannot change it either. */
const REPORTED = { updatable: false } as const;

/**
 * 台账月报 — the pilots' monthly ledger entries, one row per pilot and month. A new row (empty 月报编号)
 * reports an entry; who may is as for `recordLedgerEntry`: the pilot's lead organisation, row by row.
 */
export const monthlyEntriesLedger = defineLedger<LedgerEntry, Params, Lookups>({
  sheet: ({ year }) => (year ? `${year}年改革试点台账月报` : '改革试点台账月报'),
  key: { header: '月报编号', width: 38, of: (e) => e.id, assigned: 'system' },
  columns: [
    {
      header: '试点编号',
      width: 38,
      field: 'pilotId',
      ...REPORTED,
      value: (e) => e.pilotId,
      parse: (cell) => {
        const id = cellText(cell);
        if (!UUID.test(id))
          throw cellRefused('uuid', `${id} is not a pilot's 试点编号 (from the pilot ledgers)`);
        return id;
      },
    },
    { header: '试点名称', width: 40, format: (e, l) => l.pilotName.get(e.pilotId) ?? '' },
    {
      header: '月份',
      width: 10,
      field: 'month',
      ...REPORTED,
      value: (e) => e.month,
      // Excel turns a typed 2024-03 into a date: the month is what it shows
      parse: (cell) => (cell instanceof Date ? cell.toISOString().slice(0, 7) : cellText(cell)),
    },
    { header: '进展情况', width: 60, field: 'progress', ...REPORTED, value: (e) => e.progress },
    {
      header: '存在问题',
      width: 40,
      field: 'problems',
      optional: true,
      ...REPORTED,
      value: (e) => e.problems,
    },
    {
      header: '下步计划',
      width: 40,
      field: 'nextSteps',
      optional: true,
      ...REPORTED,
      value: (e) => e.nextSteps,
    },
    { header: '报送人', width: 12, format: (e) => e.reportedBy },
  ],
  async lookups(_purpose, records, { em }) {
    const pilots = await em.find(
      Pilot,
      { id: [...new Set(records.map((e) => e.pilotId))] },
      { fields: ['name'] },
    );
    return { pilotName: new Map(pilots.map((p) => [p.id, p.name])) };
  },
  records({ em, params }) {
    const qb = em
      .createQueryBuilder(LedgerEntry, 'e')
      .join('e.pilotId', 'p')
      .orderBy({ 'e.month': 'asc', 'e.pilotId': 'asc' });
    if (params.year) qb.andWhere({ month: { $like: `${params.year}-%` } });
    if (params.region)
      qb.andWhere(IN_REGION_SQL.replace('region_codes', 'p.region_codes'), [regionLike(params.region)]);
    return qb.getResultList();
  },
  find: (ids, { em }) => em.find(LedgerEntry, { id: ids.filter((id) => UUID.test(id)) }),
  async create(fields, write) {
    const { pilotId, ...input } = fields;
    await mutations.recordLedgerEntry(pilotId as string, input as unknown as LedgerEntryInput, write);
  },
  update() {
    throw badInput('id', 'reported', 'a reported entry is not changed');
  },
});

const exportRule = z.object({
  year: z.coerce.number().pipe(pilotYearRule).optional(),
  region: regionCodeRule.optional(),
});

/** GET /files/monthly-entries.xlsx[?year=2024&regionCode=…]; POST new rows back (the lead organisation). */
export const monthlyEntriesRoutes: FileRoute[] = ledgerRoutes(monthlyEntriesLedger, {
  path: 'monthly-entries.xlsx',
  filename: ({ year }) => `改革试点台账月报${year ? `-${year}` : ''}-${chinaDay()}.xlsx`,
  exportParams({ identity, query }) {
    assertSignedIn({ identity });
    return parseInput(
      exportRule,
      { year: query.get('year') ?? undefined, region: query.get('regionCode') ?? undefined },
      '',
    );
  },
  importParams({ identity }) {
    // as recordLedgerEntry: signed in here, the pilot's lead organisation checked on each row
    assertSignedIn({ identity });
    return {};
  },
});
