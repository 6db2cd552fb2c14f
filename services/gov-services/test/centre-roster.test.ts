import { startTestGateway, type TestGateway, type TestSubgraph } from '@county/test-kit';
import { centres, countyCentre, ok, startFixtures, townshipCentre } from './fixtures';
import { ServiceLevel } from '../src/vocabulary';

let people: TestSubgraph;
let gov: TestSubgraph;
let gateway: TestGateway;
const claims = (sub: string, ...roles: string[]) => ({ claims: { sub, roles } });
const bureau = claims('bureau', `department:${countyCentre.organization_id}`);
const townshipStaff = claims('township-staff', `department:${townshipCentre.organization_id}`);
const leader = claims('leader', 'leader');
const hr = claims('hr', 'hr');
const auditor = claims('auditor', 'auditor');

beforeAll(async () => {
  ({ people, gov } = await startFixtures());
  gateway = await startTestGateway([people, gov]);
}, 90_000);
afterAll(async () => {
  await gateway.stop();
  await gov.close();
  await people.close();
});

const CENTRE = `id level version windows staff backupCoverage`;
const STAFF = `id name phone post active version window { number } backup { name }`;
const M = {
  centre: `mutation ($input: CreateServiceCentreInput!) { createServiceCentre(input: $input) { ${CENTRE} } }`,
  updateCentre: `mutation ($id: ID!, $input: UpdateServiceCentreInput!) { updateServiceCentre(id: $id, input: $input) { id name version } }`,
  window: `mutation ($input: CreateServiceWindowInput!) { createServiceWindow(input: $input) { id number version } }`,
  updateWindow: `mutation ($id: ID!, $input: UpdateServiceWindowInput!) { updateServiceWindow(id: $id, input: $input) { id number version } }`,
  staff: `mutation ($input: CreateServiceStaffInput!) { createServiceStaff(input: $input) { ${STAFF} } }`,
  updateStaff: `mutation ($id: ID!, $input: UpdateServiceStaffInput!) { updateServiceStaff(id: $id, input: $input) { ${STAFF} } }`,
};
const CENTRES = `query ($code: ID!) { serviceCentres(regionCode: $code, first: 100) { nodes { ${CENTRE} name
  roster(first: 10) { totalCount nodes { name phone backup { name } } } serviceWindows { totalCount nodes { number } } } } }`;

const sql = async (query: string, params: unknown[] = []) =>
  (await gov.orm.em.fork().getConnection().execute(query, params))[0];
/** Every row a roster write may touch: a refused write leaves them all as they were. */
const snapshot = () =>
  sql(`select (select json_agg(c order by id) from service_centre c where name like '测试%') centres,
    (select json_agg(w order by id) from service_window w where name like '测试%') windows,
    (select json_agg(s order by id) from service_staff s where post like '测试%') staff,
    (select count(*)::int from service_centre) centre_count, (select count(*)::int from audit_record) audit`);

const write = async (mutation: string, variables: Record<string, unknown>, who = bureau) =>
  Object.values(await ok(gateway.query(mutation, variables, who)))[0] as any;
const centreOf = async (id: string) => {
  const { serviceCentres } = await ok(gateway.query(CENTRES, { code: townshipCentre.region_code }, leader));
  return serviceCentres.nodes.find((c: { id: string }) => c.id === id);
};

/** A new township centre with two windows and three staff: A and B back each other, C has no backup. */
async function newCentre() {
  const centre = await write(M.centre, {
    input: {
      organizationId: townshipCentre.organization_id,
      regionCode: townshipCentre.region_code,
      name: '测试便民服务分中心',
    },
  });
  const w1 = await write(M.window, { input: { centreId: centre.id, number: 'T01', name: '测试综合窗口' } });
  await write(M.window, { input: { centreId: centre.id, number: 'T02', name: '测试出件窗口' } });
  const a = await write(M.staff, {
    input: { centreId: centre.id, name: '甲', phone: '13812345678', post: '测试受理', windowId: w1.id },
  });
  const b = await write(M.staff, {
    input: { centreId: centre.id, name: '乙', post: '测试受理', backupStaffId: a.id },
  });
  const c = await write(M.staff, { input: { centreId: centre.id, name: '丙', post: '测试审批' } });
  await write(M.updateStaff, { id: a.id, input: { version: a.version, backupStaffId: b.id } });
  return { centre, w1, a, b, c };
}

describe('centres, windows and staff (the bureau keeps them)', () => {
  it('counts windows, staff and B岗 coverage from who backs whom on the roster', async () => {
    const { centre, a, b } = await newCentre();
    expect(centre).toMatchObject({ level: 'TOWNSHIP', windows: 0, staff: 0, backupCoverage: 0, version: 1 });
    expect(await centreOf(centre.id)).toMatchObject({ windows: 2, staff: 3 });
    expect((await centreOf(centre.id)).backupCoverage).toBeCloseTo(2 / 3, 9);

    // B leaves: A's backup no longer counts, and B is no longer on the staff
    await write(M.updateStaff, { id: b.id, input: { version: b.version, active: false } });
    expect(await centreOf(centre.id)).toMatchObject({ staff: 2, backupCoverage: 0 });
    // a new backup for A: one of two posts covered
    const d = await write(M.staff, { input: { centreId: centre.id, name: '丁', post: '测试受理' } });
    await write(M.updateStaff, { id: a.id, input: { version: 2, backupStaffId: d.id } });
    expect(await centreOf(centre.id)).toMatchObject({ staff: 3 });
    expect((await centreOf(centre.id)).backupCoverage).toBeCloseTo(1 / 3, 9);
    // null clears a backup
    const cleared = await write(M.updateStaff, { id: a.id, input: { version: 3, backupStaffId: null } });
    expect(cleared.backup).toBeNull();
  });

  it('gives every demo centre the coverage of its roster, not a fixed share', async () => {
    const { serviceCentres } = await ok(
      gateway.query(
        `{ serviceCentres(regionCode: "${countyCentre.region_code}", first: 100) { nodes { id staff backupCoverage } } }`,
        {},
        leader,
      ),
    );
    const truth = await gov.orm.em
      .fork()
      .getConnection()
      .execute(
        `select s.centre_id id, count(*)::int staff, count(b.id)::float8 / count(*) coverage
           from service_staff s left join service_staff b on b.id = s.backup_staff_id and b.active
          where s.active group by s.centre_id`,
      );
    const byId = new Map(truth.map((row) => [row.id as string, row]));
    expect(serviceCentres.nodes.length).toBeGreaterThan(10);
    for (const node of serviceCentres.nodes) {
      const row = byId.get(node.id) as { staff: number; coverage: number } | undefined;
      expect(node.staff).toBe(row?.staff ?? 0);
      expect(node.backupCoverage).toBeCloseTo(row?.coverage ?? 0, 9);
    }
    const { serviceCentres: county } = await ok(
      gateway.query(
        `{ serviceCentres(regionCode: "${countyCentre.region_code}", level: COUNTY) { nodes { id staff backupCoverage } } }`,
        {},
        leader,
      ),
    );
    // the old seed said 0.9 + (code % 10) / 100; the roster backs all but every tenth member
    const n = countyCentre.staff;
    expect(county.nodes).toEqual([
      { id: countyCentre.id, staff: n, backupCoverage: expect.closeTo((n - Math.floor(n / 10)) / n, 9) },
    ]);
    expect(centres.filter((c) => c.level === ServiceLevel.COUNTY)).toHaveLength(1);
  });

  it('masks staff phones unless the caller has hr, in answers and in the audit trail', async () => {
    const { a } = await newCentre();
    expect(a.phone).toBe('138****5678');
    const asHr = await ok(
      gateway.query(
        `{ serviceCentres(regionCode: "${townshipCentre.region_code}", first: 100) { nodes {
        roster(first: 100) { nodes { id phone } } } } }`,
        {},
        hr,
      ),
    );
    const phones = asHr.serviceCentres.nodes.flatMap((n: any) => n.roster.nodes);
    expect(phones.find((s: { id: string }) => s.id === a.id).phone).toBe('13812345678');
    const trail = await ok(
      gateway.query(
        `{ govServicesAuditTrail(entity: "ServiceStaff", entityId: "${a.id}") { nodes { operation after } } }`,
        {},
        auditor,
      ),
    );
    const created = trail.govServicesAuditTrail.nodes.find(
      (n: { operation: string }) => n.operation === 'create',
    );
    expect(created.after.phone).toBe('138****5678');
  });

  it.each([
    ['a malformed phone', 'staff', { name: '戊', post: '测试', phone: '12345' }, 'input.phone', 'format'],
    ['an empty name', 'staff', { name: '', post: '测试' }, 'input.name', 'min'],
    [
      'a window of another centre',
      'staff',
      { name: '戊', post: '测试', windowId: 'OTHER_WINDOW' },
      'input.windowId',
      'same-centre',
    ],
    [
      'a backup at another centre',
      'staff',
      { name: '戊', post: '测试', backupStaffId: 'OTHER_STAFF' },
      'input.backupStaffId',
      'same-centre',
    ],
    [
      'a window number taken at the centre',
      'window',
      { number: 'T01', name: '测试重复' },
      'input.number',
      'unique',
    ],
    ['a window number with spaces', 'window', { number: 'A 1', name: '测试' }, 'input.number', 'format'],
  ])(
    'refuses %s, naming the field and rule, and changes nothing',
    async (_case, kind, input, field, rule) => {
      const { centre } = await newCentre();
      const other = await newCentre();
      const fill = (value: unknown) =>
        value === 'OTHER_WINDOW' ? other.w1.id : value === 'OTHER_STAFF' ? other.a.id : value;
      const before = await snapshot();
      const { errors } = await gateway.query<any>(
        kind === 'staff' ? M.staff : M.window,
        {
          input: {
            centreId: centre.id,
            ...Object.fromEntries(Object.entries(input).map(([k, v]) => [k, fill(v)])),
          },
        },
        bureau,
      );
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
      expect(await snapshot()).toEqual(before);
    },
  );

  it('refuses a staff member as their own backup, a centre in a city, and a stale version; nothing changes', async () => {
    const { centre, a, c } = await newCentre();
    const before = await snapshot();
    const self = await gateway.query<any>(
      M.updateStaff,
      { id: c.id, input: { version: 1, backupStaffId: c.id } },
      bureau,
    );
    expect(self.errors?.[0].extensions).toMatchObject({ field: 'input.backupStaffId', rule: 'not-self' });
    const city = await gateway.query<any>(
      M.centre,
      {
        input: {
          organizationId: townshipCentre.organization_id,
          regionCode: `${countyCentre.region_code.slice(0, 4)}00`,
          name: '测试',
        },
      },
      bureau,
    );
    expect(city.errors?.[0].extensions).toMatchObject({ field: 'input.regionCode', rule: 'level' });
    const stale = await gateway.query<any>(
      M.updateStaff,
      { id: a.id, input: { version: 1, post: '测试改岗' } },
      bureau,
    );
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'current-version' });
    const staleCentre = await gateway.query<any>(
      M.updateCentre,
      { id: centre.id, input: { version: 9, name: '测试改名' } },
      bureau,
    );
    expect(staleCentre.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.version' });
    expect(await snapshot()).toEqual(before);
  });

  it('lets only the county bureau write centres, windows and staff; nothing changes for anyone else', async () => {
    const { centre, w1, a } = await newCentre();
    const before = await snapshot();
    for (const who of [townshipStaff, leader, hr, claims('bureau-role', 'approval-bureau')]) {
      const attempts = await Promise.all([
        gateway.query<any>(
          M.centre,
          {
            input: {
              organizationId: townshipCentre.organization_id,
              regionCode: townshipCentre.region_code,
              name: '测试越权',
            },
          },
          who,
        ),
        gateway.query<any>(M.updateCentre, { id: centre.id, input: { version: 1, name: '测试越权' } }, who),
        gateway.query<any>(M.window, { input: { centreId: centre.id, number: 'X9', name: '测试越权' } }, who),
        gateway.query<any>(M.updateWindow, { id: w1.id, input: { version: 1, name: '测试越权' } }, who),
        gateway.query<any>(M.staff, { input: { centreId: centre.id, name: '越权', post: '测试越权' } }, who),
        gateway.query<any>(M.updateStaff, { id: a.id, input: { version: 2, post: '测试越权' } }, who),
      ]);
      for (const attempt of attempts)
        expect(attempt.errors?.[0].extensions).toMatchObject({
          code: 'FORBIDDEN',
          allowedRoles: [`department:${countyCentre.organization_id}`],
        });
    }
    expect(await snapshot()).toEqual(before);
    // the bureau itself may
    const renamed = await write(M.updateCentre, {
      id: centre.id,
      input: { version: 1, name: '测试改名中心' },
    });
    expect(renamed).toMatchObject({ name: '测试改名中心', version: 2 });
  });
});
