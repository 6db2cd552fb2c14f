import type { EntityManager } from '@mikro-orm/postgresql';
import { chinaDay } from '@county/domain';
import { bulkInsert } from '@county/kit';
import { pgArray } from '../pg-array';
import type { RollupDelta } from '../rollup/book';
import { FAMILIES, type RollupFamily } from '../rollup/families';
import { ApplicantKind, CaseChannel, CaseResult, CaseStatus, ServiceLevel } from '../vocabulary';
import { demoId, type DemoItem } from './catalogue';
import type { DemoCentre } from './centres';
import type { DemoProject, DemoStep } from './projects';

const at = (day: string, time: string) => `${day}T${time}+08:00`;

/** A demo case that may become a step's: what it added to the rollups, to be taken off again. */
interface Candidate {
  id: string;
  item_id: string;
  channel: CaseChannel;
  month: string;
  /** As the driver hands a timestamptz over (a Date or its text). */
  received_at: Date | string;
  completed_at: Date | string | null;
  on_time: boolean | null;
  visits: number | null;
  working_days: number | null;
  target_days: number | null;
}

/** What a completed case adds to the rollups (as `EVENT_ROWS` counts it), times `sign`. */
function completion(
  sign: 1 | -1,
  day: string,
  c: { on_time: boolean | null; visits: number | null; working_days: number | null },
  target: number | null,
): Pick<RollupDelta, 'day' | 'counters' | 'workingDays' | 'durationCases'> {
  const met = target !== null && c.working_days !== null && c.working_days <= target;
  return {
    day,
    counters: {
      completed: sign,
      on_time: c.on_time ? sign : 0,
      one_visit: (c.visits ?? 0) <= 1 ? sign : 0,
      target_cases: target === null ? 0 : sign,
      target_met: met ? sign : 0,
    },
    ...(c.working_days === null ? {} : { workingDays: c.working_days, durationCases: sign }),
  };
}

/**
 * Gives each demo step its service case at the county centre: a case of the same item and channel (proxy
 * for a project with a proxy agent, else the window) received in the same month is taken over when the demo
 * has one (unrated, never suspended, not taken yet), so the published volumes by month stay as they are;
 * otherwise a case is added. The case is received and accepted on the step's submission day and completed,
 * approved, on its approval day with the step's working days. Returns the rollup deltas of the change (the
 * taken-over cases' old contributions off, the steps' cases' on) for the caller to book.
 */
export async function giveStepsCases(
  em: EntityManager,
  projects: DemoProject[],
  steps: DemoStep[],
  centre: DemoCentre,
  items: ReadonlyMap<string, DemoItem>,
): Promise<RollupDelta[]> {
  if (!steps.length) return [];
  const candidates = await em.getConnection().execute<Candidate[]>(
    `select c.id, c.item_id, c.channel, to_char(c.received_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
            c.received_at, c.completed_at, c.on_time, c.visits, c.working_days, v.target_days
       from service_case c
       join service_item_version v on v.item_id = c.item_id and v.version = c.item_version
      where c.centre_id = ? and c.item_id = any(?::uuid[]) and c.channel in ('PROXY', 'WINDOW')
        and not exists (select 1 from case_rating r where r.case_id = c.id)
        and not exists (select 1 from case_suspension s where s.case_id = c.id)
        and not exists (select 1 from approval_step a where a.case_id = c.id)
      order by c.received_at, c.id`,
    [centre.id, pgArray([...new Set(steps.map((s) => s.item_id))])],
    'all',
    em.getTransactionContext(),
  );
  const pool = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const key = `${c.item_id}|${c.month}|${c.channel}`;
    pool.set(key, [...(pool.get(key) ?? []), c]);
  }
  const agentOf = new Map(projects.map((p) => [p.id, p.proxy_agent_id]));
  const taken: Record<string, unknown>[] = [];
  const added: Record<string, unknown>[] = [];
  const deltas: RollupDelta[] = [];
  for (const step of steps) {
    // a project before proxy service (代办) went to the window itself
    const agent = agentOf.get(step.project_id) ?? null;
    const channel = agent ? CaseChannel.PROXY : CaseChannel.WINDOW;
    const adopted = pool.get(`${step.item_id}|${step.submitted_on.slice(0, 7)}|${channel}`)?.shift();
    const item = items.get(step.item_id)!;
    const row = {
      id: adopted?.id ?? demoId(`project-step-case:${step.id}`),
      item_id: step.item_id,
      centre_id: centre.id,
      region_code: centre.region_code,
      level: ServiceLevel.COUNTY,
      channel,
      proxy_agent_id: agent,
      applicant_kind: ApplicantKind.ENTERPRISE,
      status: CaseStatus.COMPLETED,
      received_at: at(step.submitted_on, '09:00:00'),
      accepted_at: at(step.submitted_on, '09:30:00'),
      completed_at: at(step.approved_on, '16:00:00'),
      extension_days: 0,
      working_days: step.working_days,
      on_time: step.working_days <= item.committed_limit,
      visits: agent ? 0 : 1,
      result: CaseResult.APPROVED,
    };
    (adopted ? taken : added).push(row);
    step.case_id = row.id;
    const key = {
      regionCode: centre.region_code,
      level: ServiceLevel.COUNTY,
      channel,
      itemId: step.item_id,
      centreId: centre.id,
    };
    if (adopted) {
      deltas.push({ ...key, day: chinaDay(new Date(adopted.received_at)), counters: { received: -1 } });
      if (adopted.completed_at)
        deltas.push({
          ...key,
          ...completion(-1, chinaDay(new Date(adopted.completed_at)), adopted, adopted.target_days),
        });
    }
    deltas.push({ ...key, day: step.submitted_on, counters: { received: 1 } });
    deltas.push({ ...key, ...completion(1, step.approved_on, row, item.target_days) });
  }
  if (taken.length)
    await em.getConnection().execute(
      `update service_case c set received_at = u.received_at, accepted_at = u.accepted_at,
          completed_at = u.completed_at, status = u.status, working_days = u.working_days, on_time = u.on_time,
          result = u.result, visits = u.visits, extension_days = 0, proxy_agent_id = u.proxy_agent_id,
          applicant_kind = u.applicant_kind, calendar_provisional = false
         from json_populate_recordset(null::service_case, ?::json) u where c.id = u.id`,
      [JSON.stringify(taken)],
      'run',
      em.getTransactionContext(),
    );
  await bulkInsert(em, 'service_case', added);
  return deltas;
}

/**
 * Drops the rollup rows the taken-over cases' deltas left at zero in `regions` (a recount has no row where
 * nothing happened), so the rollups equal a recount again.
 */
export async function dropEmptyRollupRows(em: EntityManager, regions: readonly string[]): Promise<void> {
  for (const family of Object.values(FAMILIES) as RollupFamily[])
    for (const tier of family.tiers)
      await em
        .getConnection()
        .execute(
          `delete from ${tier.table} where region_code = any(?::text[]) and ${family.counters.map((c) => `${c} = 0`).join(' and ')}`,
          [pgArray([...regions])],
          'run',
          em.getTransactionContext(),
        );
}
