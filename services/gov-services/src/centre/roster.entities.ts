import { Check, Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { maskPhone } from '@county/domain';
import { declarePersonalFields } from '@county/kit';

@Entity({ tableName: 'service_window' })
@Unique({ name: 'service_window_number_unique', properties: ['centreId', 'number'] })
@ObjectType({ description: '窗口 — a service window of a centre' })
export class ServiceWindow {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'uuid' })
  centreId!: string;

  @Property({ type: 'string', length: 20 })
  @Field({ description: '窗口号 — its number at the centre, e.g. A01' })
  number!: string;

  @Property({ type: 'string', length: 100 })
  @Field({ description: '窗口名称 — e.g. 综合受理窗口' })
  name!: string;

  @Property({ version: true })
  @Field(() => Int, { description: '版本 — send it back with a change (optimistic locking)' })
  version!: number;
}

/**
 * 窗口人员 — one member of a centre's staff on their post (A岗), and the colleague who stands in for them
 * (B岗): the centre's B岗 coverage is counted from these rows.
 */
@Entity({ tableName: 'service_staff' })
@Check({ name: 'service_staff_left_after_joined', expression: '"left_on" >= "joined_on"' })
@Check({ name: 'service_staff_active_until_left', expression: '"active" = ("left_on" is null)' })
@Index({ name: 'service_staff_centre_id_index', properties: ['centreId', 'name', 'id'] })
@ObjectType({ description: '工作人员 — a member of a centre’s staff, with who backs them (B岗)' })
export class ServiceStaff {
  [OptionalProps]?: 'version' | 'active' | 'leftOn';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'uuid' })
  centreId!: string;

  @Property({ type: 'uuid', nullable: true })
  windowId!: string | null;

  @Property({ type: 'string', length: 50 })
  @Field({ description: '姓名 — name' })
  name!: string;

  /** Personal data: answered masked unless the caller has hr (`roster.resolver.ts`). */
  @Property({ type: 'string', length: 20, nullable: true })
  phone!: string | null;

  @Property({ type: 'string', length: 100 })
  @Field({ description: '岗位 — the post (A岗), e.g. 综合受理' })
  post!: string;

  /** The colleague at the same centre who stands in for this one (B岗). */
  @Property({ type: 'uuid', nullable: true })
  backupStaffId!: string | null;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '入职日期 — the day they joined the centre’s roster' })
  joinedOn!: string;

  /** Kept in step with `active` (a check constraint): on the roster on day D when joinedOn ≤ D < leftOn. */
  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, {
    nullable: true,
    description: '离岗日期 — the day they left the centre (no longer on its roster from this day)',
  })
  leftOn: string | null = null;

  @Property({ type: 'boolean', default: true })
  @Field({ description: '在岗 — on the roster today (false: left the centre, see `leftOn`)' })
  active: boolean = true;

  @Property({ version: true })
  @Field(() => Int, { description: '版本 — send it back with a change (optimistic locking)' })
  version!: number;
}

declarePersonalFields(ServiceStaff, { phone: maskPhone });
