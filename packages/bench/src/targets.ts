import { isDeepStrictEqual } from 'node:util';
import { Identity } from '@county/kit';
import { gatewayHeaders } from '@county/platform';
import { signDevToken } from '@county/gateway';
import type { Endpoints } from './environment';

/** A directory fan-out: a region, its children, a page of organisations with their region and leader. */
export const QUERY =
  '{ region(code: "990722") { name level children { code name } } organizations(regionCode: "990722", first: 20) { totalCount nodes { id name type region { name } leader { name position } } } }';

export type TargetName = 'direct' | 'gateway';

export interface Target {
  name: TargetName;
  url: string;
  /** Fresh for each run: the direct target's caller token lives a minute. */
  headers: () => Promise<Record<string, string>>;
  body: string;
}

/** The same query, as a leader: through the gateway (a signed token) or to the subgraph as the gateway would. */
const leader = Identity.fromClaims({ sub: 'bench', roles: ['leader'] });

export async function benchTargets(endpoints: Endpoints): Promise<Target[]> {
  const body = JSON.stringify({ query: QUERY });
  const json = { 'content-type': 'application/json' };
  const token = await signDevToken({ sub: 'bench', roles: ['leader'] }, { secret: endpoints.jwtSecret });
  return [
    {
      name: 'direct',
      url: endpoints.subgraphUrl,
      headers: async () => ({ ...json, ...(await gatewayHeaders(endpoints.keys, 'people', leader)) }),
      body,
    },
    {
      name: 'gateway',
      url: endpoints.gatewayUrl,
      headers: async () => ({ ...json, authorization: `Bearer ${token}` }),
      body,
    },
  ];
}

const excerpt = (text: string) => (text.length > 600 ? `${text.slice(0, 600)}…` : text);

async function answer(target: Target): Promise<{ text: string; data: unknown }> {
  const response = await fetch(target.url, {
    method: 'POST',
    headers: await target.headers(),
    body: target.body,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  const fail = (why: string) => new Error(`The ${target.name} target ${why}:\n${excerpt(text)}`);
  if (response.status !== 200) throw fail(`answered HTTP ${response.status}`);
  let parsed: { data?: unknown; errors?: unknown[] };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    throw fail('answered something that is not JSON');
  }
  if (parsed.errors?.length) throw fail('answered with errors');
  const data = parsed.data as { region?: unknown; organizations?: { nodes?: unknown[] } } | undefined;
  if (!data?.region || !data.organizations?.nodes?.length)
    throw fail('found no region or no organisations (was the demo data seeded?)');
  return { text, data };
}

/**
 * One query to each target before any load: HTTP 200, no errors, data present and identical on both.
 * Returns each target's exact response body, which every response under load must then match.
 */
export async function checkTargets(targets: Target[]): Promise<Map<TargetName, string>> {
  const answers = await Promise.all(targets.map(answer));
  for (let i = 1; i < answers.length; i++) {
    if (!isDeepStrictEqual(answers[0].data, answers[i].data))
      throw new Error(
        `The ${targets[0].name} and ${targets[i].name} targets answered different data:\n` +
          `${targets[0].name}: ${excerpt(JSON.stringify(answers[0].data))}\n` +
          `${targets[i].name}: ${excerpt(JSON.stringify(answers[i].data))}`,
      );
  }
  return new Map(targets.map((target, i) => [target.name, answers[i].text]));
}
