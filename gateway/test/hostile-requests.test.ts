import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { SignJWT } from 'jose';
import { DEMO_COUNTY_CODE, generateDemoCity } from '@county/demo-data';
import { peopleSubgraph } from '@county/people';
import { pilotsSubgraph } from '@county/pilots';
import { reformSubgraph } from '@county/reform';
import { startTestGateway, startTestSubgraph, type TestGateway, type TestSubgraph } from '@county/test-kit';

/*
 * Hostile and broken requests, each answered with a clear error (or, for a harmless read, a plain answer)
 * and never a 500, a stack trace, SQL or a host name; and nothing written by any of them.
 */
const city = generateDemoCity({ counties: 1 });
const someOrganization = city.organizations[5];
let subgraphs: TestSubgraph[];
let gateway: TestGateway;
let token: string;

beforeAll(async () => {
  const people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  const pilots = await startTestSubgraph(pilotsSubgraph, { demoCounties: 1, directory: people });
  const reform = await startTestSubgraph(reformSubgraph, { demoCounties: 1, directory: people });
  subgraphs = [people, pilots, reform];
  gateway = await startTestGateway(subgraphs);
  token = await gateway.token({ sub: 'attacker', roles: ['leader'] });
}, 120_000);
afterAll(async () => {
  await gateway.stop();
  await Promise.all(subgraphs.map((s) => s.close()));
});

/** Rows in every table of every subgraph: the "nothing written" check. */
const census = async () => {
  const counts: Record<string, number> = {};
  for (const subgraph of subgraphs) {
    const rows = await subgraph.orm.em
      .fork()
      .getConnection()
      .execute<{ relname: string; n: string }[]>(
        `select relname, (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %I', relname), false, true, '')))[1]::text as n
           from pg_stat_user_tables`,
      );
    for (const row of rows) counts[`${subgraph.definition.name}.${row.relname}`] = Number(row.n);
  }
  return counts;
};

interface Answer {
  status: number;
  text: string;
}
const post = async (body: string | Buffer, headers: Record<string, string> = {}): Promise<Answer> => {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body,
  });
  return { status: response.status, text: await response.text() };
};
const graphql = (query: string, variables: unknown = {}, headers: Record<string, string> = {}) =>
  post(JSON.stringify({ query, variables }), headers);
const bearer = (value: string) => ({ authorization: value });

const INJECTIONS = [
  ["' OR '1'='1' --", 'SQL'],
  ['%_\\%', 'LIKE wildcards'],
  ['<script>alert(document.cookie)</script>', 'script'],
  ['\u0000', 'a NUL character'],
  ['x'.repeat(100_000), 'a 100 000-character string'],
] as const;
const TEXT_FILTERS = [
  ['organizations(name: $text)', 'organizations { totalCount }'],
  ['people(name: $text)', 'people { totalCount }'],
  ['pilots(name: $text)', 'pilots { totalCount }'],
  ['reformTasks(search: $text)', 'reformTasks { totalCount }'],
] as const;

const noneForged = async (header: string): Promise<string> => {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${header}${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'x', roles: ['reform-office'], iss: 'county-governance-graph', aud: 'county-governance-graph', exp: now + 600 })}.`;
};
const otherKey = () =>
  new SignJWT({ roles: ['reform-office'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('x')
    .setIssuer('county-governance-graph')
    .setAudience('county-governance-graph')
    .setExpirationTime('1h')
    .sign(randomBytes(32));

/** A description, the request, and the error code it must get when one is certain. */
type Case = [string, () => Promise<Answer>, string?];
const cases: Case[] = [
  [
    'nesting 60 levels deep',
    () =>
      graphql(`{ region(code: "${DEMO_COUNTY_CODE}") { ${'parent { '.repeat(60)}code${' }'.repeat(60)} } }`),
  ],
  [
    '3000 aliases',
    () => graphql(`{ ${Array.from({ length: 3000 }, (_, i) => `a${i}: __typename`).join(' ')} }`),
  ],
  ['1000 directives', () => graphql(`{ __typename ${'@include(if: true) '.repeat(1000)} }`)],
  ['100 000 tokens', () => graphql(`{ ${'__typename '.repeat(100_000)} }`)],
  [
    'a 2 MB body',
    () =>
      graphql(
        `
          {
            __typename
          }
        `,
        { padding: 'x'.repeat(2_000_000) },
      ),
  ],
  ['a body that is not JSON', () => post('{"query": "{ __typename }"')],
  ['invalid UTF-8', () => post(Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0xfd, 0x22, 0x3a, 0x31, 0x7d]))],
  ['an empty body', () => post('')],
  [
    'a batch of operations',
    () => post(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }])),
  ],
  ['a query that is a number', () => post(JSON.stringify({ query: 123 }))],
  ['variables that are a string', () => post(JSON.stringify({ query: '{ __typename }', variables: 'x' }))],
  [
    'an operation name that is not in the document',
    () => post(JSON.stringify({ query: 'query A { __typename }', operationName: 'B' })),
  ],
  ['a form post (CSRF)', () => post('query={__typename}', { 'content-type': 'text/plain' })],
  [
    'a mutation by GET',
    async () => {
      const response = await fetch(
        `${gateway.url}/graphql?query=${encodeURIComponent('mutation { __typename }')}`,
        {
          headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
        },
      );
      return { status: response.status, text: await response.text() };
    },
  ],
  [
    '__proto__ in variables',
    () =>
      post(
        `{"query":"query ($code: ID!) { region(code: $code) { name } }","variables":{"__proto__":{"admin":true},"code":"${DEMO_COUNTY_CODE}"}}`,
      ),
  ],
  ...TEXT_FILTERS.flatMap(([field, label]) =>
    INJECTIONS.map(([text, what]): Case => [
      `${what} in ${label.split(' ')[0]}'s text filter`,
      () => graphql(`query ($text: String) { ${field} { totalCount } }`, { text }),
    ]),
  ),
  [
    'a negative page size',
    () =>
      graphql(`
        {
          organizations(first: -1) {
            totalCount
          }
        }
      `),
  ],
  [
    'a page size of zero',
    () =>
      graphql(`
        {
          organizations(first: 0) {
            totalCount
          }
        }
      `),
  ],
  [
    'a page size of a billion',
    () =>
      graphql(`
        {
          organizations(first: 1000000000) {
            nodes {
              name
            }
          }
        }
      `),
  ],
  [
    'a page size beyond a 32-bit integer',
    () =>
      graphql(`
        {
          organizations(first: 99999999999) {
            nodes {
              name
            }
          }
        }
      `),
  ],
  [
    'a forged cursor',
    () =>
      graphql(`
        {
          organizations(after: "eyJub3QiOiJhIGN1cnNvciJ9") {
            totalCount
          }
        }
      `),
  ],
  [
    'a string for an Int variable',
    () =>
      graphql(
        `
          query ($n: Int) {
            organizations(first: $n) {
              totalCount
            }
          }
        `,
        { n: 'abc' },
      ),
  ],
  [
    'null for a required variable',
    () =>
      graphql(
        `
          query ($code: ID!) {
            region(code: $code) {
              name
            }
          }
        `,
        { code: null },
      ),
  ],
  [
    'a fraction for an Int',
    () =>
      graphql(
        `query ($y: Int!) { region(code: "${DEMO_COUNTY_CODE}") { reformStats(year: $y) { total } } }`,
        { y: 2019.5 },
      ),
  ],
  [
    'an unknown enum value',
    () =>
      graphql(`
        {
          organizations(type: NOT_A_TYPE) {
            totalCount
          }
        }
      `),
  ],
  [
    'a forged _entities call at the gateway',
    () =>
      graphql(`
        {
          _entities(representations: [{ __typename: "Person", id: "x" }]) {
            __typename
          }
        }
      `),
  ],
  [
    'a forged _service call at the gateway',
    () =>
      graphql(`
        {
          _service {
            sdl
          }
        }
      `),
  ],
  [
    'an expired token',
    async () => {
      const expired = await gateway.token({ sub: 'late', roles: ['reform-office'] }, '1s');
      await sleep(2100);
      return graphql(
        `
          {
            __typename
          }
        `,
        {},
        bearer(`Bearer ${expired}`),
      );
    },
  ],
  [
    'an unsigned token (alg none)',
    async () =>
      graphql(
        `
          {
            __typename
          }
        `,
        {},
        bearer(await noneForged('Bearer ')),
      ),
  ],
  [
    'a token signed with another key',
    async () =>
      graphql(
        `
          {
            __typename
          }
        `,
        {},
        bearer(`Bearer ${await otherKey()}`),
      ),
  ],
  [
    'a token that is not a JWT',
    () =>
      graphql(
        `
          {
            __typename
          }
        `,
        {},
        bearer('Bearer not.a.token'),
      ),
  ],
  [
    'Basic credentials',
    () =>
      graphql(
        `
          {
            __typename
          }
        `,
        {},
        bearer('Basic YWRtaW46YWRtaW4='),
      ),
  ],
  [
    'a token of another department writing a progress report',
    async () => {
      const list = JSON.parse(
        (
          await graphql(`
            {
              reformTasks(first: 1) {
                nodes {
                  id
                  leadOrganization {
                    id
                  }
                }
              }
            }
          `)
        ).text,
      );
      const task = list.data.reformTasks.nodes[0];
      const stranger = city.organizations.find((o) => o.id !== task.leadOrganization.id)!;
      const other = await gateway.token({ sub: 'stranger', roles: [`department:${stranger.id}`] });
      return graphql(
        `
          mutation ($input: SubmitProgressReportInput!) {
            submitProgressReport(input: $input) {
              id
            }
          }
        `,
        { input: { taskId: task.id, period: '2026-10', percent: 100, done: '全部完成' } },
        bearer(`Bearer ${other}`),
      );
    },
    'FORBIDDEN',
  ],
  [
    'a token of another department writing a pilot ledger',
    async () => {
      const list = JSON.parse(
        (
          await graphql(`
            {
              pilots(first: 1) {
                nodes {
                  id
                }
              }
            }
          `)
        ).text,
      );
      const other = await gateway.token({ sub: 'stranger', roles: [`department:${someOrganization.id}`] });
      return graphql(
        `
          mutation ($id: ID!, $input: LedgerEntryInput!) {
            recordLedgerEntry(pilotId: $id, input: $input) {
              month
            }
          }
        `,
        {
          id: list.data.pilots.nodes[0].id,
          input: { month: '2026-10', progress: '推进中' },
        },
        bearer(`Bearer ${other}`),
      );
    },
    'FORBIDDEN',
  ],
  [
    'no token writing',
    () =>
      graphql(
        `mutation { createOrganization(input: { name: "x", type: GOVERNMENT, regionCode: "${DEMO_COUNTY_CODE}" }) { id } }`,
        {},
        bearer(''),
      ),
  ],
];

describe(`${cases.length} hostile or broken requests`, () => {
  let before: Record<string, number>;
  beforeAll(async () => {
    before = await census();
  });

  it('tries at least 40', () => expect(cases.length).toBeGreaterThanOrEqual(40));

  it.each(cases)('answers %s without a 500 or a leak', async (_, send, code = '') => {
    const answer = await send();
    expect(answer.status).not.toBeGreaterThanOrEqual(500);
    expect(answer.text).not.toMatch(
      /INTERNAL_SERVER_ERROR|stacktrace|\bat .+\.(js|ts):\d+|node_modules|select .+ from|insert into|127\.0\.0\.1|postgres:\/\//i,
    );
    const body = JSON.parse(answer.text) as {
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    if (code) expect(body.errors?.[0].extensions?.code).toBe(code);
    for (const error of body.errors ?? []) {
      expect(error.message.length).toBeGreaterThan(0);
      expect(error.extensions?.code).toBeDefined();
    }
  });

  it('wrote nothing anywhere', async () => {
    expect(await census()).toEqual(before);
  });
});

/* Issue 16: each of these was accepted, or answered with an internal error, before. */
describe('tokens, cursors, deep variables, control characters and request ids', () => {
  /** A gateway whose token secret is known here, so that tests can sign what a token's issuer could. */
  const JWT_SECRET = randomBytes(32).toString('hex');
  let issuer: TestGateway;
  beforeAll(async () => {
    issuer = await startTestGateway(subgraphs, { JWT_SECRET });
  });
  afterAll(() => issuer.stop());
  const asIssued = async (forged: string) => {
    const response = await fetch(`${issuer.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${forged}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    return { status: response.status, text: await response.text() };
  };
  const now = Math.floor(Date.now() / 1000);
  const YEAR_2100 = Date.UTC(2100, 0, 1) / 1000;
  const forge = (claims: { iat?: number; exp?: number }) =>
    new SignJWT({ roles: ['leader'], ...claims })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('forger')
      .setIssuer('county-governance-graph')
      .setAudience('county-governance-graph')
      .sign(new TextEncoder().encode(JWT_SECRET));
  const errorsOf = (answer: Answer) =>
    (JSON.parse(answer.text) as { errors: { message: string; extensions: Record<string, unknown> }[] })
      .errors;

  it.each([
    ['no exp', { iat: now }, 'exp'],
    ['an exp in 2100', { exp: YEAR_2100 }, 'exp'],
    ['an iat in 2100', { iat: YEAR_2100, exp: YEAR_2100 + 3600 }, 'iat'],
    ['a 13-hour lifetime', { iat: now, exp: now + 13 * 3600 }, 'exp'],
    ['no iat and an exp 13 hours away', { exp: now + 13 * 3600 }, 'exp'],
  ])('refuses a token with %s, naming the claim', async (_, claims, claim) => {
    const answer = await asIssued(await forge(claims));
    expect(answer.status).toBe(401);
    expect(errorsOf(answer)[0].message).toContain(`"${claim}"`);
  });

  it('accepts a token of 12 hours, signed a little in the future (clock skew)', async () => {
    const fine = await forge({ iat: now + 30, exp: now + 30 + 12 * 3600 });
    expect((await asIssued(fine)).status).toBe(200);
  });

  const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  it.each([
    ['text where the key is a UUID', cursor(['x', 'y'])],
    ['numbers for text and a UUID', cursor([1, 2])],
    ['a NUL character', cursor(['a\u0000', '00000000-0000-4000-8000-000000000000'])],
    ['a huge cursor', cursor(['x'.repeat(5000), '00000000-0000-4000-8000-000000000000'])],
  ])('answers a cursor of %s with BAD_USER_INPUT on `after`', async (_, after) => {
    const answer = await graphql('query ($after: String) { organizations(after: $after) { totalCount } }', {
      after,
    });
    const [error] = errorsOf(answer);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after', rule: 'cursor' });
  });

  it.each([5_000, 100_000])('answers variables nested %i deep with 400 naming the rule', async (depth) => {
    const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const answer = await post(`{"query":"{ __typename }","variables":{"v":${nested}}}`);
    expect(answer.status).toBe(400);
    expect(errorsOf(answer)[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'max-depth' });
  });

  const createOrganization = async (name: string) => {
    const hr = await gateway.token({ sub: 'hr-officer', roles: ['hr'] });
    return graphql(
      `mutation ($name: String!) { createOrganization(input: { name: $name, type: GOVERNMENT, regionCode: "${DEMO_COUNTY_CODE}" }) { id } }`,
      { name },
      bearer(`Bearer ${hr}`),
    );
  };
  it.each([
    ['a right-to-left override (U+202E)', '县政府\u202Egpj.exe'],
    ['a bell (U+0007)', '县政府\u0007'],
    ['an escape sequence', '县政府\u001b[31m'],
    ['a C1 control (U+0085)', '县政府\u0085'],
  ])('refuses %s in a name, naming the field', async (_, name) => {
    const [error] = errorsOf(await createOrganization(name));
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.name',
      rule: 'no-control-characters',
    });
  });

  it('refuses a line break in a one-line field', async () => {
    const [error] = errorsOf(await createOrganization('县政府\n办公室'));
    const issues = (error.extensions.issues as { field: string; rule: string }[] | undefined) ?? [
      error.extensions as { field: string; rule: string },
    ];
    expect(issues).toContainEqual(expect.objectContaining({ field: 'input.name', rule: 'one-line' }));
  });

  it.each([
    ['5000 characters long', 'x'.repeat(5000)],
    ['with spaces and markup', 'a b<script>'],
    ['carrying another header', 'a set-cookie: x=1'],
  ])('replaces a client request id %s with a fresh one', async (_, id) => {
    const answer = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': id },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(answer.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps a plain client request id', async () => {
    const answer = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'dash-01:req.42_a' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(answer.headers.get('x-request-id')).toBe('dash-01:req.42_a');
  });
});
