import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** 行政区划 — Region, owned by the people subgraph; this subgraph adds `serviceStats`. */
@ObjectType('Region')
@Directive('@key(fields: "code")')
export class RegionRef {
  @Field(() => ID)
  code!: string;
}

/** 单位 — Organization, owned by people; this subgraph adds its service items. */
@ObjectType('Organization')
@Directive('@key(fields: "id")')
export class OrganizationRef {
  @Field(() => ID)
  id!: string;
}

/** 人员 — Person, owned by people; this subgraph adds the cases a proxy agent handled. */
@ObjectType('Person')
@Directive('@key(fields: "id")')
export class PersonRef {
  @Field(() => ID)
  id!: string;
}
