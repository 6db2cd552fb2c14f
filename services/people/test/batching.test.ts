import { generateDemoCity } from '@county/demo-data';
import { countStatements, startTestSubgraph, type TestSubgraph } from '@county/test-kit';
import { peopleSubgraph } from '@county/people';

let people: TestSubgraph;
const city = generateDemoCity({ counties: 1 });

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
});
afterAll(() => people.close());

const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id name } ... on Organization { id name } } }`;

describe('one SQL statement per entity type per level, whatever the list size', () => {
  it('resolves 100 Person representations with one statement', async () => {
    const representations = city.people.slice(0, 100).map((p) => ({ __typename: 'Person', id: p.id }));
    const { result, sql } = await countStatements(people.orm, () =>
      people.query<any>(ENTITIES, { r: representations }),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data._entities.map((e: { id: string }) => e.id)).toEqual(representations.map((r) => r.id));
    expect(sql).toHaveLength(1);
    expect(sql[0]).toMatch(/from "person" where "id" = any\(\$1\)/);
  });

  it('resolves mixed types with one statement per type, and unknown ids as null', async () => {
    const representations = [
      ...city.people.slice(0, 30).map((p) => ({ __typename: 'Person', id: p.id })),
      ...city.organizations.slice(0, 30).map((o) => ({ __typename: 'Organization', id: o.id })),
      { __typename: 'Person', id: '00000000-0000-4000-8000-000000000000' },
    ];
    const { result, sql } = await countStatements(people.orm, () =>
      people.query<any>(ENTITIES, { r: representations }),
    );
    expect(result.data._entities).toHaveLength(61);
    expect(result.data._entities[60]).toBeNull();
    expect(sql).toHaveLength(2);
  });

  it('a page of 100 organisations with region, parent and leader costs the same statements as a page of 5', async () => {
    const page = (first: number) =>
      `{ organizations(first: ${first}) { totalCount nodes { name region { name parent { name } } parent { name } leader { name organization { name } } } } }`;
    const small = await countStatements(people.orm, () => people.query(page(5)));
    const large = await countStatements(people.orm, () => people.query<any>(page(100)));
    expect(large.result.data.organizations.nodes).toHaveLength(100);
    expect(large.sql.length).toBe(small.sql.length);
    // level 0: page + count; level 1: regions, parent organisations, leaders;
    // level 2: the regions' parents, the leaders' organisations
    expect(large.sql.length).toBe(7);
  });
});

describe('schema', () => {
  it('the entities agree with the committed migrations (no change left to generate)', async () => {
    const diff = await people.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });
});
