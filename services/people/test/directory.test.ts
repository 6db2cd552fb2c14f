import { DEMO_COUNTY_CODE, generateDemoCity } from '@county/demo-data';
import { as, startTestSubgraph, type TestSubgraph } from '@county/test-kit';
import { peopleSubgraph } from '@county/people';

let people: TestSubgraph;
const city = generateDemoCity({ counties: 1 });
const township = city.regions.find((r) => r.parentCode === DEMO_COUNTY_CODE)!;

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
});
afterAll(() => people.close());

describe('regions', () => {
  it('answers a county with its parent, children and ancestors', async () => {
    const village = city.regions.find((r) => r.parentCode === township.code)!;
    const { data, errors } = await people.query<{ county: any; village: any }>(
      `query ($county: ID!, $village: ID!) {
        county: region(code: $county) { name level parent { code level } children { code level } }
        village: region(code: $village) { level ancestors { code } }
      }`,
      { county: DEMO_COUNTY_CODE, village: village.code },
    );
    expect(errors).toBeUndefined();
    expect(data!.county.level).toBe('COUNTY');
    expect(data!.county.parent).toEqual({ code: '990700', level: 'CITY' });
    expect(data!.county.children).toHaveLength(21);
    expect(data!.county.children.every((c: { level: string }) => c.level === 'TOWNSHIP')).toBe(true);
    expect(data!.village.level).toBe('VILLAGE');
    expect(data!.village.ancestors.map((a: { code: string }) => a.code)).toEqual([
      '990700',
      DEMO_COUNTY_CODE,
      township.code,
    ]);
  });

  it('lists regions by level: the 346 villages of the demo county', async () => {
    const { data } = await people.query<{ regions: { code: string }[] }>(
      '{ regions(level: VILLAGE) { code } }',
    );
    expect(data!.regions).toHaveLength(346);
  });

  it('returns null for an unknown but well-formed code', async () => {
    const { data, errors } = await people.query('{ region(code: "990799") { name } }');
    expect(errors).toBeUndefined();
    expect(data).toEqual({ region: null });
  });

  it.each(['12', '9907221', 'abcdef', '990722001001001'])(
    'refuses the malformed code %s, naming the field',
    async (code) => {
      const { errors } = await people.query('query ($code: ID!) { region(code: $code) { name } }', { code });
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code', rule: 'format' });
    },
  );
});

describe('organisations', () => {
  it('filters by region including everything below it', async () => {
    const expected = city.organizations.filter((o) => o.regionCode.startsWith(township.code)).length;
    const { data } = await people.query<{ organizations: { totalCount: number } }>(
      `{ organizations(regionCode: "${township.code}") { totalCount } }`,
    );
    expect(data!.organizations.totalCount).toBe(expected);
    expect(expected).toBeGreaterThan(3);
  });

  it('pages through a list with cursors: every row once, in name order, totalCount matching', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page: any = await people.query(
        `query ($after: String) { organizations(regionCode: "${township.code}", first: 7, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } nodes { id name } } }`,
        { after },
      );
      const { nodes, pageInfo, totalCount } = page.data.organizations;
      total = totalCount;
      seen.push(...nodes.map((n: { id: string }) => n.id));
      after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(total);
  });

  it('filters by type and by name, and resolves region, parent and leader', async () => {
    const { data } = await people.query<any>(
      `{ organizations(type: TOWNSHIP_GOVERNMENT, first: 100) { totalCount nodes { type region { level } parent { type } leader { name } } } }`,
    );
    expect(data.organizations.totalCount).toBe(21);
    for (const node of data.organizations.nodes) {
      expect(node.type).toBe('TOWNSHIP_GOVERNMENT');
      expect(node.region.level).toBe('TOWNSHIP');
      expect(node.parent.type).toBe('GOVERNMENT');
      expect(node.leader.name).toEqual(expect.any(String));
    }
    const byName = await people.query<any>('{ organizations(name: "改革", first: 5) { nodes { name } } }');
    expect(byName.data.organizations.nodes.length).toBeGreaterThan(0);
    expect(byName.data.organizations.nodes.every((n: { name: string }) => n.name.includes('改革'))).toBe(
      true,
    );
  });

  it('treats LIKE wildcards in a searched name literally', async () => {
    const { data } = await people.query<any>('{ organizations(name: "%") { totalCount } }');
    expect(data.organizations.totalCount).toBe(0);
  });

  it.each([
    ['{ organizations(first: 101) { totalCount } }', 'first', 'max'],
    ['{ organizations(first: 0) { totalCount } }', 'first', 'min'],
    ['{ organizations(after: "not-a-cursor") { totalCount } }', 'after', 'cursor'],
    ['{ organizations(regionCode: "99") { totalCount } }', 'regionCode', 'format'],
    ['{ organization(id: "42") { name } }', 'id', 'format'],
  ])('refuses %s with field %s and rule %s', async (query, field, rule) => {
    const { errors } = await people.query(query);
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
    expect(JSON.stringify(errors)).not.toMatch(/select|stack|at \w+ \(/i);
  });
});

describe('people and personal data', () => {
  const leader = city.people.find((p) => p.roles.includes('COUNTY_LEADER' as never))!;
  const query = `query ($id: ID!) { person(id: $id) { name roles birthDate phone idNumber organization { name } } }`;

  it('masks birth date, phone and ID number for anyone without hr', async () => {
    for (const identity of [as.anonymous, as.role('leader'), as.role('reform-office')]) {
      const { data } = await people.query<any>(query, { id: leader.id }, identity);
      expect(data.person.name).toBe(leader.name);
      expect(data.person.birthDate).toBeNull();
      expect(data.person.phone).toBe(`${leader.phone.slice(0, 3)}****${leader.phone.slice(-4)}`);
      expect(data.person.idNumber).toBe(`${leader.idNumber.slice(0, 6)}********${leader.idNumber.slice(-4)}`);
    }
  });

  it('shows personal data in full to hr', async () => {
    const { data } = await people.query<any>(query, { id: leader.id }, as.role('hr'));
    expect(data.person).toMatchObject({
      birthDate: leader.birthDate,
      phone: leader.phone,
      idNumber: leader.idNumber,
    });
  });

  it('masks personal data in entity references too (the path other subgraphs use)', async () => {
    const { data } = await people.query<any>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { idNumber phone birthDate } } }`,
      { r: [{ __typename: 'Person', id: leader.id }] },
    );
    expect(data._entities[0].idNumber).toContain('********');
    expect(data._entities[0].birthDate).toBeNull();
  });

  it('filters people by role and by region including below', async () => {
    const gridWorkers = city.people.filter((p) => p.roles.includes('GRID_WORKER' as never));
    const inTownship = city.people.filter((p) =>
      city.organizations.find((o) => o.id === p.organizationId)!.regionCode.startsWith(township.code),
    );
    const { data } = await people.query<any>(
      `{ all: people(role: GRID_WORKER) { totalCount } here: people(regionCode: "${township.code}") { totalCount } }`,
    );
    expect(data.all.totalCount).toBe(gridWorkers.length);
    expect(data.here.totalCount).toBe(inTownship.length);
  });
});
