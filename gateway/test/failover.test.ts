import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RootFailover } from '../src/failover';

/* Which subgraphs may take a failed root fetch, read from the committed supergraph's join directives. */
const failover = new RootFailover(readFileSync(join(__dirname, '../../schema/supergraph.graphql'), 'utf8'));
const COPIES = ['gov-services', 'governance', 'pilots', 'reform'];
const flat = (query: string | undefined) => query?.replace(/\s+/g, ' ');

describe('root failover', () => {
  it('offers the region copies for a root fetch of shared fields, and nothing for what people alone has', () => {
    expect(failover.alternatives('people', '{ region(code: "990722") { name level } }', {})).toMatchObject({
      parts: [{ subgraphs: COPIES, keys: ['region'] }],
      lost: [],
    });
    // the copies answer as `regionCopy` / `regionsCopy`, hidden from the API, so people roots plans while up
    expect(flat(failover.alternatives('people', '{ regions { code } }', {})?.parts[0].query)).toBe(
      '{ regions: regionsCopy { code } }',
    );
    expect(failover.alternatives('reform', '{ regions { code } }', {})?.parts[0]).toMatchObject({
      subgraphs: ['people'],
      query: '{\n  regions {\n    code\n  }\n}',
    });
    expect(failover.alternatives('people', '{ person(id: "x") { name } }', {})).toBeNull();
    expect(
      failover.alternatives(
        'people',
        'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
        {},
      ),
    ).toBeNull();
    expect(
      failover.alternatives(
        'people',
        'mutation { updateRegion(code: "1", input: { name: "x" }) { name } }',
        {},
      ),
    ).toBeNull();
  });

  it('keeps the shared fields of a fetch whose other fields only the failed subgraph has', () => {
    // the planner gives reform `region` (its copy) beside its own `reformTask` in one fetch
    const plan = failover.alternatives(
      'reform',
      'query Q($code: ID!, $id: ID!) { region(code: $code) { name } task: reformTask(id: $id) { id } }',
      { code: '990722', id: 'x' },
    );
    expect(plan?.lost).toEqual(['task']);
    expect(plan?.parts).toHaveLength(1);
    expect(plan?.parts[0]).toMatchObject({ keys: ['region'], variables: { code: '990722' } });
    expect(plan?.parts[0].subgraphs[0]).toBe('people');
    expect(flat(plan?.parts[0].query)).toBe('query Q($code: ID!) { region(code: $code) { name } }');
    expect(
      failover.alternatives('people', '{ region(code: "1") { name } person(id: "x") { id } }', {}),
    ).toMatchObject({ parts: [{ keys: ['region'] }], lost: ['person'] });
  });

  it('leaves out what the variables leave out, and the variables then unused', () => {
    const plan = failover.alternatives(
      'people',
      'query Q($code: ID!, $with: Boolean!) { region(code: $code) { ... on Region @include(if: $with) { workforceStats { cadresInSecondment } } } }',
      { code: '990722', with: false },
    );
    expect(flat(plan?.parts[0].query)).toBe(
      'query Q($code: ID!) { region: regionCopy(code: $code) { __typename } }',
    );
    expect(plan?.parts[0].variables).toEqual({ code: '990722' });
    // switched on, the people-only field stays, and a copy will refuse the document
    expect(
      failover.alternatives(
        'people',
        'query Q($with: Boolean!) { region(code: "1") { workforceStats @include(if: $with) { cadresInSecondment } } }',
        { with: true },
      )?.parts[0].query,
    ).toContain('workforceStats');
  });
});
