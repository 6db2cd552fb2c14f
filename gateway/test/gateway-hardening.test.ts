import net from 'node:net';
import { once } from 'node:events';
import { peopleSubgraph } from '@county/people';
import {
  as,
  startTestGateway,
  startTestSubgraph,
  subgraphHeaders,
  type TestGateway,
  type TestSubgraph,
} from '@county/test-kit';
import { connectionCap, openFilesLimit } from '../src/limits/connections';

/*
 * Issue 16: gateways with deliberately low limits (refused tokens, connections) over one people subgraph,
 * the dev explorer's headers, and the subgraph's own handling of a client's request id.
 */
let people: TestSubgraph;
/** At most 3 refused tokens a minute per address. */
let tokens: TestGateway;
/** At most 5 connections per address and 8 in all. */
let capped: TestGateway;

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  [tokens, capped] = await Promise.all([
    startTestGateway([people], { REFUSED_TOKEN_RATE_LIMIT_PER_MINUTE: '3' }),
    startTestGateway([people], { HTTP_MAX_CONNECTIONS_PER_ADDRESS: '5', HTTP_MAX_CONNECTIONS: '8' }),
  ]);
}, 120_000);
afterAll(async () => {
  await Promise.all([tokens, capped].map((gateway) => gateway?.stop()));
  await people.close();
});

const ask = async (gateway: TestGateway, authorization?: string) => {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  return { status: response.status, body: (await response.json()) as { errors?: { extensions: object }[] } };
};

describe('requests with a refused token', () => {
  it('are limited per address: 429 after the limit, while valid tokens still pass', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await ask(tokens, `Bearer forged.${i}.token`)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await ask(tokens, 'Bearer forged.again.token');
    expect(limited.body.errors?.[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      limit: 'REFUSED_TOKEN_RATE_LIMIT_PER_MINUTE',
    });
    const valid = await tokens.token({ sub: 'screen', roles: ['leader'] });
    expect((await ask(tokens, `Bearer ${valid}`)).status).toBe(200);
  });
});

describe('connections', () => {
  const port = () => Number(new URL(capped.url).port);
  /** An idle socket from `localAddress`; resolves once the gateway has accepted or closed it. */
  const connect = async (localAddress: string) => {
    const socket = net.connect({ host: '127.0.0.1', port: port(), localAddress });
    await once(socket, 'connect');
    return socket;
  };
  /** Whether the gateway closes the socket within a second (it stays open when accepted). */
  const closedByGateway = (socket: net.Socket) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 1000);
      socket.once('close', () => {
        clearTimeout(timer);
        resolve(true);
      });
      socket.resume();
    });

  it('caps idle connections per address and in all, and lets clients in again once they close', async () => {
    const sockets: net.Socket[] = [];
    try {
      for (let i = 0; i < 5; i++) sockets.push(await connect('127.0.0.1'));
      const sixth = await connect('127.0.0.1');
      sockets.push(sixth);
      expect(await closedByGateway(sixth)).toBe(true);
      expect(await closedByGateway(sockets[0])).toBe(false);

      for (let i = 0; i < 3; i++) sockets.push(await connect('127.0.0.2'));
      const ninth = await connect('127.0.0.3');
      sockets.push(ninth);
      expect(await closedByGateway(ninth)).toBe(true);
    } finally {
      for (const socket of sockets) socket.destroy();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await ask(capped)).status).toBe(200);
  });

  it('keeps the total below the process’s descriptor limit', () => {
    const descriptors = openFilesLimit();
    expect(descriptors === null || descriptors > 0).toBe(true);
    expect(connectionCap(10_000, 1024)).toBe(768);
    expect(connectionCap(10_000, 1_048_576)).toBe(10_000);
    expect(connectionCap(500, null)).toBe(500);
  });
});

describe('the dev explorer', () => {
  it('is served with a strict Content-Security-Policy and only local assets', async () => {
    const response = await fetch(`${capped.url}/explorer`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    const page = await response.text();
    // no inline script or style: CSP would block them, and the page must work on a network without internet
    expect(page).not.toMatch(/<script>|<script(?![^>]*\bsrc=)[^>]*>|<style/);
    const assets = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map(([, url]) => url);
    expect(assets.length).toBeGreaterThanOrEqual(5);
    for (const asset of assets) {
      expect(asset).toMatch(/^\/explorer\//);
      expect((await fetch(`${capped.url}${asset}`)).status).toBe(200);
    }
  });

  it('keeps pasted tokens in memory only', async () => {
    const script = await (await fetch(`${capped.url}/explorer/explorer.js`)).text();
    expect(script).toContain('shouldPersistHeaders: false');
    expect(script).toMatch(/storage,/);
    expect(script).not.toMatch(/localStorage|sessionStorage/);
  });
});

describe('a client request id at the subgraph', () => {
  it('is replaced before it reaches the log and the audit trail when it is not short and plain', async () => {
    const organization = (
      await people.query<{ organizations: { nodes: { id: string; name: string }[] } }>(
        '{ organizations(first: 1) { nodes { id name } } }',
      )
    ).data!.organizations.nodes[0];
    const response = await fetch(people.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': 'x'.repeat(5000),
        ...(await subgraphHeaders(people, as.role('hr'))),
      },
      body: JSON.stringify({
        query:
          'mutation ($id: ID!, $name: String!) { updateOrganization(id: $id, input: { name: $name }) { name } }',
        variables: { id: organization.id, name: `${organization.name}（新）` },
      }),
    });
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    const [record] = await people.orm.em
      .fork()
      .getConnection()
      .execute<{ request_id: string }[]>('select request_id from audit_record order by seq desc limit 1');
    expect(record.request_id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
