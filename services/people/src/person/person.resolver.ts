import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { maskIdNumber, maskPhone, regionCodePrefix, uuidRule } from '@county/domain';
import {
  allOf,
  ConnectionType,
  DateScalar,
  entityLoader,
  escapeLike,
  pageRows,
  parseInput,
} from '@county/kit';
import type { Page, RowFilter, SubgraphContext } from '@county/kit';
import { Organization } from '../organization/organization.entity';
import { seesPersonalData } from '../permissions';
import { Person } from './person.entity';
import { PeopleArgs } from './person.args';
import { peopleArgsRule } from './person.rules';

export const PersonConnection = ConnectionType(Person, '人员列表 — a page of people');

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: '人员 — one person by id; null when unknown' })
  person(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Person | null> {
    parseInput(uuidRule, id, 'id');
    return entityLoader(ctx, Person, 'id').load(id);
  }

  @Query(() => PersonConnection, {
    description: '人员列表 — people by region (including below), organisation, role, name',
  })
  people(@Args() args: PeopleArgs, @Ctx() ctx: SubgraphContext): Promise<Page<Person>> {
    parseInput(peopleArgsRule, args, '');
    const filters: RowFilter[] = [];
    if (args.regionCode) {
      filters.push({
        sql: 'p.organization_id in (select o.id from organization o where o.region_code like ?)',
        params: [`${regionCodePrefix(args.regionCode)}%`],
      });
    }
    if (args.organizationId) filters.push({ sql: 'p.organization_id = ?', params: [args.organizationId] });
    // `@>`, not `= any(…)`: the roles' GIN index answers containment
    if (args.role) filters.push({ sql: 'p.roles @> array[?]::text[]', params: [args.role] });
    if (args.name) filters.push({ sql: 'p.name ilike ?', params: [`%${escapeLike(args.name)}%`] });
    return pageRows(ctx, Person, 'p', allOf(...filters), args, 'name', 'id');
  }

  @FieldResolver(() => Organization, { description: '所在单位 — the organisation the person works in' })
  organization(@Root() person: Person, @Ctx() ctx: SubgraphContext): Promise<Organization | null> {
    return entityLoader(ctx, Organization, 'id').load(person.organizationId);
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description: '出生日期 — personal data: null unless the caller has hr',
  })
  birthDate(@Root() person: Person, @Ctx() ctx: SubgraphContext): string | null {
    return seesPersonalData(ctx) ? person.birthDate : null;
  }

  @FieldResolver(() => String, {
    description: '手机号 — personal data: masked (138****1234) unless the caller has hr',
  })
  phone(@Root() person: Person, @Ctx() ctx: SubgraphContext): string {
    return seesPersonalData(ctx) ? person.phone : maskPhone(person.phone);
  }

  @FieldResolver(() => String, {
    description: '身份证号 — personal data: masked (first 6 + last 4) unless the caller has hr',
  })
  idNumber(@Root() person: Person, @Ctx() ctx: SubgraphContext): string {
    return seesPersonalData(ctx) ? person.idNumber : maskIdNumber(person.idNumber);
  }
}
