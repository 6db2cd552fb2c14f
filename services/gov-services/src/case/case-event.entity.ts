import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { CaseEventKind } from '../vocabulary';

/** Appended once, never updated: the case's own columns are a summary of these. */
@Entity({ tableName: 'case_event' })
@ObjectType({ description: '办件环节 — one event of a case (append-only)' })
export class CaseEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'uuid', index: true })
  caseId!: string;

  @Enum({ items: () => CaseEventKind })
  @Field(() => CaseEventKind, { description: '环节 — kind' })
  kind!: CaseEventKind;

  @Property({ type: 'timestamptz' })
  @Field({ description: '发生时间 — when it happened' })
  occurredAt!: Date;

  @Property({ type: 'string', length: 200 })
  @Field({ description: '记录人 — who recorded it (token subject)' })
  recordedBy!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '说明 — note' })
  note!: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  recordedAt!: Date;
}
