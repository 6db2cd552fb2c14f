import { chinaDay } from '@county/domain';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { startTestGateway, type TestGateway, type TestSubgraph } from '@county/test-kit';
import { city, countyCentre, countyOnlyItem, items, ok, startFixtures } from './fixtures';

/*
 * Report 001: 36 high-frequency approvals stationed in the township centres (进驻), 80 public services moved
 * down (下放), 128 items doable in townships and villages — the demo catalogue's ways down, as a leader asks
 * for them, and the item writes that keep them true.
 */
let people: TestSubgraph;
let gov: TestSubgraph;
let gateway: TestGateway;
const claims = (sub: string, ...roles: string[]) => ({ claims: { sub, roles } });
const bureau = claims('bureau', `department:${countyCentre.organization_id}`);
const leader = claims('leader', 'leader');

beforeAll(async () => {
  ({ people, gov } = await startFixtures());
  gateway = await startTestGateway([people, gov]);
}, 90_000);
afterAll(async () => {
  await gateway.stop();
  await gov.close();
  await people.close();
});

const FIGURES = `movedDown { townshipItems stationedApprovals delegatedItems otherWays notRecorded }`;
const figuresOf = async (code: string) =>
  (await ok(gateway.query(`query ($code: ID!) { region(code: $code) { ${FIGURES} } }`, { code }, leader)))
    .region.movedDown;
const REPORTED = {
  townshipItems: 128,
  stationedApprovals: 36,
  delegatedItems: 80,
  otherWays: 12,
  notRecorded: 0,
};

const ITEM = `id version kind levels highFrequency movedDown movedDownDocument movedDownOn`;
const CREATE = `mutation ($input: CreateServiceItemInput!) { createServiceItem(input: $input) { ${ITEM} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateServiceItemInput!) { updateServiceItem(id: $id, input: $input) { ${ITEM} } }`;
const MOVE = `mutation ($id: ID!, $input: MoveServiceItemDownInput!) { moveServiceItemDown(id: $id, input: $input) { ${ITEM} } }`;
const READ = `query ($id: ID!) { serviceItem(id: $id) { ${ITEM} } }`;

const read = async (id: string) => (await ok(gateway.query(READ, { id }, leader))).serviceItem;

/** A refused write: BAD_USER_INPUT naming the field and the rule, and the figures as they were. */
async function refused(pending: Promise<{ errors?: any[] }>, field: string, rule: string) {
  const before = await figuresOf(DEMO_COUNTY_CODE);
  const { errors } = await pending;
  expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
  expect(errors?.[0]?.message).not.toMatch(/select|stack|at .*\.ts/i);
  expect(await figuresOf(DEMO_COUNTY_CODE)).toEqual(before);
}

describe('the demo county’s items moved down to the townships (report 001)', () => {
  it('counts 36 stationed approvals, 80 public services moved down, 128 township items, through the gateway', async () => {
    expect(await figuresOf(DEMO_COUNTY_CODE)).toEqual(REPORTED);
    // a township counts its county's catalogue; the city the catalogues of its (here one) county
    const township = city.regions.find((r) => r.level === 'TOWNSHIP')!;
    const cityRegion = city.regions.find((r) => r.level === 'CITY')!;
    const { a, b } = await ok(
      gateway.query(
        `{ a: region(code: "${township.code}") { ${FIGURES} } b: region(code: "${cityRegion.code}") { ${FIGURES} } }`,
        {},
        leader,
      ),
    );
    expect(a.movedDown).toEqual(REPORTED);
    expect(b.movedDown).toEqual(REPORTED);
  });

  it('stations the named approvals and moves down the named public services, each with its document and day', async () => {
    const named = async (name: string) => {
      const { serviceItems } = await ok(
        gateway.query(
          `query ($name: String) { serviceItems(regionCode: "${DEMO_COUNTY_CODE}", name: $name, first: 5) { nodes { name ${ITEM} } } }`,
          { name },
          leader,
        ),
      );
      return serviceItems.nodes.find((node: { name: string }) => node.name === name);
    };
    for (const name of ['农村宅基地审批', '个体工商户登记', '林木采伐许可'])
      expect(await named(name)).toMatchObject({
        kind: 'ADMINISTRATIVE_PERMIT',
        highFrequency: true,
        movedDown: 'STATIONED',
        movedDownDocument: expect.stringContaining('进驻乡镇便民服务中心'),
        movedDownOn: '2017-12-28',
      });
    for (const name of ['最低生活保障审批', '残疾人两项补贴', '医疗费用报销'])
      expect(await named(name)).toMatchObject({
        movedDown: 'DELEGATED',
        movedDownDocument: expect.stringContaining('下放乡镇'),
      });
    expect(await read(countyOnlyItem.id)).toMatchObject({ levels: ['COUNTY'], movedDown: null });
  });
});

describe('recording how an item moved down', () => {
  const input = (overrides: Record<string, unknown>) => ({
    regionCode: DEMO_COUNTY_CODE,
    code: `${DEMO_COUNTY_CODE}-MOVED-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
    name: '下沉测试事项',
    kind: 'ADMINISTRATIVE_PERMIT',
    responsibleOrganizationId: countyCentre.organization_id,
    levels: ['COUNTY', 'TOWNSHIP'],
    statutoryLimit: 20,
    committedLimit: 10,
    processing: 'PROMISED',
    visitRequirement: 'NO_VISIT',
    maxVisits: 0,
    onlineCapable: true,
    highFrequency: true,
    movedDown: 'STATIONED',
    movedDownDocument: '县政办发〔2026〕3号',
    movedDownOn: '2026-12-01',
    ...overrides,
  });

  it('refuses a way down the item cannot have, naming the field and the rule', async () => {
    await refused(
      gateway.query(CREATE, { input: input({ levels: ['COUNTY'] }) }, bureau),
      'input.levels',
      'moved-down',
    );
    await refused(
      gateway.query(CREATE, { input: input({ kind: 'PUBLIC_SERVICE' }) }, bureau),
      'input.kind',
      'stationed',
    );
    await refused(
      gateway.query(CREATE, { input: input({ movedDownDocument: null }) }, bureau),
      'input.movedDownDocument',
      'required',
    );
    await refused(
      gateway.query(CREATE, { input: input({ movedDown: null }) }, bureau),
      'input.movedDownDocument',
      'moved-down',
    );
    const county = await read(countyOnlyItem.id);
    await refused(
      gateway.query(
        MOVE,
        {
          id: county.id,
          input: {
            version: county.version,
            movedDown: 'DELEGATED',
            movedDownDocument: '县政办发〔2026〕4号',
            movedDownOn: '2026-12-01',
          },
        },
        bureau,
      ),
      'input.levels',
      'moved-down',
    );
    expect(await read(countyOnlyItem.id)).toEqual(county);
  });

  it('counts a new stationed approval, keeps it true through a change, and records a way down for an item', async () => {
    const { createServiceItem: created } = await ok(gateway.query(CREATE, { input: input({}) }, bureau));
    expect(created).toMatchObject({ movedDown: 'STATIONED', movedDownOn: '2026-12-01' });
    expect(await figuresOf(DEMO_COUNTY_CODE)).toEqual({
      ...REPORTED,
      townshipItems: 129,
      stationedApprovals: 37,
    });
    // a change that takes it out of the townships would leave a stationed approval nowhere to be stationed
    // the county's tomorrow: after 16:00 UTC, UTC's tomorrow is already Beijing's today
    const tomorrow = chinaDay(new Date(Date.now() + 86_400_000));
    await refused(
      gateway.query(
        UPDATE,
        { id: created.id, input: { version: created.version, effectiveFrom: tomorrow, levels: ['COUNTY'] } },
        bureau,
      ),
      'input.levels',
      'moved-down',
    );

    // an item of the 12 moved down by other means, recorded again as a public service moved down
    const other = items.find((item) => item.moved_down === 'OTHER')!;
    const before = await read(other.id);
    const { moveServiceItemDown: moved } = await ok(
      gateway.query(
        MOVE,
        {
          id: other.id,
          input: {
            version: before.version,
            movedDown: 'DELEGATED',
            movedDownDocument: '县政办发〔2026〕5号',
            movedDownOn: '2026-12-02',
          },
        },
        bureau,
      ),
    );
    expect(moved).toMatchObject({
      movedDown: 'DELEGATED',
      movedDownDocument: '县政办发〔2026〕5号',
      version: before.version + 1,
    });
    expect(await figuresOf(DEMO_COUNTY_CODE)).toEqual({
      ...REPORTED,
      townshipItems: 129,
      stationedApprovals: 37,
      delegatedItems: 81,
      otherWays: 11,
    });
    // the version read before is stale now
    const { errors } = await gateway.query(
      MOVE,
      { id: other.id, input: { version: before.version, movedDown: null } },
      bureau,
    );
    expect(errors?.[0]?.extensions?.field).toBe('input.version');
  });
});
