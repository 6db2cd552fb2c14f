import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import {
  assertCurrentVersion,
  assertPerformAction,
  assertSignedIn,
  badInput,
  notFound,
  parseInput,
  presentFields,
  requireExisting,
} from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { chinaDay, uuidRule } from '@county/domain';
import { permissions } from '../permissions';
import { ServiceLevel } from '../vocabulary';
import { ServiceCentre } from './centre.entity';
import {
  CreateServiceCentreInput,
  CreateServiceStaffInput,
  CreateServiceWindowInput,
  UpdateServiceCentreInput,
  UpdateServiceStaffInput,
  UpdateServiceWindowInput,
} from './centre.args';
import {
  createCentreRule,
  createStaffRule,
  createWindowRule,
  updateCentreRule,
  updateStaffRule,
  updateWindowRule,
} from './centre.rules';
import { countyCentreOf } from './county-centre';
import { ServiceStaff, ServiceWindow } from './roster.entities';

const LEVEL_OF_LENGTH: Record<number, ServiceLevel> = {
  6: ServiceLevel.COUNTY,
  9: ServiceLevel.TOWNSHIP,
  12: ServiceLevel.VILLAGE,
};

/** The centre a roster write is for, after the caller is checked against its county's bureau. */
async function centreToManage(ctx: SubgraphContext, em: EntityManager, id: string, field: string) {
  const centre = await requireExisting({ ...ctx, em }, ServiceCentre, 'id', id, field);
  assertPerformAction(ctx, permissions, 'centre.manage', await countyCentreOf(em, centre.regionCode));
  return centre;
}

/**
 * A row to change, locked for the transaction, once the caller is checked against the bureau of the county
 * of its centre and the version the client read is checked.
 */
async function rowToChange<T extends { version: number }>(
  ctx: SubgraphContext,
  em: EntityManager,
  entity: new () => T,
  id: string,
  version: number,
  centreOf: (row: T) => string,
): Promise<T> {
  const row = await em.findOne(entity, { id } as never, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!row) throw notFound('id', `no ${entity.name} has id ${id}`);
  await centreToManage(ctx, em, centreOf(row), 'id');
  assertCurrentVersion(row.version, version);
  return row;
}

/** The window and the backup a staff row points to: both of the same centre, the backup on its roster. */
async function checkStaffLinks(
  em: EntityManager,
  centreId: string,
  staffId: string | null,
  links: { windowId?: string | null; backupStaffId?: string | null },
): Promise<void> {
  if (links.windowId && !(await em.count(ServiceWindow, { id: links.windowId, centreId })))
    throw badInput('input.windowId', 'same-centre', 'is not a window of this centre');
  if (!links.backupStaffId) return;
  if (links.backupStaffId === staffId)
    throw badInput('input.backupStaffId', 'not-self', 'a staff member cannot be their own backup (B岗)');
  const backup = await em.findOne(ServiceStaff, { id: links.backupStaffId });
  if (!backup || backup.centreId !== centreId)
    throw badInput('input.backupStaffId', 'same-centre', 'is not on the roster of this centre');
  if (!backup.active)
    throw badInput('input.backupStaffId', 'active', 'has left the centre: choose a colleague on the roster');
}

/**
 * The roster days a change leaves a member with: `active: false` alone means they left today, `active: true`
 * puts them back; `active` always follows `leftOn`. A leaving day before the joining day is refused.
 */
function rosterDays(
  staff: ServiceStaff,
  change: { active?: boolean | null; joinedOn?: string | null; leftOn?: string | null },
): Pick<ServiceStaff, 'joinedOn' | 'leftOn' | 'active'> {
  const joinedOn = change.joinedOn ?? staff.joinedOn;
  let leftOn = staff.leftOn;
  if (change.leftOn !== undefined) leftOn = change.leftOn;
  else if (change.active === false) leftOn = staff.leftOn ?? chinaDay();
  else if (change.active === true) leftOn = null;
  if (leftOn && leftOn < joinedOn)
    throw change.leftOn
      ? badInput('input.leftOn', 'not-before-joined', `must not be before ${joinedOn}, the day they joined`)
      : badInput('input.joinedOn', 'not-after-left', `must not be after ${leftOn}, the day they left`);
  return { joinedOn, leftOn, active: leftOn === null };
}

@Resolver(() => ServiceCentre)
export class CentreMutations {
  @Mutation(() => ServiceCentre, {
    description: '新建服务中心 — a centre in the county (its level from the region code); the county bureau',
  })
  async createServiceCentre(
    @Arg('input') input: CreateServiceCentreInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ServiceCentre> {
    assertSignedIn(ctx);
    const data = parseInput(createCentreRule, input, 'input');
    const countyCentre = await countyCentreOf(ctx.em, data.regionCode);
    assertPerformAction(ctx, permissions, 'centre.manage', countyCentre);
    const level = LEVEL_OF_LENGTH[data.regionCode.length];
    if (level === ServiceLevel.COUNTY && countyCentre)
      throw badInput('input.regionCode', 'unique', 'the county already has its county-level centre');
    await ctx.directory.requireExisting('input.regionCode', 'Region', [data.regionCode]);
    await ctx.directory.requireExisting('input.organizationId', 'Organization', [data.organizationId]);
    const centre = ctx.em.create(ServiceCentre, { id: crypto.randomUUID(), ...data, level });
    await ctx.em.flush();
    return centre;
  }

  @Mutation(() => ServiceCentre, { description: '修改服务中心 — name or organisation; the county bureau' })
  async updateServiceCentre(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateServiceCentreInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ServiceCentre> {
    assertSignedIn(ctx);
    parseInput(uuidRule, id, 'id');
    const { version, ...changes } = parseInput(updateCentreRule, input, 'input');
    const present = presentFields(changes);
    return ctx.em.transactional(async (em) => {
      const centre = await rowToChange(ctx, em, ServiceCentre, id, version, (row) => row.id);
      if (present.organizationId)
        await ctx.directory.requireExisting('input.organizationId', 'Organization', [present.organizationId]);
      Object.assign(centre, present);
      await em.flush();
      return centre;
    });
  }

  @Mutation(() => ServiceWindow, { description: '新增窗口 — a window of a centre; the county bureau' })
  async createServiceWindow(
    @Arg('input') input: CreateServiceWindowInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ServiceWindow> {
    assertSignedIn(ctx);
    const data = parseInput(createWindowRule, input, 'input');
    await centreToManage(ctx, ctx.em, data.centreId, 'input.centreId');
    if (await ctx.em.count(ServiceWindow, { centreId: data.centreId, number: data.number }))
      throw badInput('input.number', 'unique', 'is already the number of another window of this centre');
    const window = ctx.em.create(ServiceWindow, { id: crypto.randomUUID(), ...data });
    await ctx.em.flush();
    return window;
  }

  @Mutation(() => ServiceWindow, { description: '修改窗口 — number or name; the county bureau' })
  async updateServiceWindow(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateServiceWindowInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ServiceWindow> {
    assertSignedIn(ctx);
    parseInput(uuidRule, id, 'id');
    const { version, ...changes } = parseInput(updateWindowRule, input, 'input');
    const present = presentFields(changes);
    return ctx.em.transactional(async (em) => {
      const row = await rowToChange(ctx, em, ServiceWindow, id, version, (window) => window.centreId);
      if (
        present.number &&
        (await em.count(ServiceWindow, { centreId: row.centreId, number: present.number, id: { $ne: id } }))
      )
        throw badInput('input.number', 'unique', 'is already the number of another window of this centre');
      Object.assign(row, present);
      await em.flush();
      return row;
    });
  }

  @Mutation(() => ServiceStaff, {
    description: '新增工作人员 — a member of a centre’s staff, with their B岗; the county bureau',
  })
  async createServiceStaff(
    @Arg('input') input: CreateServiceStaffInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ServiceStaff> {
    assertSignedIn(ctx);
    const data = parseInput(createStaffRule, input, 'input');
    await centreToManage(ctx, ctx.em, data.centreId, 'input.centreId');
    await checkStaffLinks(ctx.em, data.centreId, null, data);
    const staff = ctx.em.create(ServiceStaff, {
      id: crypto.randomUUID(),
      ...data,
      joinedOn: data.joinedOn ?? chinaDay(),
      phone: data.phone ?? null,
      windowId: data.windowId ?? null,
      backupStaffId: data.backupStaffId ?? null,
    });
    await ctx.em.flush();
    return staff;
  }

  @Mutation(() => ServiceStaff, {
    description:
      '修改工作人员 — post, window, phone, B岗, or leaving (leftOn, or active: false for today); null clears phone, window and B岗; the county bureau',
  })
  async updateServiceStaff(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateServiceStaffInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ServiceStaff> {
    assertSignedIn(ctx);
    parseInput(uuidRule, id, 'id');
    const { version, name, post, active, joinedOn, leftOn, ...links } = parseInput(
      updateStaffRule,
      input,
      'input',
    );
    return ctx.em.transactional(async (em) => {
      const staff = await rowToChange(ctx, em, ServiceStaff, id, version, (row) => row.centreId);
      await checkStaffLinks(em, staff.centreId, staff.id, links);
      // omitted fields stay; null clears a phone, window or backup
      const cleared = Object.fromEntries(Object.entries(links).filter(([, value]) => value !== undefined));
      Object.assign(
        staff,
        presentFields({ name, post }),
        rosterDays(staff, { active, joinedOn, leftOn }),
        cleared,
      );
      await em.flush();
      return staff;
    });
  }
}
