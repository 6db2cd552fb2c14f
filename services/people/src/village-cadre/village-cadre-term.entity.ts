import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { Person } from '../person/person.entity';
import { Organization } from '../organization/organization.entity';

@Entity({ tableName: 'village_cadre_term' })
@ObjectType({ description: '村干部任期 — a village cadre’s term of office from a 换届 election' })
export class VillageCadreTerm {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @ManyToOne(() => Person, { mapToPk: true, fieldName: 'person_id', index: true, deleteRule: 'restrict' })
  personId!: string;

  @ManyToOne(() => Organization, {
    mapToPk: true,
    fieldName: 'organization_id',
    index: true,
    deleteRule: 'restrict',
  })
  organizationId!: string;

  @Property({ type: 'string', length: 100 })
  @Field({ description: '职务 — position' })
  position!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '任期开始 — start of the term (the 换届 election)' })
  termStart!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '任期届满 — end of the term' })
  termEnd!: string;

  @Property({ type: 'boolean' })
  @Field({ description: '新任 — first elected at this 换届' })
  newlyElected!: boolean;

  @Property({ version: true })
  @Field(() => Int, { description: '版本 — send it back with a change (optimistic locking)' })
  version!: number;
}
