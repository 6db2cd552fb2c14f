/**
 * The five domains on the cockpit and the contract each relies on (design.md): one statistics field on
 * `Region`, resolved by one subgraph. Shared by the build (which assembles the one operation from the
 * domains switched on) and by the page (which maps an error back to the panel it concerns).
 */
export type DomainKey = 'reform' | 'pilots' | 'services' | 'governance' | 'workforce';

export interface CockpitDomain {
  key: DomainKey;
  /** The statistics field the domain adds to `Region`. */
  field: string;
  /** The subgraph resolving it: the gateway's `extensions.serviceName` when it is down. */
  subgraph: string;
  /** Operation variables its field takes, as declared in the operation. */
  variables: string[];
  /** The fragment on `Region` (in `web/domains/<key>.graphql`) selecting what its panel shows. */
  fragment: string;
  /**
   * A second fragment on `Region` in the same file, for the lists a panel or the alerts show (lagging
   * tasks, overdue orders and pilots, open red disputes), and the response keys it selects (errors name
   * them). On `Region`, not on `Query`: they then travel in the same call to the domain's subgraph as its
   * statistics, so a refresh makes one call per subgraph.
   */
  lists?: { fragment: string; fields: string[] };
  /** The panel's title on the screen. */
  title: string;
}

export const DOMAINS: readonly CockpitDomain[] = [
  {
    key: 'reform',
    field: 'reformStats',
    subgraph: 'reform',
    variables: ['$year: Int!'],
    fragment: 'ReformPanel',
    lists: { fragment: 'ReformLists', fields: ['laggingTasks', 'resultsBoard', 'overdueOrders'] },
    title: '改革任务',
  },
  {
    key: 'pilots',
    field: 'pilotStats',
    subgraph: 'pilots',
    variables: ['$year: Int!'],
    fragment: 'PilotsPanel',
    lists: { fragment: 'PilotsLists', fields: ['overduePilots'] },
    title: '改革试点',
  },
  {
    key: 'services',
    field: 'serviceStats',
    subgraph: 'gov-services',
    variables: ['$from: Date!', '$to: Date!'],
    fragment: 'ServicesPanel',
    title: '政务服务',
  },
  {
    key: 'governance',
    field: 'disputeStats',
    subgraph: 'governance',
    variables: ['$from: Date!', '$to: Date!', '$year: Int!'],
    fragment: 'GovernancePanel',
    lists: { fragment: 'GovernanceLists', fields: ['redDisputes', 'orangeDisputes'] },
    title: '社会治理',
  },
  {
    key: 'workforce',
    field: 'workforceStats',
    subgraph: 'people',
    variables: [],
    fragment: 'WorkforcePanel',
    title: '干部队伍',
  },
];

export const DOMAIN_KEYS = DOMAINS.map((domain) => domain.key);

export function isDomainKey(value: string): value is DomainKey {
  return (DOMAIN_KEYS as string[]).includes(value);
}

/**
 * The operation variable that switches a domain's fragments on (`@include(if: $withReform)`), true unless
 * the page leaves the domain out of a retry because its subgraph failed.
 */
export function includeVariable(key: DomainKey): string {
  return `with${key[0].toUpperCase()}${key.slice(1)}`;
}
