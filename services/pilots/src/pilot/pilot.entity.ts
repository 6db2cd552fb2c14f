import {
  ArrayType,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
} from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { OutcomeForm, PilotField, PilotLevel, PilotStage } from '../vocabulary';
import { PilotLead } from '../lead/lead.entity';

@Entity({ tableName: 'pilot' })
@Index({ properties: ['name', 'id'] })
@Index({ properties: ['stage', 'level'] })
// named by hand: the generated name would be pilot_lead_organization_id_index, which pilot_lead already has
@Index({ name: 'pilot_lead_org_index', properties: ['leadOrganizationId'] })
@ObjectType({ description: '改革试点 — a reform pilot a higher level entrusted to the city or county' })
export class Pilot {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'string', length: 200 })
  @Field({ description: '试点名称 — name' })
  name!: string;

  @Enum({ items: () => PilotLevel })
  @Field(() => PilotLevel, { description: '层级 — national, provincial or municipal' })
  level!: PilotLevel;

  @Enum({ items: () => PilotField })
  @Field(() => PilotField, { description: '领域 — field of reform' })
  field!: PilotField;

  @Enum({ items: () => PilotStage })
  @Field(() => PilotStage, { description: '阶段 — where it stands' })
  stage!: PilotStage;

  @Property({ type: 'string', length: 100, nullable: true })
  @Field(() => String, { nullable: true, description: '批复单位 — the body that approved it' })
  approvingBody!: string | null;

  @Property({ type: 'string', length: 100, nullable: true })
  @Field(() => String, { nullable: true, description: '批复文号 — number of the approval document' })
  approvalDocumentNumber!: string | null;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: '批复日期 — date of the approval' })
  approvedOn!: string | null;

  /** The lead organisation (people's Organization): the only one that writes its monthly ledger. */
  @Property({ type: 'uuid' })
  leadOrganizationId!: string;

  @Property({ type: ArrayType, columnType: 'uuid[]' })
  participatingOrganizationIds!: string[];

  /** The responsible leader (people's Person). */
  @Property({ type: 'uuid', index: true })
  leaderId!: string;

  /** Where it runs: region codes of the directory; "a region and below" matches any of them by prefix. */
  @Property({ type: ArrayType, columnType: 'text[]' })
  regionCodes!: string[];

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: '开始日期 — start of the pilot period' })
  startsOn!: string | null;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '完成时限 — deadline' })
  deadline!: string;

  @Property({ type: 'text' })
  @Field({ description: '任务目标 — target' })
  target!: string;

  @Enum({ items: () => OutcomeForm })
  @Field(() => OutcomeForm, { description: '成果形式 — outcome form' })
  outcomeForm!: OutcomeForm;

  @ManyToOne(() => PilotLead, {
    mapToPk: true,
    nullable: true,
    fieldName: 'lead_id',
    index: true,
    deleteRule: 'restrict',
  })
  leadId!: string | null;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: '验收日期 — date of acceptance' })
  acceptedOn!: string | null;

  @Property({ type: 'string', length: 100, nullable: true })
  @Field(() => String, { nullable: true, description: '验收单位 — the body that accepted it' })
  acceptingBody!: string | null;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: '销号日期 — date it was closed' })
  closedOn!: string | null;

  @Property({ version: true })
  @Field(() => Int, { description: '版本 — send it back with a change (optimistic locking)' })
  version!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
