import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { ConfigError, generateSigningKey } from '@county/kit';
import { parseGatewayConfig, signDevToken } from '@county/gateway';
import { peopleSubgraph } from '@county/people';
import { startTestGateway, startTestSubgraph, type TestSubgraph } from '@county/test-kit';

const SUPERGRAPH_STUB = `enum join__Graph { PEOPLE @join__graph(name: "people", url: "http://127.0.0.1:4001/graphql") }`;

describe('gateway configuration', () => {
  it('names every missing or wrong variable in one message', () => {
    const attempt = () => parseGatewayConfig({ PORT: 'x' }, SUPERGRAPH_STUB);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT: /);
    expect(attempt).toThrow(/IDENTITY_SIGNING_KEY is required/);
    expect(attempt).toThrow(/set exactly one of JWT_SECRET .* and JWT_JWKS_URL/);
  });

  it('requires the key that signs callers for the subgraphs, and takes per-subgraph read timeouts', () => {
    const env = { JWT_SECRET: 'x'.repeat(32), JWT_JWKS_URL: '' };
    expect(() => parseGatewayConfig(env, SUPERGRAPH_STUB)).toThrow(/IDENTITY_SIGNING_KEY is required/);
    const { privateKey, publicKey } = generateSigningKey('gateway.test');
    expect(() =>
      parseGatewayConfig({ ...env, IDENTITY_SIGNING_KEY: JSON.stringify(publicKey) }, SUPERGRAPH_STUB),
    ).toThrow(/IDENTITY_SIGNING_KEY\.d is required|IDENTITY_SIGNING_KEY.*d/);
    const signing = { ...env, IDENTITY_SIGNING_KEY: JSON.stringify(privateKey) };
    expect(() =>
      parseGatewayConfig({ ...signing, SUBGRAPH_PEOPLE_READ_TIMEOUT_MS: 'soon' }, SUPERGRAPH_STUB),
    ).toThrow(/SUBGRAPH_PEOPLE_READ_TIMEOUT_MS: must be a whole number/);
    const config = parseGatewayConfig(
      { ...signing, SUBGRAPH_PEOPLE_READ_TIMEOUT_MS: '1500' },
      SUPERGRAPH_STUB,
    );
    expect(config.subgraphs).toEqual([
      { name: 'people', url: 'http://127.0.0.1:4001/graphql', readTimeoutMs: 1500 },
    ]);
    expect(parseGatewayConfig(signing, SUPERGRAPH_STUB).subgraphs[0].readTimeoutMs).toBe(3000);
  });
});

describe('production tokens: keys from a JWKS URL', () => {
  let people: TestSubgraph;
  let keys: http.Server;
  let jwksUrl: string;
  let privateKey: KeyLike;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    keys = http.createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => keys.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(keys.address() as AddressInfo).port}/.well-known/jwks.json`;
    people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  });
  afterAll(async () => {
    keys.close();
    await people.close();
  });

  it('accepts a token signed by the identity provider and refuses one signed with a shared secret', async () => {
    const gateway = await startTestGateway([people], { JWT_JWKS_URL: jwksUrl, JWT_SECRET: '' });
    try {
      const token = await new SignJWT({ roles: ['hr'] })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('idp-user')
        .setIssuer('county-governance-graph')
        .setAudience('county-governance-graph')
        .setExpirationTime('5m')
        .sign(privateKey);
      const query = '{ people(first: 1) { nodes { idNumber } } }';
      const accepted = await gateway.query<any>(query, {}, { authorization: `Bearer ${token}` });
      expect(accepted.errors).toBeUndefined();
      expect(accepted.data.people.nodes[0].idNumber).not.toContain('*');
      const forged = await signDevToken({ sub: 'x', roles: ['hr'] }, { secret: 'y'.repeat(32) });
      const refused = await gateway.query(query, {}, { authorization: `Bearer ${forged}` });
      expect(refused.status).toBe(401);
    } finally {
      await gateway.stop();
    }
  });
});
