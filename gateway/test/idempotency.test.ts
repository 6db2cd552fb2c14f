import { creditCodeCheckChar } from '@county/domain';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { peopleSubgraph, Organization } from '@county/people';
import { startTestGateway, startTestSubgraph, type TestGateway, type TestSubgraph } from '@county/test-kit';

let people: TestSubgraph;
let gateway: TestGateway;

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  gateway = await startTestGateway([people]);
});
afterAll(async () => {
  await gateway.stop();
  await people.close();
});

const CREATE = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name } }`;
const input = (n: number, name = `县第${n}局`) => {
  const body17 = `11990722MB${String(n).padStart(7, '0')}`;
  return {
    name,
    type: 'GOVERNMENT_DEPARTMENT',
    regionCode: DEMO_COUNTY_CODE,
    creditCode: body17 + creditCodeCheckChar(body17),
  };
};

const send = async (variables: Record<string, unknown>, key: string | null, sub = 'hr-1') => {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    authorization: `Bearer ${await gateway.token({ sub, roles: ['hr'] })}`,
  };
  if (key !== null) headers['idempotency-key'] = key;
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: CREATE, variables }),
  });
  return (await response.json()) as { data?: any; errors?: { extensions: Record<string, unknown> }[] };
};
const organizations = () => people.orm.em.fork().count(Organization);

describe('idempotency keys on mutations', () => {
  it('answers a retry with the first result and writes once', async () => {
    const before = await organizations();
    const first = await send({ input: input(1) }, 'retry-key-0001');
    const retry = await send({ input: input(1) }, 'retry-key-0001');
    expect(first.errors).toBeUndefined();
    expect(retry).toEqual(first);
    expect(await organizations()).toBe(before + 1);
  });

  it('refuses the same key with other input, naming the header and the rule', async () => {
    const before = await organizations();
    const other = await send({ input: input(2) }, 'retry-key-0001');
    expect(other.errors?.[0].extensions).toMatchObject({ field: 'Idempotency-Key', rule: 'same-input' });
    expect(await organizations()).toBe(before);
  });

  it('keeps keys apart per caller, and leaves requests without a key alone', async () => {
    const before = await organizations();
    const mine = await send({ input: input(3) }, 'shared-key-0001', 'hr-1');
    const theirs = await send({ input: input(4) }, 'shared-key-0001', 'hr-2');
    const unkeyed = await send({ input: input(5) }, null);
    expect([mine, theirs, unkeyed].map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    expect(await organizations()).toBe(before + 3);
  });

  it('runs a burst of ten identical retries once', async () => {
    const before = await organizations();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => send({ input: input(6) }, 'burst-key-0001')),
    );
    expect(await organizations()).toBe(before + 1);
    const ids = new Set(answers.filter((a) => !a.errors).map((a) => a.data.createOrganization.id));
    expect(ids.size).toBe(1);
    // the others were told the first was still running
    for (const answer of answers.filter((a) => a.errors)) {
      expect(answer.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'in-progress' });
    }
  });

  it('keeps a refused write as the answer: the retry is refused the same way, and nothing is written', async () => {
    const before = await organizations();
    const bad = { input: { ...input(7), creditCode: 'not-a-credit-code' } };
    const first = await send(bad, 'bad-input-key-01');
    const retry = await send(bad, 'bad-input-key-01');
    expect(first.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(retry).toEqual(first);
    expect(await organizations()).toBe(before);
  });

  it('refuses a retry whose first write committed but whose answer was lost, instead of writing twice', async () => {
    const sql = (text: string) => people.orm.em.fork().getConnection().execute(text);
    const before = await organizations();
    const first = await send({ input: input(9) }, 'lost-answer-key-01');
    expect(first.errors).toBeUndefined();
    // the service dies after its commit and before storing the answer: the row has none, and is old
    await sql(`update idempotent_request set answer = null, created_at = now() - interval '3 minutes'
                where created_at = (select max(created_at) from idempotent_request)`);
    const retry = await send({ input: input(9) }, 'lost-answer-key-01');
    expect(retry.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'answer-lost' });
    expect(await organizations()).toBe(before + 1);

    // one that died before its write committed has no commit mark: the retry runs (and, the organisation
    // being there already from the first key, is refused as the duplicate it is)
    const again = await send({ input: input(9) }, 'lost-answer-key-02');
    expect(again.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    await sql(`update idempotent_request set answer = null, created_at = now() - interval '3 minutes'
                where created_at = (select max(created_at) from idempotent_request)`);
    const rerun = await send({ input: input(9) }, 'lost-answer-key-02');
    expect(rerun.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await organizations()).toBe(before + 1);
  });

  it('refuses a malformed key', async () => {
    const answer = await send({ input: input(8) }, 'short');
    expect(answer.errors?.[0].extensions).toMatchObject({ field: 'Idempotency-Key', rule: 'format' });
  });
});

describe('idempotency records expire and keep nothing readable', () => {
  const rows = () =>
    people.orm.em
      .fork()
      .getConnection()
      .execute<{ id: string; request_hash: string; answer: Buffer | null; fresh: boolean }[]>(
        `select id, request_hash, answer, created_at > now() - interval '1 hour' as fresh from idempotent_request`,
      );
  const age = (hours: number) =>
    people.orm.em
      .fork()
      .getConnection()
      .execute(`update idempotent_request set created_at = now() - interval '${hours} hours'`);

  it('stores neither the key, the caller nor the answer in clear', async () => {
    const first = await send({ input: input(20, '县保密局') }, 'clear-text-key-0001', 'hr-clear');
    expect(first.errors).toBeUndefined();
    const stored = (await rows())
      .map((row) => [row.id, row.request_hash, row.answer?.toString('utf8')].join(' '))
      .join('\n');
    for (const secret of ['clear-text-key-0001', 'hr-clear', '县保密局', first.data.createOrganization.id]) {
      expect(stored).not.toContain(secret);
    }
    expect((await send({ input: input(20, '县保密局') }, 'clear-text-key-0001', 'hr-clear')).data).toEqual(
      first.data,
    );
  });

  it('runs a retry older than 24 hours again instead of replaying it, and sweeps expired keys', async () => {
    const first = await send({ input: input(21) }, 'day-old-key-0001');
    expect(first.errors).toBeUndefined();
    await age(25);
    // the key has lapsed: the retry runs, and is refused as the duplicate it now is
    const late = await send({ input: input(21) }, 'day-old-key-0001');
    expect(late).not.toEqual(first);
    expect(late.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    // any keyed write deletes the expired rows
    await age(25);
    await send({ input: input(22) }, 'sweeping-key-0001');
    expect((await rows()).map((row) => row.fresh)).toEqual([true]);
  });
});
