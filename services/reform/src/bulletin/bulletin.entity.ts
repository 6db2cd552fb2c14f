import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { ReformTask } from '../task/task.entity';
import { SupervisionOrder } from '../supervision/supervision.entity';
import { Inspection } from '../inspection/inspection.entity';
import { BulletinVerdict } from './bulletin.vocabulary';

@Entity({ tableName: 'bulletin' })
@Unique({ properties: ['regionCode', 'year', 'number'] })
@ObjectType({ description: '通报 — a bulletin (督导通报) naming units that do well and units that lag' })
export class Bulletin {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  /** The region whose reform office issues it. */
  @Property({ type: 'string', length: 12 })
  @Field(() => ID, { description: '区划代码 — the region whose reform office issued it' })
  regionCode!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '年度 — the year' })
  year!: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '期号 — its issue number in the year' })
  number!: number;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '印发日期 — issued on' })
  issuedOn!: string;

  @Property({ type: 'text' })
  @Field({ description: '标题 — title' })
  title!: string;

  @Property({ type: 'text' })
  @Field({ description: '通报内容 — what it says' })
  summary!: string;

  @ManyToOne(() => Inspection, {
    mapToPk: true,
    nullable: true,
    fieldName: 'inspection_id',
    index: true,
    deleteRule: 'set null',
  })
  inspectionId!: string | null;

  @Property({ version: true, type: 'integer' })
  @Field(() => Int, {
    description: '版本 — send it back with a change: a change made since you read it refuses yours',
  })
  version!: number;
}

@Entity({ tableName: 'bulletin_mention' })
@ObjectType({
  description: '通报点名 — a unit a bulletin names, commended or lagging, with the task concerned',
})
export class BulletinMention {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @ManyToOne(() => Bulletin, { mapToPk: true, fieldName: 'bulletin_id', index: true, deleteRule: 'cascade' })
  bulletinId!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '序号 — its place in the bulletin' })
  position!: number;

  @Enum({ items: () => BulletinVerdict })
  @Field(() => BulletinVerdict, { description: '评价 — commended or lagging' })
  verdict!: BulletinVerdict;

  /** The unit named, an Organization of the directory. */
  @Property({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => ReformTask, {
    mapToPk: true,
    nullable: true,
    fieldName: 'task_id',
    index: true,
    deleteRule: 'cascade',
  })
  taskId!: string | null;

  @Property({ type: 'text' })
  @Field({ description: '通报事由 — why it is named' })
  note!: string;

  @ManyToOne(() => SupervisionOrder, {
    mapToPk: true,
    nullable: true,
    fieldName: 'supervision_order_id',
    deleteRule: 'set null',
  })
  supervisionOrderId!: string | null;
}
