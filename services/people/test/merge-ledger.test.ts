import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DEMO_CITY_CODE, DEMO_COUNTY_CODE } from '@county/demo-data';
import type { Claims } from '@county/kit';
import { peopleSubgraph } from '@county/people';
import { startTestGateway, startTestSubgraph, type TestGateway, type TestSubgraph } from '@county/test-kit';
import { seedDemoMerge } from '../src/seeders/demo-merge';

/*
 * The ledgers of the demo county's merges (两项改革, report 001) through the gateway: the demo reproduces
 * 001's figures without changing today's regions; the writes are checked, authorised, audited and
 * idempotent; the idle-asset ledger goes out as a spreadsheet and comes back.
 */
let people: TestSubgraph;
let gateway: TestGateway;
const hr: Claims = { sub: 'hr-merge-ledgers', roles: ['hr'] };
const leader: Claims = { sub: 'leader-reads', roles: ['leader'] };
const auditor: Claims = { sub: 'auditor-merge-ledgers', roles: ['auditor'] };

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  gateway = await startTestGateway([people]);
});
afterAll(async () => {
  await gateway?.stop();
  await people?.close();
});

async function ask(query: string, variables: Record<string, unknown> = {}, claims: Claims = leader) {
  return gateway.query<any>(query, variables, { claims });
}

const STATS = `query ($code: ID!) { region(code: $code) { mergeLedgerStats {
  idleAssets disposed disposalRate area bookValue proceeds facilities facilitiesRestructured
  byKind { kind assets disposed } byDisposal { method assets proceeds } byFacility { kind outcome count }
} } }`;

async function stats(code: string = DEMO_COUNTY_CODE) {
  const answer = await ask(STATS, { code });
  expect(answer.errors).toBeUndefined();
  return answer.data.region.mergeLedgerStats;
}

const sql = <T = any>(text: string, params: unknown[] = []) =>
  people.orm.em.fork().getConnection().execute<T[]>(text, params);

/** The first merged-away 乡 of the demo and the town it went on as. */
async function demoMerge(): Promise<{ predecessor: string; successor: string }> {
  const [edge] = await sql(
    `select predecessor_code, successor_code from region_succession s join region r on r.code = s.predecessor_code
      where r.level = 'TOWNSHIP' order by predecessor_code limit 1`,
  );
  return { predecessor: edge.predecessor_code, successor: edge.successor_code };
}

const RECORD = `mutation ($input: RecordIdleAssetInput!) {
  recordIdleAsset(input: $input) { id version kind name area bookValue disposal disposedOn proceeds
    predecessor { code validTo } successor { code } }
}`;
const UPDATE = `mutation ($id: ID!, $version: Int!, $input: UpdateIdleAssetInput!) {
  updateIdleAsset(id: $id, version: $version, input: $input) { id version disposal disposedOn proceeds disposedTo }
}`;
const FACILITY = `mutation ($input: RecordFacilityInput!) {
  recordRestructuredFacility(input: $input) { id version kind outcome became restructuredOn }
}`;
const UPDATE_FACILITY = `mutation ($id: ID!, $version: Int!, $input: UpdateFacilityInput!) {
  updateRestructuredFacility(id: $id, version: $version, input: $input) { id version outcome became }
}`;

describe('the demo merge (001)', () => {
  it('keeps today’s 21 townships and 346 villages, and the past has the six 乡 merged on 2019-12-01', async () => {
    const answer = await ask(
      `query ($county: ID!) {
        today: regions(parentCode: $county) { code }
        villages: regions(level: VILLAGE) { code }
        before: regions(parentCode: $county, asOf: "2019-11-30") { code name successors { successor { code name } decisionDocument effectiveOn } }
      }`,
      { county: DEMO_COUNTY_CODE },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data.today).toHaveLength(21);
    expect(answer.data.villages).toHaveLength(346);
    expect(answer.data.before).toHaveLength(27);
    const merged = answer.data.before.filter((t: any) => t.successors.length);
    expect(merged).toHaveLength(6);
    expect(merged[0]).toMatchObject({
      name: expect.stringMatching(/乡$/),
      successors: [{ decisionDocument: '澄府函〔2019〕236号', effectiveOn: '2019-12-01' }],
    });
    const today = answer.data.today.map((t: any) => t.code);
    for (const township of merged) expect(today).toContain(township.successors[0].successor.code);
    // the first townships stay as they were (other examples merge them)
    expect(merged.map((t: any) => t.successors[0].successor.code)).not.toContain(today[0]);
    expect(merged.map((t: any) => t.successors[0].successor.code)).not.toContain(today[1]);
  });

  it('reproduces 001: 30 五站五所 reused, 107 buildings into the state-owned company', async () => {
    const county = await stats();
    expect(county).toMatchObject({
      idleAssets: 156,
      disposed: 149,
      facilities: 18,
      facilitiesRestructured: 16,
    });
    expect(county.disposalRate).toBeCloseTo(149 / 156, 4);
    const method = (m: string) => county.byDisposal.find((d: any) => d.method === m);
    expect(method('REUSE')).toMatchObject({ assets: 30, proceeds: 0 });
    expect(method('TRANSFER')).toMatchObject({ assets: 107, proceeds: 0 });
    expect(method('AUCTION').assets).toBe(3);
    expect(method('LEASE').assets).toBe(9);
    expect(county.byKind.find((k: any) => k.kind === 'STATION')).toMatchObject({ assets: 42, disposed: 38 });
    // the 30 reused are all stations (便民服务站), the 107 transferred all offices and ancillary houses
    const [reused] = await sql(
      `select count(*)::int as n from merge_idle_asset where disposal = 'REUSE' and kind = 'STATION' and disposed_to = '便民服务站'`,
    );
    expect(reused.n).toBe(30);
    // figures computed in SQL agree with the rows: proceeds are the leases' and auctions'
    const [sums] = await sql(
      `select sum(proceeds)::float8 as proceeds, sum(book_value)::float8 as book from merge_idle_asset`,
    );
    expect(county.proceeds).toBe(sums.proceeds);
    expect(county.bookValue).toBe(sums.book);
    expect(county.proceeds).toBeGreaterThan(0);
    // the city counts its one county's, and a merged-away 乡 and its town the same rows
    expect(await stats(DEMO_CITY_CODE)).toEqual(county);
    const { predecessor, successor } = await demoMerge();
    const town = await stats(successor);
    expect(await stats(predecessor)).toEqual(town);
    expect(town.idleAssets).toBeGreaterThan(0);
    // a township without a merge has nothing
    const [untouched] = (await ask(`{ regions(parentCode: "${DEMO_COUNTY_CODE}") { code } }`)).data.regions;
    expect(await stats(untouched.code)).toMatchObject({
      idleAssets: 0,
      disposalRate: null,
      byKind: [],
      facilities: 0,
    });
  });

  it('is seeded once: a second start adds nothing', async () => {
    const before = await stats();
    expect(await seedDemoMerge(people.orm)).toBe(0);
    expect(await stats()).toEqual(before);
  });

  it('lists the ledgers of a region a page at a time', async () => {
    const { successor } = await demoMerge();
    const answer = await ask(
      `query ($code: ID!) {
        idleAssets(regionCode: $code, first: 5) { totalCount nodes { name successor { code } predecessor { validTo } } pageInfo { hasNextPage } }
        restructuredFacilities(regionCode: $code) { totalCount nodes { kind outcome became } }
      }`,
      { code: successor },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data.idleAssets.nodes).toHaveLength(5);
    expect(answer.data.idleAssets.pageInfo.hasNextPage).toBe(true);
    expect(answer.data.idleAssets.nodes[0]).toMatchObject({
      successor: { code: successor },
      predecessor: { validTo: '2019-11-30' },
    });
    expect(answer.data.restructuredFacilities.totalCount).toBe(3);
    const bad = await ask(`{ idleAssets(regionCode: "12") { totalCount } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'regionCode' });
  });
  it('answers the dashboard guide’s MergeLedgers example as written', async () => {
    const guide = fs.readFileSync(path.join(__dirname, '../../../cockpit/GUIDE.md'), 'utf8');
    const query = /query MergeLedgers \{[\s\S]*?\n\}\n/.exec(guide)?.[0];
    expect(query).toBeDefined();
    const answer = await ask(query!);
    expect(answer.errors).toBeUndefined();
    const figures = answer.data.region.mergeLedgerStats;
    expect(figures).toMatchObject({ idleAssets: 156, disposed: 149, facilitiesRestructured: 16 });
    expect(figures.byDisposal).toEqual(
      expect.arrayContaining([
        { method: 'REUSE', assets: 30 },
        { method: 'TRANSFER', assets: 107 },
      ]),
    );
    expect(answer.data.idleAssets.totalCount).toBe(156);
    expect(answer.data.idleAssets.nodes[0].predecessor.validTo).toBe('2019-11-30');
  });
});

describe('writes', () => {
  it('refuses bad idle assets naming the field and the rule, and changes nothing', async () => {
    const { predecessor, successor } = await demoMerge();
    const [other] = await sql(
      `select successor_code from region_succession where successor_code <> ? and predecessor_code like '______%' and length(predecessor_code) = 9 limit 1`,
      [successor],
    );
    const good = {
      predecessorCode: predecessor,
      successorCode: successor,
      kind: 'STATION',
      name: '原乡林业站（新登记）',
      area: 320.5,
      bookValue: 256000,
    };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ predecessorCode: `${DEMO_COUNTY_CODE}998` }, 'input.predecessorCode', 'exists'],
      [{ successorCode: other.successor_code }, 'input.successorCode', 'succession'],
      [{ area: 0 }, 'input.area', 'positive'],
      [{ bookValue: 1.234 }, 'input.bookValue', 'cents'],
      [{ name: '  ' }, 'input.name', 'min'],
      [{ disposal: 'AUCTION', disposedOn: '2020-05-01' }, 'input.proceeds', 'required'],
      [{ disposal: 'LEASE' }, 'input.disposedOn', 'required'],
      [{ disposedOn: '2020-05-01' }, 'input.disposal', 'required'],
      [
        { disposal: 'REUSE', disposedOn: '2020-05-01', disposedTo: '便民服务站', proceeds: 100 },
        'input.proceeds',
        'no-proceeds',
      ],
      [{ disposal: 'TRANSFER', disposedOn: '2020-05-01' }, 'input.disposedTo', 'required'],
      [{ disposal: 'LEASE', disposedOn: '2019-11-30', proceeds: 100 }, 'input.disposedOn', 'after-merge'],
      [{ disposal: 'LEASE', disposedOn: '2999-01-01', proceeds: 100 }, 'input.disposedOn', 'not-future'],
      [
        {
          name: (
            await sql(`select name from merge_idle_asset where predecessor_code = ? limit 1`, [predecessor])
          )[0].name,
        },
        'input.name',
        'unique',
      ],
    ];
    const before = await stats();
    for (const [change, field, rule] of cases) {
      const answer = await ask(RECORD, { input: { ...good, ...change } }, hr);
      expect({ change, extensions: answer.errors?.[0].extensions }).toMatchObject({
        change,
        extensions: { code: 'BAD_USER_INPUT', field, rule },
      });
    }
    const forbidden = await ask(RECORD, { input: good }, leader);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const elsewhere = { sub: 'another-township', roles: [`township:${DEMO_COUNTY_CODE}001`] };
    expect((await ask(RECORD, { input: good }, elsewhere)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await stats()).toEqual(before);
  });

  it('records an idle asset and its disposal (hr or the township), audited, once per Idempotency-Key', async () => {
    const { predecessor, successor } = await demoMerge();
    const before = await stats();
    const township: Claims = { sub: 'township-clerk', roles: [`township:${successor}`] };
    const input = {
      predecessorCode: predecessor,
      successorCode: successor,
      kind: 'LAND',
      name: '原乡政府后院空地',
      area: 1200,
      bookValue: 360000.5,
    };
    // sent twice with one key (a client retrying a lost answer): one asset
    const send = async () => {
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await gateway.token(township)}`,
          'idempotency-key': 'merge-ledger-land-0001',
        },
        body: JSON.stringify({ query: RECORD, variables: { input } }),
      });
      return (await response.json()) as any;
    };
    const first = await send();
    expect(first.errors).toBeUndefined();
    expect(first.data.recordIdleAsset).toMatchObject({
      kind: 'LAND',
      area: 1200,
      bookValue: 360000.5,
      disposal: null,
      version: 1,
      predecessor: { code: predecessor, validTo: '2019-11-30' },
      successor: { code: successor },
    });
    const again = await send();
    expect(again.data.recordIdleAsset.id).toBe(first.data.recordIdleAsset.id);
    const recorded = await stats();
    expect(recorded.idleAssets).toBe(before.idleAssets + 1);
    expect(recorded.disposed).toBe(before.disposed);
    expect(recorded.bookValue).toBeCloseTo(before.bookValue + 360000.5, 2);

    const { id } = first.data.recordIdleAsset;
    const sold = await ask(
      UPDATE,
      { id, version: 1, input: { disposal: 'AUCTION', disposedOn: '2020-09-15', proceeds: 480000 } },
      hr,
    );
    expect(sold.errors).toBeUndefined();
    expect(sold.data.updateIdleAsset).toMatchObject({ version: 2, disposal: 'AUCTION', proceeds: 480000 });
    const stale = await ask(UPDATE, { id, version: 1, input: { proceeds: 1 } }, hr);
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const bad = await ask(UPDATE, { id, version: 2, input: { disposal: 'REUSE' } }, hr);
    expect(bad.errors?.[0].extensions).toMatchObject({ field: 'input.proceeds', rule: 'no-proceeds' });
    const after = await stats();
    expect(after.disposed).toBe(before.disposed + 1);
    expect(after.proceeds).toBeCloseTo(before.proceeds + 480000, 2);
    expect(after.byDisposal.find((d: any) => d.method === 'AUCTION').assets).toBe(
      before.byDisposal.find((d: any) => d.method === 'AUCTION').assets + 1,
    );

    const trail = await ask(
      `{ peopleAuditTrail(entity: "IdleAsset", first: 10) { nodes { operation subject } } }`,
      {},
      auditor,
    );
    expect(trail.errors).toBeUndefined();
    expect(trail.data.peopleAuditTrail.nodes.map((n: any) => `${n.operation} ${n.subject}`).sort()).toEqual([
      'create township-clerk',
      `update ${hr.sub}`,
    ]);
  });

  it('records a restructured facility, refusing one without what it became or dated before the decision', async () => {
    const { predecessor, successor } = await demoMerge();
    const before = await stats();
    const input = {
      predecessorCode: predecessor,
      successorCode: successor,
      kind: 'SCHOOL',
      name: '乡初级中学',
      outcome: 'KEPT',
      restructuredOn: '2019-12-01',
    };
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ outcome: 'MERGED' }, 'input.became', 'required'],
      [{ restructuredOn: '2019-10-01' }, 'input.restructuredOn', 'after-decision'],
      [{ kind: 'PRISON' }, 'input.kind', ''],
    ];
    for (const [change, field, rule] of refusals) {
      const answer = await ask(FACILITY, { input: { ...input, ...change } }, hr);
      expect(answer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      if (rule) expect(answer.errors?.[0].extensions).toMatchObject({ field, rule });
    }
    expect(await stats()).toEqual(before);

    const kept = await ask(FACILITY, { input }, hr);
    expect(kept.errors).toBeUndefined();
    const merged = await ask(
      UPDATE_FACILITY,
      {
        id: kept.data.recordRestructuredFacility.id,
        version: 1,
        input: { outcome: 'MERGED', became: '镇初级中学' },
      },
      hr,
    );
    expect(merged.errors).toBeUndefined();
    expect(merged.data.updateRestructuredFacility).toMatchObject({ version: 2, outcome: 'MERGED' });
    const after = await stats();
    expect(after.facilities).toBe(before.facilities + 1);
    expect(after.facilitiesRestructured).toBe(before.facilitiesRestructured + 1);
  });
});

describe('the idle-asset ledger (闲置资产台账), both ways', () => {
  const url = (query: string) =>
    `${gateway.url.replace(/\/graphql$/, '')}/files/people/idle-assets.xlsx?${query}`;
  const bearer = async (claims: Claims) => ({ authorization: `Bearer ${await gateway.token(claims)}` });

  it('exports the county’s assets, refuses a bad cell changing nothing, then records a disposal', async () => {
    const response = await fetch(url(`region=${DEMO_COUNTY_CODE}`), { headers: await bearer(leader) });
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('闲置资产台账');
    const headers = (sheet.getRow(1).values as string[]).map(String);
    const cell = (row: ExcelJS.Row, header: string) => row.getCell(headers.indexOf(header));
    const rows = [...Array(sheet.rowCount - 1).keys()].map((i) => sheet.getRow(i + 2));
    expect(rows.length).toBeGreaterThanOrEqual(156);
    const idle = rows.find((row) => !cell(row, '处置方式').text)!;
    expect(idle).toBeDefined();
    const before = await stats();

    const upload = async (claims: Claims = hr) => {
      const posted = await fetch(url(`region=${DEMO_COUNTY_CODE}`), {
        method: 'POST',
        headers: await bearer(claims),
        body: new Uint8Array(await book.xlsx.writeBuffer()),
      });
      return { status: posted.status, body: (await posted.json()) as any };
    };
    cell(idle, '处置方式').value = '出租';
    cell(idle, '处置日期').value = '2021-03-01';
    cell(idle, '处置收入（元）').value = '12.345';
    const refused = await upload();
    expect(refused.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'file',
      rejected: [{ row: idle.number, column: '处置收入（元）', rule: 'number' }],
    });
    expect(await stats()).toEqual(before);
    expect((await upload(leader)).status).toBe(403);

    cell(idle, '处置收入（元）').value = 24000;
    const accepted = await upload();
    expect(accepted).toMatchObject({ status: 200, body: { imported: 1, created: 0, updated: 1 } });
    const after = await stats();
    expect(after.disposed).toBe(before.disposed + 1);
    expect(after.proceeds).toBeCloseTo(before.proceeds + 24000, 2);
    const [stored] = await sql(
      `select disposal, disposed_on::text as day from merge_idle_asset where id = ?`,
      [cell(idle, '资产编号').text],
    );
    expect(stored).toEqual({ disposal: 'LEASE', day: '2021-03-01' });
  });
});

describe('an update’s null', () => {
  const table = async (name: string) => JSON.stringify(await sql(`select * from ${name} order by id`));
  async function refusedNull(
    query: string,
    variables: Record<string, unknown>,
    extensions: object,
    name: string,
  ) {
    const before = await table(name);
    const answer = await ask(query, variables, hr);
    expect(answer.data?.[Object.keys(answer.data ?? {})[0]] ?? null).toBeNull();
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', ...extensions });
    expect(await table(name)).toBe(before);
    return answer.errors![0].message;
  }

  it('clears a disposal recorded by mistake (audited); a date its method needs, or the name, is refused', async () => {
    const { predecessor, successor } = await demoMerge();
    const recorded = await ask(
      RECORD,
      {
        input: {
          predecessorCode: predecessor,
          successorCode: successor,
          kind: 'OFFICE_BUILDING',
          name: '原乡政府办公楼（误登处置）',
          area: 860,
          bookValue: 1200000,
          disposal: 'LEASE',
          disposedOn: '2020-03-01',
          proceeds: 36000,
          disposedTo: '某物流公司',
        },
      },
      hr,
    );
    expect(recorded.errors).toBeUndefined();
    const { id } = recorded.data.recordIdleAsset;
    expect(
      await refusedNull(
        UPDATE,
        { id, version: 1, input: { disposedOn: null } },
        { field: 'input.disposedOn', rule: 'required' },
        'merge_idle_asset',
      ),
    ).toMatch(/a disposal needs its date/);
    expect(
      await refusedNull(
        UPDATE,
        { id, version: 1, input: { name: null } },
        { field: 'input.name', rule: 'required' },
        'merge_idle_asset',
      ),
    ).toMatch(/cannot be cleared/);

    const cleared = await ask(
      UPDATE,
      { id, version: 1, input: { disposal: null, disposedOn: null, proceeds: null, disposedTo: null } },
      hr,
    );
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data.updateIdleAsset).toEqual({
      id,
      version: 2,
      disposal: null,
      disposedOn: null,
      proceeds: null,
      disposedTo: null,
    });
    const trail = await ask(
      `query ($id: String) { peopleAuditTrail(entity: "IdleAsset", entityId: $id, first: 5) { nodes { operation before after } } }`,
      { id },
      auditor,
    );
    expect(trail.data.peopleAuditTrail.nodes.find((n: any) => n.operation === 'update')).toMatchObject({
      before: { disposal: 'LEASE', disposedOn: '2020-03-01', disposedTo: '某物流公司' },
      after: { disposal: null, disposedOn: null, proceeds: null, disposedTo: null },
    });
  });

  it('not from the idle-asset sheet: a blank cell keeps the stored value, and blanks alone change nothing', async () => {
    const { predecessor, successor } = await demoMerge();
    const recorded = await ask(
      RECORD,
      {
        input: {
          predecessorCode: predecessor,
          successorCode: successor,
          kind: 'STATION',
          name: '原乡农机站（出租）',
          area: 410,
          bookValue: 150000,
          disposal: 'LEASE',
          disposedOn: '2020-04-01',
          proceeds: 9000,
          disposedTo: '农机合作社',
        },
      },
      hr,
    );
    expect(recorded.errors).toBeUndefined();
    const { id } = recorded.data.recordIdleAsset;
    const url = `${gateway.url.replace(/\/graphql$/, '')}/files/people/idle-assets.xlsx?region=${DEMO_COUNTY_CODE}`;
    const authorization = `Bearer ${await gateway.token(hr)}`;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await (await fetch(url, { headers: { authorization } })).arrayBuffer()) as ArrayBuffer,
    );
    const sheet = book.worksheets[0];
    const headers = (sheet.getRow(1).values as string[]).map(String);
    const cell = (row: ExcelJS.Row, header: string) => row.getCell(headers.indexOf(header));
    const row = [...Array(sheet.rowCount - 1).keys()]
      .map((i) => sheet.getRow(i + 2))
      .find((r) => cell(r, '资产编号').text === id)!;
    const upload = async () => {
      const body = new Uint8Array(await book.xlsx.writeBuffer());
      const posted = await fetch(url, { method: 'POST', headers: { authorization }, body });
      return { status: posted.status, body: (await posted.json()) as any };
    };
    const stored = async () =>
      (
        await sql(
          'select proceeds::float as proceeds, disposed_to, version from merge_idle_asset where id = ?',
          [id],
        )
      )[0];

    cell(row, '承接方/新用途').value = null;
    cell(row, '处置收入（元）').value = 9600;
    expect(await upload()).toMatchObject({ status: 200, body: { updated: 1 } });
    expect(await stored()).toEqual({ proceeds: 9600, disposed_to: '农机合作社', version: 2 });
    const again = await upload();
    expect(again.status).toBe(200);
    expect(again.body.errors).toBeUndefined();
    expect(await stored()).toEqual({ proceeds: 9600, disposed_to: '农机合作社', version: 2 });
  });

  it('clears what a kept facility became; a merged one’s is refused as required', async () => {
    const { predecessor, successor } = await demoMerge();
    const recorded = await ask(
      FACILITY,
      {
        input: {
          predecessorCode: predecessor,
          successorCode: successor,
          kind: 'CLINIC',
          name: '乡卫生院（误登撤并）',
          outcome: 'MERGED',
          became: '镇中心卫生院',
          restructuredOn: '2019-12-01',
        },
      },
      hr,
    );
    expect(recorded.errors).toBeUndefined();
    const { id } = recorded.data.recordRestructuredFacility;
    expect(
      await refusedNull(
        UPDATE_FACILITY,
        { id, version: 1, input: { became: null } },
        { field: 'input.became', rule: 'required' },
        'restructured_facility',
      ),
    ).toMatch(/name the facility it merged into/);
    const kept = await ask(UPDATE_FACILITY, { id, version: 1, input: { outcome: 'KEPT', became: null } }, hr);
    expect(kept.errors).toBeUndefined();
    expect(kept.data.updateRestructuredFacility).toEqual({ id, version: 2, outcome: 'KEPT', became: null });
    const [row] = await sql('select became from restructured_facility where id = ?', [id]);
    expect(row.became).toBeNull();
  });
});
