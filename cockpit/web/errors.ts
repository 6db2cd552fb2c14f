import { DOMAINS, type DomainKey } from '../src/domains';

export interface GraphQLErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; serviceName?: string; reason?: string };
}

/**
 * Which panels an error concerns. The gateway answers a failed subgraph with partial data and an error
 * whose `path` is the field that failed (`["region", "reformStats"]`, or a list of a panel such
 * as `["region", "laggingTasks"]`) and whose `extensions` carry
 * `code: SUBGRAPH_UNAVAILABLE` and `serviceName`. The path decides; the service name is the fallback for
 * errors whose path names no panel's field. What concerns no panel is returned as `general`.
 */
export function attributeErrors(errors: readonly GraphQLErrorEntry[] = []): {
  byDomain: Map<DomainKey, string>;
  general: GraphQLErrorEntry[];
} {
  const byDomain = new Map<DomainKey, string>();
  const general: GraphQLErrorEntry[] = [];
  for (const error of errors) {
    const [top, field] = error.path ?? [];
    const byPath = DOMAINS.filter((domain) =>
      top === 'region' ? domain.field === field || domain.lists?.fields.includes(String(field)) : false,
    );
    const domains = byPath.length
      ? byPath
      : DOMAINS.filter((domain) => domain.subgraph === error.extensions?.serviceName);
    if (domains.length === 0) {
      general.push(error);
      continue;
    }
    for (const domain of domains) if (!byDomain.has(domain.key)) byDomain.set(domain.key, describe(error));
  }
  return { byDomain, general };
}

/** A short reason a leader can read (the technical message stays in the console). */
export function describe(error: GraphQLErrorEntry): string {
  const service = error.extensions?.serviceName ? `（${error.extensions.serviceName}）` : '';
  switch (error.extensions?.code) {
    case 'SUBGRAPH_UNAVAILABLE':
      return error.extensions.reason === 'timeout' ? `子图响应超时${service}` : `子图暂时无法访问${service}`;
    case 'FORBIDDEN':
      return '当前令牌无权查看';
    case 'UNAUTHENTICATED':
      return '令牌无效或已过期';
    default:
      return `数据获取失败${service}`;
  }
}
