import { DEMO_COUNTY_CODE } from '@county/demo-data';
import type { Claims } from '@county/kit';
import { startTestGateway, startTestSubgraph } from '@county/test-kit';
import type { TestGateway, TestSubgraph } from '@county/test-kit';
import { peopleSubgraph } from '@county/people';

/*
 * Through the gateway: community workers' pay scale as data a province sets (kept by hr), the national
 * default until it does, and each worker's pay by the scale of their community's province.
 */

let people: TestSubgraph;
let gateway: TestGateway;
const PROVINCE = `${DEMO_COUNTY_CODE.slice(0, 2)}0000`;
const claims = (...roles: string[]): Claims => ({ sub: `test-${roles.join('+')}`, roles });
const hr = claims('hr');

const PAY = `query ($province: ID!) { communityPay(provinceCode: $province) {
  provinceCode basePay payStep setByProvince version } }`;
const SET = `mutation ($input: CommunityPayInput!, $version: Int) {
  setCommunityPay(input: $input, version: $version) { provinceCode basePay payStep setByProvince version } }`;
const WORKERS = `query ($region: ID!) { communityWorkers(regionCode: $region, first: 5) {
  nodes { id level monthlyBasePay } } }`;
const scale = (basePay: number, payStep: number, provinceCode = PROVINCE) => ({
  provinceCode,
  basePay,
  payStep,
});

const rowsOf = async () =>
  JSON.stringify(
    await people.orm.em.fork().getConnection().execute(`select * from community_pay order by province_code`),
  );

async function expectRefused(
  variables: Record<string, unknown>,
  caller: Claims | undefined,
  expected: Record<string, unknown>,
) {
  const before = await rowsOf();
  const { data, errors } = await gateway.query<any>(SET, variables, { claims: caller });
  expect(data?.setCommunityPay ?? null).toBeNull();
  expect(errors![0].extensions).toMatchObject(expected);
  expect(errors![0].message).not.toMatch(/Invalid input|expected|select |insert |update /);
  expect(await rowsOf()).toBe(before);
}
async function read(query: string, variables: Record<string, unknown>, caller: Claims = hr) {
  const { data, errors } = await gateway.query<any>(query, variables, { claims: caller });
  expect(errors).toBeUndefined();
  return data;
}

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  gateway = await startTestGateway([people]);
});
afterAll(async () => {
  await gateway?.stop();
  await people?.close();
});

it('pays by the national default until the province sets its scale; then workers’ pay follows it', async () => {
  expect((await read(PAY, { province: PROVINCE })).communityPay).toEqual({
    provinceCode: PROVINCE,
    basePay: 3000,
    payStep: 0.05,
    setByProvince: false,
    version: null,
  });
  const before = (await read(WORKERS, { region: DEMO_COUNTY_CODE })).communityWorkers.nodes;
  expect(before.length).toBeGreaterThan(0);
  for (const w of before) expect(w.monthlyBasePay).toBe(Math.round(3000 * (1 + (w.level - 1) * 0.05)));

  const set = await read(SET, { input: scale(4200, 0.08) });
  expect(set.setCommunityPay).toEqual({ ...scale(4200, 0.08), setByProvince: true, version: 1 });
  expect((await read(PAY, { province: PROVINCE })).communityPay).toMatchObject({ basePay: 4200, version: 1 });

  const after = (await read(WORKERS, { region: DEMO_COUNTY_CODE })).communityWorkers.nodes;
  expect(after.map((w: { id: string }) => w.id)).toEqual(before.map((w: { id: string }) => w.id));
  for (const w of after) expect(w.monthlyBasePay).toBe(Math.round(4200 * (1 + (w.level - 1) * 0.08)));

  // another province keeps the national default
  expect((await read(PAY, { province: '110000' })).communityPay).toMatchObject({
    basePay: 3000,
    setByProvince: false,
  });
  const audit = await read(
    `{ peopleAuditTrail(entity: "CommunityPay", first: 5) { nodes { operation after } } }`,
    {},
    claims('auditor'),
  );
  expect(audit.peopleAuditTrail.nodes).toEqual([
    expect.objectContaining({ operation: 'create', after: expect.objectContaining({ basePay: 4200 }) }),
  ]);
});

it.each([
  ['a negative base pay', scale(-1, 0.05), 'input.basePay', 'min'],
  ['a step above 1', scale(3000, 1.5), 'input.payStep', 'max'],
  ['a province code that is a county', scale(3000, 0.05, DEMO_COUNTY_CODE), 'input.provinceCode', 'format'],
  ['a province no region lies in', scale(3000, 0.05, '110000'), 'input.provinceCode', 'exists'],
])('refuses %s (BAD_USER_INPUT naming field and rule), changing nothing', async (_l, input, field, rule) => {
  await expectRefused({ input, version: 1 }, hr, { code: 'BAD_USER_INPUT', field, rule });
});

it('refuses a role that may not keep pay settings, and the anonymous caller', async () => {
  await expectRefused({ input: scale(5000, 0.05), version: 1 }, claims('leader'), { code: 'FORBIDDEN' });
  await expectRefused({ input: scale(5000, 0.05), version: 1 }, claims('reform-office'), {
    code: 'FORBIDDEN',
  });
  await expectRefused({ input: scale(5000, 0.05), version: 1 }, undefined, { code: 'UNAUTHENTICATED' });
});

it('changes a set scale with its version; refuses a change without one and a stale one (CONFLICT)', async () => {
  const { communityPay } = await read(PAY, { province: PROVINCE });
  expect(communityPay.setByProvince).toBe(true);
  await expectRefused({ input: scale(5000, 0.05) }, hr, {
    code: 'BAD_USER_INPUT',
    field: 'version',
    rule: 'required',
  });
  const changed = await read(SET, { input: scale(5000, 0.05), version: communityPay.version });
  expect(changed.setCommunityPay).toMatchObject({ basePay: 5000, version: communityPay.version + 1 });
  await expectRefused({ input: scale(6000, 0.05), version: communityPay.version }, hr, {
    code: 'CONFLICT',
    field: 'version',
    rule: 'current-version',
    currentVersion: communityPay.version + 1,
  });
});
