import { includeVariable, type CockpitDomain } from '../domains';

/**
 * The one operation a refresh sends: the region and, for every domain switched on, its panel's fragment
 * (each fragment selects its domain's statistics field on `Region`; a domain may add a second fragment on
 * `Region` for its lists). Everything hangs off `region`, so the query plan makes one call per subgraph.
 * Variables are declared only when a fragment uses them, since GraphQL refuses an unused variable.
 *
 * Each domain's fragments carry `@include(if: $with<Domain>)` (default true). A statistics field declared
 * non-null takes its parent down with it when its subgraph fails (GraphQL's null propagation): `region`.
 * The page then asks once more without the failed domains, so the other panels still get fresh data.
 */
export function cockpitOperation(domains: readonly CockpitDomain[]): string {
  const include = (domain: CockpitDomain) => `@include(if: $${includeVariable(domain.key)})`;
  const variables = [
    '$code: ID!',
    ...new Set(domains.flatMap((domain) => domain.variables)),
    ...domains.map((domain) => `$${includeVariable(domain.key)}: Boolean! = true`),
  ];
  return [
    `query Cockpit(${variables.join(', ')}) {`,
    '  region(code: $code) {',
    '    code',
    '    name',
    '    level',
    // the regions below, for the map, the ranking and drill-down; each domain adds its figures to them
    '    children {',
    '      code',
    '      name',
    '    }',
    ...domains.map((domain) => `    ...${domain.fragment} ${include(domain)}`),
    ...domains.flatMap((domain) =>
      domain.lists ? [`    ...${domain.lists.fragment} ${include(domain)}`] : [],
    ),
    '  }',
    '}',
    '',
  ].join('\n');
}
