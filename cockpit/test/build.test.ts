import fs from 'node:fs';
import path from 'node:path';
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner, prettyFormatQueryPlan } from '@apollo/query-planner';
import { parse } from 'graphql';
import { DOMAINS } from '@county/cockpit';
import { cockpitOperation } from '../src/build/operation';
import { runCockpitBuild, TEST_BUILDS } from './support/build-tool';

const supergraph = fs.readFileSync(path.join(__dirname, '../../schema/supergraph.graphql'), 'utf8');

function writeSchema(name: string, sdl: string): string {
  const file = path.join(TEST_BUILDS, 'schemas', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, sdl);
  return file;
}

describe('the cockpit operation, compiled against the supergraph by `npm run build`', () => {
  it('asks for every domain switched on in one operation, declaring each variable once', () => {
    const operation = cockpitOperation(
      DOMAINS.filter((d) => ['reform', 'services', 'governance'].includes(d.key)),
    );
    expect(operation).toContain(
      'query Cockpit($code: ID!, $year: Int!, $from: Date!, $to: Date!, ' +
        '$withReform: Boolean! = true, $withServices: Boolean! = true, $withGovernance: Boolean! = true)',
    );
    // each domain can be left out of a retry when its subgraph failed
    expect(operation.match(/\.\.\.\w+ @include\(if: \$\w+\)/g)).toEqual([
      '...ReformPanel @include(if: $withReform)',
      '...ServicesPanel @include(if: $withServices)',
      '...GovernancePanel @include(if: $withGovernance)',
      '...ReformLists @include(if: $withReform)',
      '...GovernanceLists @include(if: $withGovernance)',
    ]);
    // the regions below, for the map, the ranking and drill-down, whatever domains are on
    expect(cockpitOperation([])).toMatch(/children \{\s+code\s+name\s+\}/);
    expect(cockpitOperation([])).toContain('query Cockpit($code: ID!) {');
  });

  it('fails the build when the schema no longer has a field the cockpit asks for', async () => {
    const broken = supergraph.replace(/\n(\s+)children: \[Region!\]!/, '\n$1descendants: [Region!]!');
    expect(broken).not.toBe(supergraph);
    const out = path.join(TEST_BUILDS, 'broken-build');
    const result = await runCockpitBuild([
      '--supergraph',
      writeSchema('renamed-children.graphql', broken),
      '--domains',
      'none',
      '--out',
      out,
    ]);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/cockpit build failed: .*children/s);
    expect(fs.existsSync(path.join(out, 'public'))).toBe(false);
  });

  it('fails the build when a domain is switched on whose field the schema lacks', async () => {
    const withoutReform = supergraph.replace(/\breformStats\b/g, 'somethingElse');
    const result = await runCockpitBuild([
      '--supergraph',
      writeSchema('without-reform.graphql', withoutReform),
      '--domains',
      'reform',
      '--out',
      path.join(TEST_BUILDS, 'broken-build'),
    ]);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/reformStats/);
  });

  it('refuses a domain it does not know', async () => {
    const result = await runCockpitBuild([
      '--domains',
      'weather',
      '--out',
      path.join(TEST_BUILDS, 'broken-build'),
    ]);
    expect(result.code).toBe(1);
    expect(result.output).toContain(
      'domains must be a list of reform, pilots, services, governance, workforce',
    );
  });

  it('asks every subgraph once per refresh: the query plan makes one call per contributing subgraph', async () => {
    const out = path.join(TEST_BUILDS, 'plan-build');
    const result = await runCockpitBuild([
      '--supergraph',
      writeSchema('committed.graphql', supergraph),
      '--domains',
      DOMAINS.map((d) => d.key).join(','),
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    const operation = fs.readFileSync(path.join(out, 'codegen', 'cockpit.graphql'), 'utf8');
    // the gateway's own planner, on the committed supergraph
    const schema = Supergraph.build(supergraph);
    const plan = new QueryPlanner(schema).buildQueryPlan(
      operationFromDocument(schema.schema, parse(operation), { operationName: 'Cockpit' }),
    );
    const calls: Record<string, number> = {};
    for (const [, service] of prettyFormatQueryPlan(plan).matchAll(/Fetch\(service: "([^"]+)"/g))
      calls[service] = (calls[service] ?? 0) + 1;
    // people for the region and its children, then each domain's subgraph once, lists and all
    expect(calls).toEqual(
      Object.fromEntries(
        [...new Set(['people', ...DOMAINS.map((d) => d.subgraph)])].sort().map((name) => [name, 1]),
      ),
    );
  });
});
