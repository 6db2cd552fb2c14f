import ExcelJS from 'exceljs';
import { chinaDay, chinaYear } from '@county/domain';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { Migration20261205060000 } from '../src/migrations/Migration20261205060000';
import { startTestGateway, type TestGateway, type TestSubgraph } from '@county/test-kit';
import { countyCentre, ok, startFixtures, townshipCentre } from './fixtures';

/*
 * Report 001's "staff per township 4.5 → 9.2": the roster's joining and leaving days, and the staffing of
 * the township centres counted at the end of a year, through the gateway over the demo centres.
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

const STAFF = `id active joinedOn leftOn version`;
const M = {
  staff: `mutation ($input: CreateServiceStaffInput!) { createServiceStaff(input: $input) { ${STAFF} } }`,
  updateStaff: `mutation ($id: ID!, $input: UpdateServiceStaffInput!) { updateServiceStaff(id: $id, input: $input) { ${STAFF} } }`,
};
const STAFFING = `query ($code: ID!, $year: Int!) { region(code: $code) {
  townshipStaffing(year: $year) { asOf townships staff staffPerTownship } } }`;

const staffing = async (year: number, code = DEMO_COUNTY_CODE) =>
  (await ok(gateway.query(STAFFING, { code, year }, leader))).region.townshipStaffing;
const write = async (mutation: string, variables: Record<string, unknown>) =>
  Object.values(await ok(gateway.query(mutation, variables, bureau)))[0] as any;
const rosterRows = async () =>
  (
    await gov.orm.em
      .fork()
      .getConnection()
      .execute(`select json_agg(s order by id) rows, count(*)::int n from service_staff s`)
  )[0];
const oneDecimal = (share: number) => Math.round(share * 10) / 10;
const tomorrow = () =>
  new Date(Date.parse(`${chinaDay()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const newStaff = (joinedOn?: string) =>
  write(M.staff, {
    input: {
      centreId: townshipCentre.id,
      name: '测试入职',
      post: '测试受理',
      ...(joinedOn ? { joinedOn } : {}),
    },
  });

describe('staff per township, year by year (report 001: 4.5 → 9.2)', () => {
  it('counts the demo county’s township centres at 4.5 per township at the end of 2018 and 9.2 in 2019', async () => {
    const [y2018, y2019, today] = await Promise.all([2018, 2019, chinaYear()].map((year) => staffing(year)));
    expect(y2018).toMatchObject({ asOf: '2018-12-31', townships: 21, staff: 95 });
    expect(oneDecimal(y2018.staffPerTownship)).toBe(4.5);
    expect(y2019).toMatchObject({ asOf: '2019-12-31', townships: 21, staff: 193 });
    expect(oneDecimal(y2019.staffPerTownship)).toBe(9.2);
    // nobody has joined or left since 2019: today's roster is 2019's
    expect(today).toMatchObject({ asOf: chinaDay(), townships: 21, staff: 193 });
  });

  it('answers one township’s own centre, and null staff per township where there is no township centre', async () => {
    const own = await staffing(2019, townshipCentre.region_code);
    expect(own.townships).toBe(1);
    expect(own.staff).toBeGreaterThanOrEqual(9);
    const village = await staffing(2019, `${townshipCentre.region_code}001`);
    expect(village).toMatchObject({ townships: 0, staff: 0, staffPerTownship: null });
  });

  it('counts a member who left in 2019 in 2018 but not in 2019', async () => {
    const [before2018, before2019] = [await staffing(2018), await staffing(2019)];
    const member = await newStaff('2017-03-01');
    expect(member).toMatchObject({ active: true, joinedOn: '2017-03-01', leftOn: null });
    expect((await staffing(2018)).staff).toBe(before2018.staff + 1);
    expect((await staffing(2019)).staff).toBe(before2019.staff + 1);

    const left = await write(M.updateStaff, {
      id: member.id,
      input: { version: member.version, leftOn: '2019-06-30' },
    });
    expect(left).toMatchObject({ active: false, joinedOn: '2017-03-01', leftOn: '2019-06-30' });
    expect((await staffing(2018)).staff).toBe(before2018.staff + 1);
    expect((await staffing(2019)).staff).toBe(before2019.staff);
  });

  it('dates a new member today unless told, and `active: false` alone as leaving today', async () => {
    const member = await newStaff();
    expect(member).toMatchObject({ active: true, joinedOn: chinaDay(), leftOn: null });
    const left = await write(M.updateStaff, {
      id: member.id,
      input: { version: member.version, active: false },
    });
    expect(left).toMatchObject({ active: false, leftOn: chinaDay() });
  });
});

describe('roster days that cannot be (BAD_USER_INPUT, nothing changes)', () => {
  it('refuses a joining day in the future', async () => {
    const before = await rosterRows();
    const { errors } = await gateway.query<any>(
      M.staff,
      { input: { centreId: townshipCentre.id, name: '测试未来', post: '测试受理', joinedOn: tomorrow() } },
      bureau,
    );
    expect(errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.joinedOn',
      rule: 'not-future',
    });
    expect(await rosterRows()).toEqual(before);
  });

  it('refuses a leaving day before the joining day, or in the future, or contradicting `active`', async () => {
    const member = await newStaff('2019-05-01');
    const before = await rosterRows();
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ leftOn: '2019-04-30' }, 'input.leftOn', 'not-before-joined'],
      [{ leftOn: tomorrow() }, 'input.leftOn', 'not-future'],
      [{ joinedOn: '2019-06-01', leftOn: '2019-05-15' }, 'input.leftOn', 'not-before-joined'],
      [{ active: true, leftOn: '2019-06-01' }, 'input.active', 'consistent'],
    ];
    for (const [change, field, rule] of refusals) {
      const { errors } = await gateway.query<any>(
        M.updateStaff,
        { id: member.id, input: { version: member.version, ...change } },
        bureau,
      );
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
    }
    expect(await rosterRows()).toEqual(before);
  });

  it('refuses a joining day after the day a member left', async () => {
    const member = await newStaff('2019-05-01');
    const left = await write(M.updateStaff, {
      id: member.id,
      input: { version: member.version, leftOn: '2019-08-01' },
    });
    const before = await rosterRows();
    const { errors } = await gateway.query<any>(
      M.updateStaff,
      { id: member.id, input: { version: left.version, joinedOn: '2019-09-01' } },
      bureau,
    );
    expect(errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.joinedOn',
      rule: 'not-after-left',
    });
    expect(await rosterRows()).toEqual(before);
  });

  it('refuses the staffing of a year that has not begun', async () => {
    const { data, errors } = await gateway.query<any>(
      STAFFING,
      { code: DEMO_COUNTY_CODE, year: chinaYear() + 1 },
      leader,
    );
    expect(errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'year',
      rule: 'not-future',
    });
    expect(data?.region?.townshipStaffing ?? null).toBeNull();
  });
});

describe('the staff ledger (工作人员台账) with 入职日期 and 离岗日期', () => {
  const staffSheet = async () => {
    const headers = { authorization: `Bearer ${await gateway.token(bureau.claims)}` };
    const url = `${gateway.url.replace(/\/graphql$/, '')}/files/gov-services/staff.xlsx?region=${DEMO_COUNTY_CODE}`;
    const response = await fetch(url, { headers });
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
    const sheet = book.worksheets[0];
    const columns = (sheet.getRow(1).values as unknown[]).map(String);
    const cell = (row: ExcelJS.Row, header: string) => row.getCell(columns.indexOf(header));
    const upload = async () => {
      const posted = await fetch(url, {
        method: 'POST',
        headers,
        body: new Uint8Array(await book.xlsx.writeBuffer()),
      });
      return { status: posted.status, body: (await posted.json()) as any };
    };
    return { sheet, cell, upload };
  };

  it('ends a member’s time on the roster at the 离岗日期 given; a future 入职日期 is refused on its cell', async () => {
    const { sheet, cell, upload } = await staffSheet();
    // two members who joined during 2019 (township staff): one leaves on the sheet, one gets a bad date
    const joiners = sheet
      .getRows(2, sheet.rowCount - 1)!
      .filter(
        (row) => String(cell(row, '入职日期').value).startsWith('2019-') && !cell(row, '离岗日期').value,
      );
    const [leaver, other] = joiners;
    const staffed2019 = (await staffing(2019)).staff;
    cell(leaver, '离岗日期').value = '2019-12-31';
    const joinedOn = cell(other, '入职日期').value;
    cell(other, '入职日期').value = tomorrow();
    const before = await rosterRows();
    const refused = await upload();
    expect(refused.body.errors[0].extensions.rejected).toEqual([
      expect.objectContaining({ row: other.number, column: '入职日期', rule: 'not-future' }),
    ]);
    expect(await rosterRows()).toEqual(before);

    cell(other, '入职日期').value = joinedOn;
    expect(await upload()).toMatchObject({ status: 200, body: { created: 0, updated: 1 } });
    const [row] = await gov.orm.em
      .fork()
      .getConnection()
      .execute(`select active, left_on::text from service_staff where id = ?`, [
        String(cell(leaver, '人员编号').value),
      ]);
    expect(row).toEqual({ active: false, left_on: '2019-12-31' });
    expect((await staffing(2019)).staff).toBe(staffed2019 - 1);
  });
});

describe('the migration that dates the roster', () => {
  it('dates the rows already there the day it runs, and those already gone as left that same day', async () => {
    const migration = new Migration20261205060000(gov.orm.em.getDriver(), gov.orm.config);
    await migration.down();
    const down = migration.getQueries().map(String);
    migration.reset();
    await migration.up();
    const up = migration.getQueries().map(String);
    const em = gov.orm.em.fork();
    await em.begin();
    try {
      const run = (query: string) => em.getConnection().execute(query, [], 'all', em.getTransactionContext());
      for (const query of down) await run(query);
      // the undated roster: three members marked as gone
      await run(
        `update service_staff set active = false where id in (select id from service_staff order by id limit 3)`,
      );
      const [{ gone }] = await run(`select count(*)::int gone from service_staff where not active`);
      expect(gone).toBeGreaterThanOrEqual(3);
      for (const query of up) await run(query);
      const [counts] = await run(`select count(*)::int total,
          count(*) filter (where joined_on = (now() at time zone 'Asia/Shanghai')::date)::int dated_today,
          count(*) filter (where not active and left_on = joined_on)::int gone_that_day,
          count(*) filter (where active and left_on is null)::int on_roster from service_staff`);
      expect(counts).toEqual({
        total: counts.total,
        dated_today: counts.total,
        gone_that_day: gone,
        on_roster: counts.total - gone,
      });
    } finally {
      await em.rollback();
    }
  });
});
