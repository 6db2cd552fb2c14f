import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { maskIdNumber, maskPhone } from '@county/domain';
import { declarePersonalFields, withheld } from '@county/kit';
import { Gender, PersonRole } from '../vocabulary';
import { Organization } from '../organization/organization.entity';

/**
 * Birth date, phone and ID number are personal data: stored in full, exposed by the resolver
 * (masked unless the caller has `hr`), never as plain fields.
 */
@Entity({ tableName: 'person' })
@Index({ properties: ['name', 'id'] })
@Index({
  name: 'person_roles_idx',
  expression: 'create index "person_roles_idx" on "person" using gin ("roles")',
})
@ObjectType({ description: '人员 — a person: cadre, community worker, grid worker, mediator, proxy agent …' })
@Directive('@key(fields: "id")')
export class Person {
  [OptionalProps]?: 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'string', length: 50 })
  @Field({ description: '姓名 — name' })
  name!: string;

  @Enum({ items: () => Gender })
  @Field(() => Gender, { description: '性别 — gender' })
  gender!: Gender;

  @Property({ type: 'date' })
  birthDate!: string;

  @Enum({ items: () => PersonRole, array: true })
  @Field(() => [PersonRole], { description: '角色 — roles' })
  roles!: PersonRole[];

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

  @Property({ type: 'string', length: 20 })
  phone!: string;

  @Property({ type: 'string', length: 18, unique: true })
  idNumber!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

// the audit trail masks them as the Person resolver does (birth date: null there, withheld here)
declarePersonalFields(Person, { birthDate: withheld, phone: maskPhone, idNumber: maskIdNumber });
