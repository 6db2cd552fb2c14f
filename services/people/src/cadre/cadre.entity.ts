import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Person } from '../person/person.entity';
import { CadreRank } from '../workforce/vocabulary';

@Entity({ tableName: 'cadre' })
@Unique({ properties: ['personId'] })
@ObjectType({ description: '干部档案 — a cadre’s record: rank and the county-leader mark' })
export class Cadre {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @ManyToOne(() => Person, { mapToPk: true, fieldName: 'person_id', deleteRule: 'restrict' })
  personId!: string;

  @Enum({ items: () => CadreRank })
  @Field(() => CadreRank, { description: '职级 — rank' })
  rank!: CadreRank;

  @Property({ type: 'boolean', default: false })
  @Field({ description: '县领导 — marked as a county leader' })
  countyLeader!: boolean;

  @Property({ version: true })
  @Field(() => Int, { description: '版本 — send it back with a change (optimistic locking)' })
  version!: number;
}
