import { Args, ArgsType, Ctx, Directive, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { assertPerformAction, auditPermissions } from '../permissions';
import type { SubgraphContext } from '../context';
import { parseInput } from '../validation';
import { ConnectionType, PageArgs, pageRows } from '../pagination';
import { AuditRecord } from './audit-record.entity';
import { verifyAuditChain } from './audit-chain';
import { auditAnchorOf } from './audit-anchor';
import { maskAuditRecord, seesPersonalDataInTrail } from './personal-fields';
import { z } from 'zod';

@ArgsType()
class AuditTrailArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: '对象类型 — only writes to this entity (e.g. ReformTask)',
  })
  entity?: string;

  @Field(() => String, { nullable: true, description: '对象标识 — only writes to this record' })
  entityId?: string;

  @Field(() => String, { nullable: true, description: '操作人 — only writes by this token subject' })
  subject?: string;

  @Field(() => Date, { nullable: true, description: '起 — from this instant (inclusive)' })
  from?: Date;

  @Field(() => Date, { nullable: true, description: '止 — up to this instant (exclusive)' })
  to?: Date;
}

const trailRules = z
  .object({ from: z.date().optional(), to: z.date().optional() })
  .refine((v) => !v.from || !v.to || v.from < v.to, { message: 'must be after `from`', path: ['to'] });

@ObjectType({ description: '审计链校验 — the result of recomputing the audit chain' })
@Directive('@shareable')
class AuditChainCheck {
  @Field({ description: 'Records in the chain' })
  records!: number;

  @Field({ description: 'True when every hash and link checks out' })
  intact!: boolean;

  @Field(() => String, { nullable: true, description: 'The first record that does not check out' })
  firstBrokenSeq!: string | null;

  @Field({ description: 'True when the chain is compared with signed checkpoints kept outside its database' })
  anchored!: boolean;

  @Field(() => Int, { description: 'Signed checkpoints the chain was compared with' })
  checkpoints!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The latest checkpointed record the chain still matches',
  })
  checkpointedSeq!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the chain does not check out; null when it does' })
  problem!: string | null;
}

@ObjectType('AuditRecordConnection', { description: 'A page of audit records' })
@Directive('@shareable')
class AuditRecordConnection extends ConnectionType(AuditRecord, 'A page of audit records') {}

const resolvers = new Map<string, ClassType>();

/**
 * `<subgraph>AuditTrail` and `<subgraph>AuditChain`: each subgraph's own trail, for `auditor` only, with
 * personal fields masked unless the auditor also sees personal data.
 */
export function auditTrailResolver(subgraph: string): ClassType {
  const prefix = subgraph.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  const existing = resolvers.get(prefix);
  if (existing) return existing;

  @Resolver()
  class AuditTrailResolver {
    @Query(() => AuditRecordConnection, {
      name: `${prefix}AuditTrail`,
      description: `审计日志 — every write to the ${subgraph} subgraph, oldest first (auditor only)`,
    })
    async trail(@Args(() => AuditTrailArgs) args: AuditTrailArgs, @Ctx() ctx: SubgraphContext) {
      assertPerformAction(ctx, auditPermissions, 'audit.read');
      parseInput(trailRules, { from: args.from, to: args.to }, '');
      const conditions: string[] = [];
      const params: unknown[] = [];
      const where = (sql: string, value: unknown) => {
        conditions.push(sql);
        params.push(value);
      };
      if (args.entity) where('a.entity = ?', args.entity);
      if (args.entityId) where('a.entity_id = ?', args.entityId);
      if (args.subject) where('a.subject = ?', args.subject);
      if (args.from) where('a.at >= ?', args.from);
      if (args.to) where('a.at < ?', args.to);
      const filter = { sql: conditions.join(' and '), params };
      const page = await pageRows(ctx, AuditRecord, 'a', filter, args, 'seq', 'seq');
      // personal fields stay masked in the trail for all but those who see personal data (hr)
      return seesPersonalDataInTrail(ctx.identity)
        ? page
        : { ...page, nodes: page.nodes.map(maskAuditRecord) };
    }

    @Query(() => AuditChainCheck, {
      name: `${prefix}AuditChain`,
      description: `审计链校验 — recomputes the ${subgraph} subgraph's audit chain (auditor only)`,
    })
    async chain(@Ctx() ctx: SubgraphContext) {
      assertPerformAction(ctx, auditPermissions, 'audit.read');
      return verifyAuditChain(ctx.em, auditAnchorOf(ctx.em));
    }
  }
  resolvers.set(prefix, AuditTrailResolver);
  return AuditTrailResolver;
}
