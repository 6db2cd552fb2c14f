import fs from 'node:fs';
import { composeSupergraph, SUPERGRAPH_FILE } from '../src/compose.lib';
import { SUBGRAPHS } from '../src/subgraphs';
import { checkNullableExtensions, type ExtensionField } from '../src/nullable-extensions';

/**
 * The check behind `npm run build` (schema's build step), `npm run compose` and `npm run schema:check`:
 * every field a subgraph adds to another subgraph's entity is nullable, read from the composed
 * supergraph's join__type / join__field directives.
 */
let composition: Awaited<ReturnType<typeof composeSupergraph>>;

beforeAll(async () => {
  composition = await composeSupergraph(SUBGRAPHS);
});

const LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@extends"])\n`;
const OWNER = `${LINK}type Query { place(id: ID!): Place }
type Place @key(fields: "id") { id: ID! name: String! }`;
const pair = (extender: string) =>
  composeSupergraph([
    { name: 'registry', url: 'http://127.0.0.1:1/graphql', sdl: OWNER },
    { name: 'visitors', url: 'http://127.0.0.1:2/graphql', sdl: `${LINK}${extender}` },
  ]).then(({ supergraph }) => checkNullableExtensions(supergraph));

it('passes on the committed supergraph and a fresh one, finding every extension from the directives', () => {
  const committed = checkNullableExtensions(fs.readFileSync(SUPERGRAPH_FILE, 'utf8'));
  const fresh = checkNullableExtensions(composition.supergraph);
  expect(committed.problems).toEqual([]);
  expect(fresh.problems).toEqual([]);
  expect(committed.extensions).toEqual(fresh.extensions);

  const byCoordinate = new Map<string, ExtensionField>(fresh.extensions.map((e) => [e.coordinate, e]));
  expect(byCoordinate.get('Region.riskSummary')).toEqual({
    coordinate: 'Region.riskSummary',
    type: 'RiskSummary',
    addedBy: ['governance'],
    owner: 'people',
  });
  expect(byCoordinate.get('Person.grids')?.type).toBe('[Grid!]');
  expect([...byCoordinate.keys()]).toEqual(
    expect.arrayContaining([
      'Region.reformStats',
      'Region.pilotStats',
      'Region.serviceStats',
      'Region.disputeStats',
      'Region.grids',
      'Region.riskVillages',
      'Organization.serviceItems',
      'Organization.pilots',
      'Organization.ledReformTasks',
      'Person.proxyCases',
      'Person.mediations',
      'Person.linkedReformTasks',
    ]),
  );
  // people's own fields (its region's name, its workforce figures) are no extensions
  expect(byCoordinate.has('Region.name')).toBe(false);
  expect(byCoordinate.has('Region.workforceStats')).toBe(false);
  expect(new Set(fresh.extensions.map((e) => e.owner))).toEqual(new Set(['people']));
});

it('fails on a real extension made non-null again (governance’s Region.riskSummary)', async () => {
  const { supergraph } = await composeSupergraph(
    composition.subgraphs.map(({ name, url, sdl }) => ({
      name,
      url,
      sdl:
        name === 'governance'
          ? sdl.replace(/(riskSummary\(year: Int!\)): RiskSummary\n/, '$1: RiskSummary!\n')
          : sdl,
    })),
  );
  expect(checkNullableExtensions(supergraph).problems).toEqual([
    "Region.riskSummary: RiskSummary!, added by governance to people's Region, must be nullable (RiskSummary): " +
      'while governance fails, a non-null field nulls the whole Region',
  ]);
});

it('fails on a small subgraph pair: a non-null field added to the other’s entity, lists included', async () => {
  const report = await pair(
    'type Place @extends @key(fields: "id") { id: ID! visits: Int! busiest: [Int!]! quiet: [Int!] }',
  );
  expect(report.extensions.map((e) => `${e.coordinate} ${e.type} ${e.addedBy} ${e.owner}`)).toEqual([
    'Place.visits Int! visitors registry',
    'Place.busiest [Int!]! visitors registry',
    'Place.quiet [Int!] visitors registry',
  ]);
  expect(report.problems.map((p) => p.split(':')[0])).toEqual(['Place.visits', 'Place.busiest']);

  expect((await pair('type Place @extends @key(fields: "id") { id: ID! visits: Int }')).problems).toEqual([]);
});

it('fails when an entity’s owner cannot be told: two subgraphs define it and neither extends', async () => {
  const { problems } = await pair('type Place @key(fields: "id") { id: ID! visits: Int }');
  expect(problems).toEqual([
    expect.stringMatching(
      /^Place: its owner cannot be told from the supergraph: registry, visitors each define it without @extends/,
    ),
  ]);
});
