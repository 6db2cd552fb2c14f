import { regionCodePrefix } from '@county/domain';
import { escapeLike } from '@county/kit';
import type { ReformTasksArgs } from './task.args';

export type TaskFilterArgs = Omit<ReformTasksArgs, 'first' | 'after' | 'orderBy'>;

/**
 * The task list's filters but `lagging` (which needs each task's state: each order joins it its own way),
 * as SQL conditions on the alias `t` with `?` placeholders, for plain statements and query builders alike.
 */
export function taskConditions(args: TaskFilterArgs): { conditions: string[]; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const where = (sql: string, ...values: unknown[]) => {
    conditions.push(sql);
    params.push(...values);
  };
  if (args.year) where('t.year = ?', args.year);
  if (args.specialGroupId) where('t.special_group_id = ?', args.specialGroupId);
  if (args.status) where('t.status = ?', args.status);
  if (args.leadOrganizationId) where('t.lead_organization_id = ?', args.leadOrganizationId);
  if (args.cooperatingOrganizationId)
    where('t.cooperating_organization_ids @> array[?]::text[]', args.cooperatingOrganizationId);
  if (args.leaderId) where('t.leader_id = ?', args.leaderId);
  if (args.regionCode)
    where('t.region_code like ?', `${escapeLike(regionCodePrefix(args.regionCode) ?? '')}%`);
  if (args.keyOnly) where('t.key_task');
  if (args.parentId) where('t.parent_id = ?', args.parentId);
  if (args.topLevelOnly) where('t.parent_id is null');
  if (args.search) where('t.title ilike ?', `%${escapeLike(args.search)}%`);
  return { conditions, params };
}

/**
 * A task row as the ORM reads it (property names; dates as ISO strings), for the list statements that
 * bypass the query builder. The timestamps are left out: no field shows them.
 */
export const TASK_COLUMNS = `t.id, t.code, t.title, t.year, t.work_point_id as "workPointId",
  t.parent_id as "parentId", t.special_group_id as "specialGroupId", t.source, t.goal,
  t.lead_organization_id as "leadOrganizationId", t.cooperating_organization_ids as "cooperatingOrganizationIds",
  t.region_code as "regionCode", t.leader_id as "leaderId", t.key_task as "keyTask",
  t.planned_start as "plannedStart", t.planned_end as "plannedEnd", t.status, t.weight, t.version`;
