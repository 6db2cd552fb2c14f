import { GraphQLError } from 'graphql';
import { generateDemoCity } from '@county/demo-data';
import { peopleSubgraph } from '@county/people';
import { badInput, unauthenticated, type FileRoute } from '@county/kit';
import {
  as,
  probeSubgraph,
  startTestGateway,
  startTestSubgraph,
  subgraphHeaders,
  type TestGateway,
  type TestSubgraph,
} from '@county/test-kit';

const city = generateDemoCity({ counties: 1 });
const organization = city.organizations[3];
const person = city.people[5];

/** A file route that checks an organisation against the directory, as a ledger import does. */
const checkOrganization: FileRoute = {
  method: 'GET',
  path: 'check.json',
  async handle({ identity, directory, query }) {
    if (identity.isAnonymous) throw unauthenticated();
    const id = query.get('organizationId');
    if (!id) throw badInput('organizationId', 'required', 'is required');
    await directory.requireExisting('organizationId', 'Organization', [id]);
    return { json: { checked: id, by: identity.subject } };
  },
};

/** An upload answered with a file: the bytes come back reversed, so the round trip is visible. */
const reverseUpload: FileRoute = {
  method: 'POST',
  path: 'reverse.bin',
  async handle({ body }) {
    if (!body.length) throw badInput('file', 'not-empty', 'the file is empty');
    if (body[0] === 0) throw new GraphQLError('internal detail: select * from secret_table');
    return {
      file: Buffer.from(body).reverse(),
      filename: '台账.bin',
      contentType: 'application/octet-stream',
    };
  },
};

const filesProbe = { ...probeSubgraph, usesDirectory: true, files: [checkOrganization, reverseUpload] };

let people: TestSubgraph;
let probe: TestSubgraph;
let gateway: TestGateway;

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  probe = await startTestSubgraph(filesProbe, { directory: people });
  gateway = await startTestGateway([people, probe]);
});
afterAll(async () => {
  await gateway.stop();
  await Promise.all([people.close(), probe.close()]);
});

const viaGateway = async (path: string, init: RequestInit = {}, signedIn = true) => {
  const headers: Record<string, string> = {};
  if (signedIn)
    headers.authorization = `Bearer ${await gateway.token({ sub: 'clerk-1', roles: ['reform-office'] })}`;
  return fetch(`${gateway.url}/files/probe/${path}`, { ...init, headers });
};

describe('the directory, asked by another subgraph', () => {
  it('accepts an organisation the directory holds', async () => {
    const response = await viaGateway(`check.json?organizationId=${organization.id}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ checked: organization.id, by: 'clerk-1' });
  });

  it.each([
    ['an id the directory does not hold', '00000000-0000-4000-8000-000000000000', 'exists'],
    ['a person id where an organisation is expected', person.id, 'exists'],
    ['something that is not an id', 'x; drop table organization', 'uuid'],
  ])('refuses %s, naming the field and the rule', async (_, id, rule) => {
    const response = await viaGateway(`check.json?organizationId=${encodeURIComponent(id)}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'organizationId',
      rule,
    });
  });

  it('says the directory is unavailable when the people subgraph is not configured', async () => {
    const orphan = await startTestSubgraph({ ...filesProbe, usesDirectory: false });
    try {
      const response = await fetch(
        orphan.url.replace('/graphql', `/files/check.json?organizationId=${organization.id}`),
        {
          headers: await subgraphHeaders(orphan, as.role('reform-office')),
        },
      );
      expect(response.status).toBe(503);
      expect(((await response.json()) as any).errors[0].extensions.code).toBe('DIRECTORY_UNAVAILABLE');
    } finally {
      await orphan.close();
    }
  });

  it('will not start a subgraph that needs the directory without its address', async () => {
    await expect(startTestSubgraph(filesProbe)).rejects.toThrow(/DIRECTORY_URL .* DIRECTORY_KEY/);
  });
});

describe('file routes behind the gateway', () => {
  it('refuses a caller without a token at the gateway, and a caller without the secret at the subgraph', async () => {
    const anonymous = await viaGateway(`check.json?organizationId=${organization.id}`, {}, false);
    expect(anonymous.status).toBe(401);
    const direct = await fetch(probe.url.replace('/graphql', '/files/check.json'));
    expect(direct.status).toBe(401);
  });

  it('uploads a file and downloads the answer, with its name', async () => {
    const response = await viaGateway('reverse.bin', { method: 'POST', body: Buffer.from([1, 2, 3]) });
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from([3, 2, 1]));
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('台账.bin'));
  });

  it('answers bad input with its field and rule, and masks internal failures', async () => {
    const empty = await viaGateway('reverse.bin', { method: 'POST', body: Buffer.alloc(0) });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as any).errors[0].extensions).toMatchObject({
      field: 'file',
      rule: 'not-empty',
    });
    const broken = await viaGateway('reverse.bin', { method: 'POST', body: Buffer.from([0]) });
    expect(broken.status).toBe(500);
    const text = await broken.text();
    expect(text).not.toMatch(/secret_table|select/);
  });

  it('answers 404 for an unknown subgraph or path', async () => {
    expect((await viaGateway('nothing.xlsx')).status).toBe(404);
    const unknown = await fetch(`${gateway.url}/files/nobody/x.xlsx`, {
      headers: { authorization: `Bearer ${await gateway.token({ sub: 'a', roles: [] })}` },
    });
    expect(unknown.status).toBe(404);
  });
});
