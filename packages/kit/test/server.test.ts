import { IDENTITY_HEADER } from '@county/kit';
import { dropDatabase } from '@county/postgres';
import {
  postGraphQL,
  probeSubgraph,
  startTestSubgraph,
  TEST_SERVER_ENV,
  type TestSubgraph,
} from '@county/test-kit';

describe('a subgraph server', () => {
  let probe: TestSubgraph;
  const base = () => probe.url.replace(/\/graphql$/, '');

  beforeEach(async () => {
    probe = await startTestSubgraph(probeSubgraph);
  });
  afterEach(async () => {
    await probe.stop().catch(() => undefined);
    await probe.database.drop();
  });

  it('answers /healthz and /readyz', async () => {
    const health = await fetch(`${base()}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', service: 'probe' });
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', database: 'ok' });
  });

  it('reports not ready when its database is gone', async () => {
    const name = new URL(probe.database.url).pathname.slice(1);
    await dropDatabase(process.env[TEST_SERVER_ENV]!, name);
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'not ready', database: 'unreachable' });
  });

  it('answers the gateway only: no caller token, a plain identity header or a forged token are refused', async () => {
    expect((await postGraphQL(probe.url, '{ probeSlow(ms: 1) }')).status).toBe(401);
    const plain = Buffer.from(JSON.stringify({ sub: 'x', roles: ['hr'] })).toString('base64url');
    const refused = await postGraphQL(probe.url, '{ probeSlow(ms: 1) }', {}, { [IDENTITY_HEADER]: plain });
    expect(refused.status).toBe(401);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await probe.query('{ probeSlow(ms: 1) }')).data).toEqual({ probeSlow: 'done' });
  });

  it('masks an unexpected error: no message or host from inside the resolver', async () => {
    const { errors } = await probe.query('{ probeBroken }');
    expect(errors![0]).toMatchObject({ extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(errors)).not.toMatch(/secret_table|10\.1\.2\.3/);
  });

  it('stops gracefully: a request in flight finishes, new ones are refused', async () => {
    const inFlight = probe.query('{ probeSlow(ms: 600) }');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stopped = probe.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(fetch(`${base()}/healthz`)).rejects.toThrow();
    expect((await inFlight).data).toEqual({ probeSlow: 'done' });
    await stopped;
  });
});
