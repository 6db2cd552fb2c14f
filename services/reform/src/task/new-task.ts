import type { z } from 'zod';
import { TaskStatus } from '../vocabulary';
import type { ReformTask } from './task.entity';
import type { createTaskRule } from './task.rules';

/** A task as `createTaskRule` leaves it: what a mutation and a ledger row both give. */
export type NewTaskData = z.output<typeof createTaskRule>;

/**
 * The one way a reform task comes to be, from data `createTaskRule` has checked: `createReformTask` and the
 * ledger import both call it, so a new field or default is written once.
 */
export function newReformTask(
  data: NewTaskData,
  // the ledger names a plan's id before the plan is written: rows below it point at it
  id: string = crypto.randomUUID(),
): Omit<ReformTask, 'createdAt' | 'updatedAt' | 'version'> {
  return {
    id,
    ...data,
    workPointId: data.workPointId ?? null,
    parentId: data.parentId ?? null,
    leaderId: data.leaderId ?? null,
    weight: data.weight ?? 1,
    status: TaskStatus.NOT_STARTED,
  } as Omit<ReformTask, 'createdAt' | 'updatedAt' | 'version'>;
}
