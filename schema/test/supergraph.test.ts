import fs from 'node:fs';
import { parse } from 'graphql';
import { composeServices as composeWithGuild } from '@theguild/federation-composition';
import { Supergraph } from '@apollo/federation-internals';
import { apiChanges, composeSupergraph, subgraphFile, SUPERGRAPH_FILE } from '../src/compose.lib';
import { SUBGRAPHS } from '../src/subgraphs';

let composition: Awaited<ReturnType<typeof composeSupergraph>>;

beforeAll(async () => {
  composition = await composeSupergraph(SUBGRAPHS);
});

describe('the committed schema', () => {
  it('each subgraph SDL in schema/ matches what its resolvers print (run `npm run compose` if not)', () => {
    for (const { name, sdl } of composition.subgraphs) {
      expect(fs.readFileSync(subgraphFile(name), 'utf8')).toBe(sdl);
    }
  });

  it('schema/supergraph.graphql matches a fresh composition (run `npm run compose` if not)', () => {
    expect(fs.readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(composition.supergraph);
  });

  it('composes with an independent composer too (@theguild/federation-composition)', () => {
    const result = composeWithGuild(
      composition.subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })),
    );
    expect(result.errors ?? []).toEqual([]);
    const api = Supergraph.build(result.supergraphSdl!).apiSchema().toGraphQLJSSchema();
    expect(Object.keys(api.getQueryType()!.getFields())).toEqual(
      expect.arrayContaining(['region', 'regions', 'organizations', 'people']),
    );
  });

  it('keeps the cross-domain contract the cockpit relies on', () => {
    const api = Supergraph.build(composition.supergraph).apiSchema().toGraphQLJSSchema();
    const region = api.getType('Region') as import('graphql').GraphQLObjectType;
    expect(Object.keys(region.getFields())).toEqual(
      expect.arrayContaining(['code', 'name', 'level', 'parent', 'children']),
    );
    // owned by people (resolvable), extended by the others
    expect(composition.supergraph).toMatch(
      /type Region\s+(@join__type\([^)]*\)\s+)*@join__type\(graph: PEOPLE, key: "code"\)\s/,
    );
    const regions = api.getQueryType()!.getFields().regions;
    expect(regions.args.map((a) => a.name)).toEqual(['level', 'parentCode', 'asOf', 'includeDissolved']);
    // one statistics field per domain, with the arguments of the design's contract
    const fields = region.getFields();
    const requiredArgs = (name: string) =>
      fields[name].args
        .filter((a) => String(a.type).endsWith('!'))
        .map((a) => `${a.name}: ${a.type}`)
        .sort();
    expect(requiredArgs('reformStats')).toEqual(['year: Int!']);
    expect(requiredArgs('pilotStats')).toEqual([]);
    expect(requiredArgs('serviceStats')).toEqual(['from: Date!', 'to: Date!']);
    expect(requiredArgs('disputeStats')).toEqual(['from: Date!', 'to: Date!']);
    expect(requiredArgs('workforceStats')).toEqual([]);
    // statistics of a period count merged regions in today's regions unless asked otherwise
    for (const name of [
      'serviceStats',
      'disputeStats',
      'reformStats',
      'reformInstrumentStats',
      'pilotStats',
      'workforceStats',
    ])
      expect([name, fields[name].args.find((a) => a.name === 'regions')?.defaultValue]).toEqual([
        name,
        'TODAY',
      ]);
  });
});

describe('the breaking-change check (npm run schema:check)', () => {
  const recompose = async (edit: (sdl: string) => string) => {
    const result = await composeSupergraph(
      composition.subgraphs.map(({ name, url, sdl }) => ({ name, url, sdl: edit(sdl) })),
    ).then(
      ({ supergraph }) => ({ supergraphSdl: supergraph, errors: undefined }),
      (error: Error) => ({ supergraphSdl: undefined, errors: [error] }),
    );
    expect(result.errors).toBeUndefined();
    return result.supergraphSdl!;
  };

  it('flags a removed field as breaking', async () => {
    const without = await recompose((sdl) => sdl.replace(/\n\s*"""[^"]*"""\n\s*ancestors: \[Region!\]!/, ''));
    expect(without).not.toContain('ancestors');
    const { breaking } = await apiChanges(composition.supergraph, without);
    expect(breaking.map((c) => c.path)).toContain('Region.ancestors');
  });

  it('lets an added optional argument through as safe', async () => {
    const withArgument = await recompose((sdl) =>
      sdl.replace('region(code: ID!): Region', 'region(code: ID!, asOf: String): Region'),
    );
    const { changes, breaking } = await apiChanges(composition.supergraph, withArgument);
    expect(changes.length).toBeGreaterThan(0);
    expect(breaking).toEqual([]);
  });
});
