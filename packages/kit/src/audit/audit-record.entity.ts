import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';

/**
 * 审计记录 — one write, recorded in the same transaction as the write itself. Append-only (the database
 * refuses updates and deletes) and chained: each record's hash covers the previous record's hash, so an
 * altered or deleted record breaks the chain (`verifyAuditChain`). Every subgraph has its own trail.
 */
@Entity({ tableName: 'audit_record' })
@Index({ properties: ['entity', 'entityId'] })
@Index({ properties: ['subject'] })
@Index({ properties: ['at'] })
@ObjectType({ description: '审计记录 — one write: who, when, what, and the fields before and after' })
@Directive('@shareable')
export class AuditRecord {
  /** Assigned by the chain trigger in commit order (the sequence default is only a placeholder). */
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  @Field(() => ID, { description: '序号 — position in this subgraph’s chain' })
  seq!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  @Field({ description: '时间 — when the write was committed' })
  at!: Date;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '操作人 — the token subject; null for the system' })
  subject!: string | null;

  @Property({ type: 'text[]' })
  @Field(() => [String], {
    description: '角色 — the caller’s roles (organisation roles name the organisation)',
  })
  roles!: string[];

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '请求 — the request id, as in the logs' })
  requestId!: string | null;

  @Property({ type: 'text' })
  @Field({ description: '操作 — create, update or delete' })
  operation!: string;

  @Property({ type: 'text' })
  @Field({ description: '对象类型 — the entity written' })
  entity!: string;

  @Property({ type: 'text' })
  @Field({ description: '对象标识 — its id' })
  entityId!: string;

  @Property({ type: 'jsonb', nullable: true })
  @Field(() => GraphQLJSON, { nullable: true, description: '修改前 — the changed fields before' })
  before!: Record<string, unknown> | null;

  @Property({ type: 'jsonb', nullable: true })
  @Field(() => GraphQLJSON, { nullable: true, description: '修改后 — the changed fields after' })
  after!: Record<string, unknown> | null;

  /** Set by the chain trigger. */
  @Property({ type: 'text', nullable: true })
  prevHash!: string | null;

  /** Set by the chain trigger. */
  @Property({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: '哈希 — sha256 over this record and the previous hash',
  })
  hash!: string | null;
}
