import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, declarePersonalFields, withheld } from '@county/kit';
import { Gender } from '../vocabulary';
import { Organization } from '../organization/organization.entity';
import { Placement } from '../workforce/vocabulary';

/**
 * A village cadre who left office at a 换届, with the placement plan made for them (一人一策). Former cadres
 * are not in the directory of serving people, so the record carries their name itself.
 */
@Entity({ tableName: 'departing_cadre' })
@ObjectType({ description: '离任村干部 — a village cadre who left office at a 换届, with a placement plan' })
export class DepartingCadre {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'string', length: 50 })
  @Field({ description: '姓名 — name' })
  name!: string;

  @Enum({ items: () => Gender })
  @Field(() => Gender, { description: '性别 — gender' })
  gender!: Gender;

  @ManyToOne(() => Organization, {
    mapToPk: true,
    fieldName: 'organization_id',
    index: true,
    deleteRule: 'restrict',
  })
  organizationId!: string;

  @Property({ type: 'string', length: 100 })
  @Field({ description: '原任职务 — the position held' })
  position!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '离任时间 — left office on' })
  leftOn!: string;

  @Enum({ items: () => Placement })
  @Field(() => Placement, { description: '安置方式 — the placement (一人一策)' })
  placement!: Placement;

  @Property({ type: 'string', length: 200 })
  placementNote!: string;

  @ManyToOne(() => Organization, {
    mapToPk: true,
    fieldName: 'responsible_organization_id',
    deleteRule: 'restrict',
  })
  responsibleOrganizationId!: string;

  @Property({ version: true })
  @Field(() => Int, { description: '版本 — send it back with a change (optimistic locking)' })
  version!: number;
}

// hr-only in answers, so withheld in the audit trail too
declarePersonalFields(DepartingCadre, { placementNote: withheld });
