import { importJWK, SignJWT, type JWTPayload } from 'jose';
import {
  DIRECTORY_OPERATIONS,
  generateSigningKey,
  Identity,
  IDENTITY_HEADER,
  CallerTokenSigner,
  type PrivateJwk,
} from '@county/kit';
import { generateDemoCity } from '@county/demo-data';
import { peopleSubgraph } from '@county/people';
import {
  as,
  gatewayToken,
  postGraphQL,
  probeSubgraph,
  startTestSubgraph,
  testDirectoryKey,
  testGatewayKeys,
  testGatewaySigningKey,
  type TestSubgraph,
} from '@county/test-kit';

/*
 * Trust inside the deployment: a subgraph answers only callers the gateway signed for it, for a minute;
 * a sibling's own key buys the directory's checks and nothing else. Each attack below is what someone
 * holding one department's server (its environment, its keys) could try against the people subgraph.
 */
const city = generateDemoCity({ counties: 1 });
const person = city.people[0];
let people: TestSubgraph;

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
}, 120_000);
afterAll(async () => {
  await people.close();
});

const PERSONAL = `query ($id: ID!) { person(id: $id) { id idNumber phone } }`;

/** A token signed with `key`, with any claims: what an attacker holding that key can make. */
async function forge(key: PrivateJwk, claims: JWTPayload, header: { kid?: string } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iat: now, exp: now + 30, ...claims })
    .setProtectedHeader({ alg: 'EdDSA', kid: header.kid ?? key.kid })
    .sign(await importJWK(key, 'EdDSA'));
}

const ask = (token: string, query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL(people.url, query, variables, { [IDENTITY_HEADER]: token });

describe('a sibling subgraph asking the directory', () => {
  const reformKey = testDirectoryKey('reform');

  it('runs the directory checks with its own key', async () => {
    const token = await CallerTokenSigner.forService('reform', reformKey).sign(
      Identity.forService('reform'),
      'people',
    );
    const answer = await ask(token, DIRECTORY_OPERATIONS.DirectoryKeys.document, {
      representations: [{ __typename: 'Person', id: person.id }],
    });
    expect(answer.status).toBe(200);
    expect(answer.data).toEqual({ _entities: [{ id: person.id }] });
  });

  it('cannot read personal data or write with that key', async () => {
    const token = await forge(reformKey, { iss: 'subgraph:reform', aud: 'people' });
    const read = await ask(token, PERSONAL, { id: person.id });
    expect(read.status).toBe(403);
    expect(read.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(JSON.stringify(read)).not.toContain(person.idNumber.slice(6, 14));
    const write = await ask(
      token,
      `mutation { createRegion(input: { code: "990722999", name: "x" }) { code } }`,
    );
    expect(write.status).toBe(403);
  });

  it('cannot ask as a person with roles, or as another subgraph', async () => {
    const asHr = await forge(reformKey, { iss: 'subgraph:reform', aud: 'people', sub: 'x', roles: ['hr'] });
    expect((await ask(asHr, PERSONAL, { id: person.id })).status).toBe(401);
    const asGateway = await forge(reformKey, {
      iss: 'county-gateway',
      aud: 'people',
      sub: 'x',
      roles: ['hr'],
    });
    expect((await ask(asGateway, PERSONAL, { id: person.id })).status).toBe(401);
    const asPilots = await forge(reformKey, { iss: 'subgraph:pilots', aud: 'people' });
    expect((await ask(asPilots, DIRECTORY_OPERATIONS.DirectoryKeys.document)).status).toBe(401);
  });
});

describe('a caller token from the gateway', () => {
  const hr = Identity.fromClaims({ sub: 'hr-1', roles: ['hr'] });

  it('is accepted for its audience and shows hr the personal data', async () => {
    const answer = await ask(await gatewayToken(hr, 'people'), PERSONAL, { id: person.id });
    expect(answer.data).toEqual({
      person: { id: person.id, idNumber: person.idNumber, phone: person.phone },
    });
  });

  it('is refused when addressed to another subgraph, expired, long-lived or signed with another key', async () => {
    const refused = async (token: string) => {
      const answer = await ask(token, PERSONAL, { id: person.id });
      expect(answer.status).toBe(401);
      expect(answer.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(JSON.stringify(answer)).not.toContain(person.phone.slice(3, 7));
    };
    await refused(await gatewayToken(hr, 'reform'));
    const claims = { iss: 'county-gateway', aud: 'people', sub: 'hr-1', roles: ['hr'] };
    const now = Math.floor(Date.now() / 1000);
    await refused(await forge(testGatewaySigningKey, { ...claims, iat: now - 600, exp: now - 540 }));
    await refused(await forge(testGatewaySigningKey, { ...claims, exp: now + 3600 }));
    await refused(await forge(testGatewaySigningKey, { ...claims, exp: undefined }));
    await refused(await forge(generateSigningKey('test-gateway').privateKey, claims));
  });
});

describe('rotating the gateway key', () => {
  it('accepts both keys while both are listed, and only the new one after', async () => {
    const next = generateSigningKey('gateway.next');
    const both = await startTestSubgraph(probeSubgraph, {
      gatewayKeys: { keys: [...testGatewayKeys.keys, next.publicKey] },
    });
    const onlyNext = await startTestSubgraph(probeSubgraph, { gatewayKeys: { keys: [next.publicKey] } });
    try {
      const viaOld = await gatewayToken(as.role('leader'), 'probe');
      const viaNext = await new CallerTokenSigner(next.privateKey).sign(as.role('leader'), 'probe');
      const probe = (subgraph: TestSubgraph, token: string) =>
        postGraphQL(subgraph.url, '{ probeSlow(ms: 1) }', {}, { [IDENTITY_HEADER]: token });
      expect((await probe(both, viaOld)).data).toEqual({ probeSlow: 'done' });
      expect((await probe(both, viaNext)).data).toEqual({ probeSlow: 'done' });
      expect((await probe(onlyNext, viaNext)).data).toEqual({ probeSlow: 'done' });
      expect((await probe(onlyNext, viaOld)).status).toBe(401);
    } finally {
      await Promise.all([both.close(), onlyNext.close()]);
    }
  });
});
