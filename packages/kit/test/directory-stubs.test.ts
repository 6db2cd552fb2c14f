import { graphql } from 'graphql';
import { FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { buildFederatedSchema, directoryStubs, subgraphSdl, type RegionKey } from '@county/kit';

// two subgraphs in one process, each adding its own field to Region, as the tests and `npm start` build them
const first = directoryStubs();
const second = directoryStubs();

@Resolver(() => first.RegionRef)
class FirstRegionResolver {
  @FieldResolver(() => Int)
  firstStat(@Root() region: RegionKey): number {
    return region.code.length;
  }
}

@Resolver(() => second.RegionRef)
class SecondRegionResolver {
  @FieldResolver(() => Int)
  secondStat(): number {
    return 2;
  }
}

const definition = (name: string, stubs: typeof first, resolver: new () => object) => ({
  name,
  resolvers: [resolver] as [typeof resolver],
  orphanedTypes: [stubs.RegionRef, stubs.OrganizationRef, stubs.PersonRef],
  references: stubs.references,
});

describe('directoryStubs', () => {
  it('makes classes of its own per call, so each subgraph prints only its own fields on Region', async () => {
    expect(first.RegionRef).not.toBe(second.RegionRef);
    // built twice each, in turn: type-graphql's metadata is shared by every schema built in the process
    for (let round = 0; round < 2; round++) {
      const one = await subgraphSdl(definition('first', first, FirstRegionResolver));
      const two = await subgraphSdl(definition('second', second, SecondRegionResolver));
      expect(one).toContain('firstStat');
      expect(one).not.toContain('secondStat');
      expect(two).toContain('secondStat');
      expect(two).not.toContain('firstStat');
      for (const sdl of [one, two]) {
        expect(sdl).toMatch(/type Region\s+@extends\s+@key\(fields: "code"\)/);
        expect(sdl).toMatch(/type Organization\s+@extends\s+@key\(fields: "id"\)/);
        expect(sdl).toMatch(/type Person\s+@extends\s+@key\(fields: "id"\)/);
      }
    }
  });

  it('answers a representation with a malformed key with null, before any field resolver runs', async () => {
    const schema = await buildFederatedSchema(definition('first', first, FirstRegionResolver));
    const uuid = '00000000-0000-4000-8000-000000000000';
    const { data, errors } = await graphql({
      schema,
      source: `query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on Region { code firstStat } ... on Organization { id } ... on Person { id } } }`,
      variableValues: {
        r: [
          { __typename: 'Region', code: '990722001' },
          { __typename: 'Region', code: '99' },
          { __typename: 'Region', code: 990722 },
          { __typename: 'Organization', id: uuid },
          { __typename: 'Organization', id: 'x' },
          { __typename: 'Person', id: uuid },
          { __typename: 'Person', id: "1' or '1'='1" },
        ],
      },
      contextValue: {},
    });
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([
      { code: '990722001', firstStat: 9 },
      null,
      null,
      { id: uuid },
      null,
      { id: uuid },
      null,
    ]);
  });
});
