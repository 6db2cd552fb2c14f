import ExcelJS from 'exceljs';
import {
  DEMO_COUNTY_CODE,
  demoOrganizationId,
  generateDemoCity,
  organizationNaturalKey,
} from '@county/demo-data';
import { bulkInsert, type Claims } from '@county/kit';
import { startTestGateway, startTestSubgraph } from '@county/test-kit';
import type { TestGateway, TestSubgraph } from '@county/test-kit';
import { peopleSubgraph } from '@county/people';
import { governanceSubgraph } from '@county/governance';
import { WorkingCalendar } from '@county/gov-services';
import { demoCounties } from '../src/seeders/county';
import { demoStructure } from '../src/seeders/seed';
import { seedPetitionDemo } from '../src/seeders/petition-seed';
import { deadlineAfter } from '../src/petition/petition-deadlines';
import { DeadlineUnit } from '../src/petition/petition-vocabulary';
import { chinaDay } from '@county/domain';

let people: TestSubgraph;
let governance: TestSubgraph;
let gateway: TestGateway;
const city = generateDemoCity({ counties: 1 });
const [township, otherTownship, statsTownship] = city.regions.filter(
  (r) => r.parentCode === DEMO_COUNTY_CODE,
);
const village = city.regions.find((r) => r.parentCode === township.code)!;
const orgId = (region: string, key: string) => demoOrganizationId(organizationNaturalKey(region, key));
const bureauOrganization = orgId(DEMO_COUNTY_CODE, 'dept:petitions');
const townshipGovernment = orgId(township.code, 'government');

const claims = (...roles: string[]): Claims => ({ sub: `test-${roles.join('+')}`, roles });
const bureau = claims(`department:${bureauOrganization}`);
const townshipWriter = claims(`township:${township.code}`);

const PETITIONERS = '张建国（13812345678，身份证990722198001010011）等6人';
const SUBJECT = '张建国等反映村集体土地征收补偿款未发放到位';
const REPLY = '经核实，补偿款已于本月足额发放至张建国等6户';

const FIELDS = `id status version acceptBy replyBy extensionDays calendarProvisional decidedOnTime repliedOnTime
  group result satisfaction petitioners subject reply personalDataMasked`;
const REGISTER = `mutation ($input: RegisterPetitionInput!) { registerPetition(input: $input) { ${FIELDS} } }`;
const step = (name: string, input: string) =>
  `mutation ($id: ID!, $input: ${input}!) { ${name}(petitionId: $id, input: $input) { ${FIELDS} } }`;
const ACCEPT = step('acceptPetition', 'AcceptPetitionInput');
const DECLINE = step('declinePetition', 'DeclinePetitionInput');
const EXTEND = step('extendPetition', 'ExtendPetitionInput');
const REPLY_TO = step('replyPetition', 'ReplyPetitionInput');
const RATE = step('recordPetitionSatisfaction', 'PetitionSatisfactionInput');
const LINK = step('linkPetition', 'LinkPetitionInput');
const READ = `query ($id: ID!) { petition(id: $id) { ${FIELDS} } }`;

const write = async (
  query: string,
  variables: Record<string, unknown>,
  caller: Claims | undefined = bureau,
) => gateway.query<any>(query, variables, { claims: caller });
const registered = async (input: Record<string, unknown>) => {
  const { data, errors } = await write(REGISTER, {
    input: {
      channel: 'VISIT',
      regionCode: village.code,
      petitioners: '李某',
      petitionerCount: 1,
      subject: '反映问题',
      ...input,
    },
  });
  expect(errors).toBeUndefined();
  return data.registerPetition;
};
const petitionRows = async () =>
  governance.orm.em.fork().getConnection().execute<any[]>('select * from petition order by id');

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  governance = await startTestSubgraph(governanceSubgraph, { directory: people });
  const { tables } = demoStructure(city, demoCounties(city)[0]);
  for (const [table, rows] of Object.entries(tables)) await bulkInsert(governance.orm.em.fork(), table, rows);
  // the demo's bureau and its 2018–2019 petitions, through the seeder the launchers run
  expect(await seedPetitionDemo(governance.orm, { counties: 1 })).toBeGreaterThan(4000);
  gateway = await startTestGateway([people, governance]);
}, 120_000);
afterAll(async () => {
  await gateway?.stop();
  await governance?.close();
  await people?.close();
});

describe('a petition’s course, on the working-day calendar', () => {
  let id: string;

  it('counts the acceptance and reply deadlines in working days across the National Day holiday and the Spring Festival', async () => {
    // Friday 27 September 2024; 29 September and 12 October are make-up working days, 1–7 October are off
    const petition = await registered({
      receivedAt: '2024-09-27T02:00:00Z',
      petitioners: PETITIONERS,
      petitionerCount: 6,
      subject: SUBJECT,
    });
    id = petition.id;
    expect(petition).toMatchObject({
      status: 'REGISTERED',
      acceptBy: '2024-10-23',
      replyBy: null,
      group: true,
      calendarProvisional: false,
      version: 1,
    });

    const accepted = await write(ACCEPT, {
      id,
      input: {
        at: '2024-10-08T02:00:00Z',
        handlingOrganizationId: townshipGovernment,
        handlingLevel: 'TOWNSHIP',
        version: 1,
      },
    });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.acceptPetition).toMatchObject({
      status: 'ACCEPTED',
      decidedOnTime: true,
      replyBy: '2024-12-30', // 60 working days after 8 October
      version: 2,
    });

    // 30 more working days run over New Year's Day and the 2025 Spring Festival (26 Jan and 8 Feb worked)
    const extended = await write(EXTEND, {
      id,
      input: { days: 30, reason: '情况复杂，需调查核实', version: 2 },
    });
    expect(extended.errors).toBeUndefined();
    expect(extended.data.extendPetition).toMatchObject({
      extensionDays: 30,
      replyBy: '2025-02-17',
      version: 3,
    });
  });

  it('refuses a 31st day of extension, naming the field and the rule, and changes nothing', async () => {
    const refused = await write(EXTEND, { id, input: { days: 1, reason: '再次延期', version: 3 } });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.days',
      rule: 'extension-cap',
    });
    expect(refused.errors?.[0].message).toMatch(/at most 30 days.*30 already granted, 0 left/);
    const read = await write(READ, { id });
    expect(read.data.petition).toMatchObject({ extensionDays: 30, replyBy: '2025-02-17', version: 3 });
  });

  it('refuses a stale version (CONFLICT) and steps its status does not allow (transition)', async () => {
    const stale = await write(REPLY_TO, {
      id,
      input: { at: '2025-02-10T02:00:00Z', result: 'SUPPORTED', reply: REPLY, version: 2 },
    });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'current-version' });

    const declined = await write(DECLINE, {
      id,
      input: { at: '2024-10-09T02:00:00Z', reason: '不属于受理范围', version: 3 },
    });
    expect(declined.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'petitionId',
      rule: 'transition',
    });
    expect(declined.errors?.[0].message).toMatch(
      /a petition that is ACCEPTED cannot take the step decline: it is being handled; it must be REGISTERED/,
    );

    const early = await registered({ receivedAt: '2024-11-04T02:00:00Z' });
    const replyFirst = await write(REPLY_TO, {
      id: early.id,
      input: { at: '2024-11-05T02:00:00Z', result: 'SUPPORTED', reply: '答复', version: 1 },
    });
    expect(replyFirst.errors?.[0].extensions).toMatchObject({ field: 'petitionId', rule: 'transition' });
    expect(replyFirst.errors?.[0].message).toMatch(/REGISTERED.*not been accepted yet/);
    const rate = await write(RATE, { id: early.id, input: { satisfaction: 'SATISFIED', version: 1 } });
    expect(rate.errors?.[0].extensions).toMatchObject({ rule: 'transition' });
  });

  it('replies on time, records the satisfaction once', async () => {
    const replied = await write(REPLY_TO, {
      id,
      input: { at: '2025-02-10T02:00:00Z', result: 'SUPPORTED', reply: REPLY, version: 3 },
    });
    expect(replied.errors).toBeUndefined();
    expect(replied.data.replyPetition).toMatchObject({
      status: 'REPLIED',
      repliedOnTime: true,
      result: 'SUPPORTED',
      reply: REPLY,
    });
    const rated = await write(RATE, { id, input: { satisfaction: 'BASICALLY_SATISFIED', version: 4 } });
    expect(rated.data.recordPetitionSatisfaction.satisfaction).toBe('BASICALLY_SATISFIED');
    const again = await write(RATE, { id, input: { satisfaction: 'DISSATISFIED', version: 5 } });
    expect(again.errors?.[0].extensions).toMatchObject({ field: 'input.satisfaction', rule: 'once' });
  });

  it('takes a review (复查) asked for within 30 working days of the reply, with its own deadline', async () => {
    const REVIEW_FIELDS = `status reviewBy reviewedOnTime reviewOutcome reviewOpinion version`;
    const requested = await write(
      `mutation ($id: ID!, $input: RequestPetitionReviewInput!) { requestPetitionReview(petitionId: $id, input: $input) { ${REVIEW_FIELDS} } }`,
      { id, input: { at: '2025-02-20T02:00:00Z', version: 5 } },
    );
    expect(requested.errors).toBeUndefined();
    // 30 working days from 20 February 2025, before Qingming (4 April)
    expect(requested.data.requestPetitionReview).toMatchObject({
      status: 'UNDER_REVIEW',
      reviewBy: '2025-04-03',
    });
    const reviewed = await write(
      `mutation ($id: ID!, $input: PetitionReviewInput!) { recordPetitionReview(petitionId: $id, input: $input) { ${REVIEW_FIELDS} } }`,
      {
        id,
        input: {
          at: '2025-03-20T02:00:00Z',
          outcome: 'UPHELD',
          opinion: `维持原处理意见：${REPLY}`,
          version: 6,
        },
      },
    );
    expect(reviewed.data.recordPetitionReview).toMatchObject({
      status: 'REVIEWED',
      reviewedOnTime: true,
      reviewOutcome: 'UPHELD',
      reviewOpinion: `维持原处理意见：${REPLY}`,
    });
    const leader = await gateway.query<any>(
      `query ($id: ID!) { petition(id: $id) { reviewOpinion } }`,
      { id },
      { claims: claims('leader') },
    );
    expect(leader.data.petition.reviewOpinion).toBe('***');

    // a reply of 20 May 2024 can no longer be reviewed on 1 August
    const old = await registered({ receivedAt: '2024-05-08T02:00:00Z' });
    await write(ACCEPT, {
      id: old.id,
      input: {
        at: '2024-05-09T02:00:00Z',
        handlingOrganizationId: townshipGovernment,
        handlingLevel: 'TOWNSHIP',
        version: 1,
      },
    });
    await write(REPLY_TO, {
      id: old.id,
      input: { at: '2024-05-20T02:00:00Z', result: 'EXPLAINED', reply: '答复', version: 2 },
    });
    const late = await write(
      `mutation ($id: ID!, $input: RequestPetitionReviewInput!) { requestPetitionReview(petitionId: $id, input: $input) { status } }`,
      { id: old.id, input: { at: '2024-08-01T02:00:00Z', version: 3 } },
    );
    expect(late.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.at',
      rule: 'review-window',
    });
    expect(late.errors?.[0].message).toMatch(/within 30 days of the reply, by 2024-07-02/);
  });

  it('counts a deadline that runs into a year without an official schedule as provisional, and still counts it', async () => {
    const late = await registered({ receivedAt: '2026-12-01T02:00:00Z' });
    const accepted = await write(ACCEPT, {
      id: late.id,
      input: {
        at: '2026-12-03T02:00:00Z',
        handlingOrganizationId: townshipGovernment,
        handlingLevel: 'TOWNSHIP',
        version: 1,
      },
    });
    expect(accepted.errors).toBeUndefined();
    // 2027 as the statutory holidays alone make it: 1 January, and 5 and 8 February of the Spring Festival
    expect(accepted.data.acceptPetition).toMatchObject({ replyBy: '2027-03-02', calendarProvisional: true });
    const stats = await write(
      `query ($code: ID!) { region(code: $code) { petitionStats(from: "2026-12-01", to: "2026-12-01") { received calendarProvisional } } }`,
      { code: village.code },
    );
    expect(stats.data.region.petitionStats).toEqual({ received: 1, calendarProvisional: true });
  });

  it('counts calendar days when the bureau says so, a last day off moving to the next working day', () => {
    // 15 calendar days after 2024-09-27 is Saturday 12 October, a make-up working day; after 2024-09-20, 5 October (off) → 8 October
    expect(deadlineAfter(new Date('2024-09-27T02:00:00Z'), 15, DeadlineUnit.CALENDAR_DAYS, 'f').day).toBe(
      '2024-10-12',
    );
    expect(deadlineAfter(new Date('2024-09-20T02:00:00Z'), 15, DeadlineUnit.CALENDAR_DAYS, 'f').day).toBe(
      '2024-10-08',
    );
    const noOfficialYears = new WorkingCalendar([]);
    expect(
      deadlineAfter(new Date('2024-09-27T02:00:00Z'), 15, DeadlineUnit.WORKING_DAYS, 'f', noOfficialYears),
    ).toEqual({ day: '2024-10-23', provisional: true });
  });
});

describe('petitioners are personal data, masked as dispute parties are', () => {
  let id: string;
  beforeAll(async () => {
    const petition = await registered({
      receivedAt: '2024-05-06T02:00:00Z',
      petitioners: PETITIONERS,
      petitionerCount: 6,
      subject: SUBJECT,
    });
    id = petition.id;
    await write(ACCEPT, {
      id,
      input: {
        at: '2024-05-07T02:00:00Z',
        handlingOrganizationId: townshipGovernment,
        handlingLevel: 'TOWNSHIP',
        version: 1,
      },
    });
    const replied = await write(REPLY_TO, {
      id,
      input: { at: '2024-05-20T02:00:00Z', result: 'EXPLAINED', reply: REPLY, version: 2 },
    });
    expect(replied.errors).toBeUndefined();
  });
  const SHOWN = `query ($id: ID!) { petition(id: $id) { petitioners subject reply personalDataMasked } }`;

  it.each([
    ['the anonymous viewer', undefined],
    ['another township', claims(`township:${otherTownship.code}`)],
    ['a county leader', claims('leader')],
    ['the auditor', claims('auditor')],
    ['another department', claims(`department:${orgId(DEMO_COUNTY_CODE, 'dept:finance')}`)],
  ])('%s sees petitioners, subject and reply masked', async (_label, caller) => {
    const { data, errors } = await gateway.query<any>(SHOWN, { id }, { claims: caller });
    expect(errors).toBeUndefined();
    expect(data.petition).toEqual({
      petitioners: '***',
      subject: '***',
      reply: '***',
      personalDataMasked: true,
    });
    expect(JSON.stringify(data)).not.toMatch(/张建国|13812345678|990722198001010011/);
  });

  it.each([
    ['the petitions bureau', bureau],
    ['the petition’s township', townshipWriter],
    [
      'the county’s governance centre',
      claims(`department:${orgId(DEMO_COUNTY_CODE, 'dept:political-legal')}`),
    ],
    ['hr', claims('hr')],
  ])('%s reads them in full', async (_label, caller) => {
    const { data } = await gateway.query<any>(SHOWN, { id }, { claims: caller });
    expect(data.petition).toEqual({
      petitioners: PETITIONERS,
      subject: SUBJECT,
      reply: REPLY,
      personalDataMasked: false,
    });
  });

  it('masks them in lists too', async () => {
    const { data } = await gateway.query<any>(
      `query ($code: ID!) { petitions(regionCode: $code, receivedFrom: "2024-05-06", receivedTo: "2024-05-06") { totalCount nodes { id petitioners } } }`,
      { code: village.code },
    );
    expect(data.petitions).toEqual({ totalCount: 1, nodes: [{ id, petitioners: '***' }] });
  });

  it('keeps them masked in the audit trail for the auditor, in full for hr', async () => {
    const TRAIL = `query ($id: String!) { governanceAuditTrail(entity: "Petition", entityId: $id, first: 10) { nodes { operation after } } }`;
    const audited = await gateway.query<any>(TRAIL, { id }, { claims: claims('auditor') });
    expect(audited.errors).toBeUndefined();
    const nodes = audited.data.governanceAuditTrail.nodes;
    expect(nodes.find((n: any) => n.operation === 'create').after).toMatchObject({
      petitioners: '***',
      subject: '***',
    });
    expect(nodes.some((n: any) => n.after?.reply === '***')).toBe(true);
    expect(JSON.stringify(audited.data)).not.toMatch(/张建国|13812345678/);
    const full = await gateway.query<any>(TRAIL, { id }, { claims: claims('auditor', 'hr') });
    const created = full.data.governanceAuditTrail.nodes.find((n: any) => n.operation === 'create');
    expect(created.after).toMatchObject({ petitioners: PETITIONERS, subject: SUBJECT });
  });
});

describe('who may write, and bad input', () => {
  const input = {
    channel: 'LETTER',
    receivedAt: '2024-06-03T02:00:00Z',
    regionCode: village.code,
    petitioners: '王某',
    petitionerCount: 1,
    subject: '反映问题',
  };

  it('refuses the township, the governance centre and a leader (FORBIDDEN, naming the bureau) and writes nothing', async () => {
    const before = (await petitionRows()).length;
    for (const caller of [
      townshipWriter,
      claims(`department:${orgId(DEMO_COUNTY_CODE, 'dept:political-legal')}`),
      claims('leader'),
    ]) {
      const { errors } = await write(REGISTER, { input }, caller);
      expect(errors?.[0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        allowedRoles: ['department:<the petitions bureau (信访局) of the county>'],
      });
    }
    const anonymous = await gateway.query<any>(REGISTER, { input });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await petitionRows()).length).toBe(before);
  });

  it.each([
    ['petitionerCount', { petitionerCount: 0 }, 'input.petitionerCount', 'min'],
    ['regionCode', { regionCode: '99072' }, 'input.regionCode', 'format'],
    ['receivedAt in the future', { receivedAt: '2099-01-01T00:00:00Z' }, 'input.receivedAt', 'not-future'],
    ['petitioners empty', { petitioners: '  ' }, 'input.petitioners', 'min'],
  ])('names the field and rule of a bad %s and writes nothing', async (_label, change, field, rule) => {
    const before = (await petitionRows()).length;
    const { errors } = await write(REGISTER, { input: { ...input, ...change } });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
    expect(JSON.stringify(errors)).not.toMatch(/select|insert|stack|at \w+ \(/i);
    expect((await petitionRows()).length).toBe(before);
  });

  it('declining needs a reason; a repeat must point at an earlier petition', async () => {
    const petition = await registered({ receivedAt: '2024-06-04T02:00:00Z' });
    const noReason = await write(DECLINE, {
      id: petition.id,
      input: { at: '2024-06-05T02:00:00Z', reason: '', version: 1 },
    });
    expect(noReason.errors?.[0].extensions).toMatchObject({ field: 'input.reason', rule: 'min' });
    const earlier = await registered({ receivedAt: '2024-06-01T02:00:00Z' });
    const backwards = await write(LINK, { id: earlier.id, input: { repeatOfId: petition.id, version: 1 } });
    expect(backwards.errors?.[0].extensions).toMatchObject({ field: 'input.repeatOfId', rule: 'earlier' });
    const linked = await write(LINK, { id: petition.id, input: { repeatOfId: earlier.id, version: 1 } });
    expect(linked.errors).toBeUndefined();
    const read = await write(`query ($id: ID!) { petition(id: $id) { repeatOf { id } } }`, {
      id: petition.id,
    });
    expect(read.data.petition.repeatOf).toEqual({ id: earlier.id });
  });
});

/** The statistics recounted in JS from the rows themselves, the way the issue defines each figure. */
async function recount(prefix: string, from: string, to: string) {
  const rows = await governance.orm.em
    .fork()
    .getConnection()
    .execute<any[]>(
      `select channel, petitioner_count, status, accept_by::text as accept_by, reply_by::text as reply_by,
            decided_at, replied_at, review_requested_at, repeat_of_id, escalated_to, handling_level, satisfaction, received_at
       from petition where region_code like ?`,
      [`${prefix}%`],
    );
  const day = (at: Date | string) => chinaDay(new Date(at));
  const inPeriod = rows.filter((r) => day(r.received_at) >= from && day(r.received_at) <= to);
  const count = (test: (r: any) => boolean) => inPeriod.filter(test).length;
  const byChannel = (channel: string) => inPeriod.filter((r) => r.channel === channel);
  return {
    received: inPeriod.length,
    petitioners: inPeriod.reduce((sum, r) => sum + r.petitioner_count, 0),
    decided: count((r) => r.decided_at !== null),
    decidedOnTime: count((r) => r.decided_at !== null && day(r.decided_at) <= r.accept_by),
    accepted: count((r) => ['ACCEPTED', 'REPLIED', 'UNDER_REVIEW', 'REVIEWED'].includes(r.status)),
    replied: count((r) => r.replied_at !== null),
    repliedOnTime: count((r) => r.replied_at !== null && day(r.replied_at) <= r.reply_by),
    repeats: count((r) => r.repeat_of_id !== null),
    groups: count((r) => r.petitioner_count >= 5),
    escalated: count((r) => r.escalated_to !== null),
    handledLocally: count((r) => r.handling_level === 'TOWNSHIP' || r.handling_level === 'VILLAGE'),
    reviewRequested: count((r) => r.review_requested_at !== null),
    rated: count((r) => r.satisfaction !== null),
    satisfied: count((r) => r.satisfaction === 'SATISFIED' || r.satisfaction === 'BASICALLY_SATISFIED'),
    visits: [byChannel('VISIT').length, byChannel('VISIT').reduce((sum, r) => sum + r.petitioner_count, 0)],
  };
}

const STATS = `query ($code: ID!, $from: Date!, $to: Date!) { region(code: $code) { petitionStats(from: $from, to: $to) {
  received petitioners receivedYearAgo petitionersYearAgo receivedChange petitionersChange
  decided decidedOnTime onTimeAcceptanceRate accepted replied repliedOnTime onTimeReplyRate
  repeats repeatShare groups escalated handledLocally localHandlingShare reviewRequested rated satisfactionRate
  byChannel { channel received petitioners receivedYearAgo petitionersYearAgo receivedChange petitionersChange }
  byMonth { month received receivedYearAgo } calendarProvisional } } }`;

function expectRecount(stats: any, counted: Awaited<ReturnType<typeof recount>>) {
  const { satisfied, visits, ...figures } = counted;
  expect(stats).toMatchObject(figures);
  expect(stats.onTimeAcceptanceRate).toBeCloseTo(counted.decidedOnTime / counted.decided, 10);
  expect(stats.onTimeReplyRate).toBeCloseTo(counted.repliedOnTime / counted.replied, 10);
  expect(stats.repeatShare).toBeCloseTo(counted.repeats / counted.received, 10);
  expect(stats.localHandlingShare).toBeCloseTo(counted.handledLocally / counted.accepted, 10);
  expect(stats.satisfactionRate).toBeCloseTo(satisfied / counted.rated, 10);
  const visit = stats.byChannel.find((c: any) => c.channel === 'VISIT');
  expect([visit.received, visit.petitioners]).toEqual(visits);
  expect(stats.byMonth.reduce((sum: number, m: any) => sum + m.received, 0)).toBe(counted.received);
}

describe('Region.petitionStats', () => {
  it('equals a recount of the petitions a township’s bureau wrote, with a year earlier beside them', async () => {
    const at = (day: string) => `${day}T02:00:00Z`;
    const place = city.regions.find((r) => r.parentCode === statsTownship.code)!.code;
    const register = (input: Record<string, unknown>) => registered({ regionCode: place, ...input });
    const lastYear = await register({ receivedAt: at('2023-03-01'), petitionerCount: 3 });
    const group = await register({
      receivedAt: at('2024-03-04'),
      petitionerCount: 12,
      escalatedTo: 'PROVINCE',
    });
    const repeat = await register({
      receivedAt: at('2024-03-05'),
      channel: 'ONLINE',
      repeatOfId: lastYear.id,
    });
    const late = await register({ receivedAt: at('2024-04-01'), channel: 'LETTER' });
    await register({ receivedAt: at('2024-12-31'), channel: 'PHONE' });
    const accept = (id: string, day: string, level = 'VILLAGE') =>
      write(ACCEPT, {
        id,
        input: { at: at(day), handlingOrganizationId: townshipGovernment, handlingLevel: level, version: 1 },
      });
    await accept(group.id, '2024-03-06');
    await accept(repeat.id, '2024-03-06', 'COUNTY');
    // 2 May is a holiday: 15 working days from 1 April end on 24 April, so this one is late
    expect((await accept(late.id, '2024-05-06')).data.acceptPetition.decidedOnTime).toBe(false);
    await write(REPLY_TO, {
      id: group.id,
      input: { at: at('2024-04-01'), result: 'SUPPORTED', reply: '已答复', version: 2 },
    });
    await write(RATE, { id: group.id, input: { satisfaction: 'DISSATISFIED', version: 3 } });
    await write(DECLINE, {
      id: lastYear.id,
      input: { at: at('2023-03-02'), reason: '属诉讼途径', version: 1 },
    });

    const { data, errors } = await write(STATS, {
      code: statsTownship.code,
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(errors).toBeUndefined();
    const stats = data.region.petitionStats;
    expectRecount(stats, await recount(statsTownship.code, '2024-01-01', '2024-12-31'));
    expect(stats).toMatchObject({
      received: 4,
      petitioners: 15,
      receivedYearAgo: 1,
      petitionersYearAgo: 3,
      receivedChange: 3,
      groups: 1,
      escalated: 1,
      repeats: 1,
      decided: 3,
      decidedOnTime: 2,
      handledLocally: 2,
      rated: 1,
      satisfactionRate: 0,
      calendarProvisional: false,
    });
    expect(stats.byMonth.find((m: any) => m.month === '2024-03')).toEqual({
      month: '2024-03',
      received: 2,
      receivedYearAgo: 1,
    });
  });

  it('equals a recount over the demo county’s 2019, and reproduces report 003’s visits: −29.2 % cases, −41.2 % people', async () => {
    const { data, errors } = await write(STATS, {
      code: DEMO_COUNTY_CODE,
      from: '2019-01-01',
      to: '2019-12-31',
    });
    expect(errors).toBeUndefined();
    const stats = data.region.petitionStats;
    expectRecount(stats, await recount(DEMO_COUNTY_CODE, '2019-01-01', '2019-12-31'));
    const visits = stats.byChannel.find((c: any) => c.channel === 'VISIT');
    expect(visits).toMatchObject({
      received: 354,
      petitioners: 1000,
      receivedYearAgo: 500,
      petitionersYearAgo: 1700,
    });
    expect(visits.receivedChange).toBeCloseTo(-0.292, 3);
    expect(visits.petitionersChange).toBeCloseTo(-0.412, 3);
    expect(stats.byMonth).toHaveLength(12);
    expect(stats.onTimeAcceptanceRate).toBeGreaterThan(0.9);
    expect(stats.groups).toBeGreaterThan(0);
    expect(stats.repeats).toBeGreaterThan(0);
  });

  it('leaves the year-earlier figures out for a period over a year', async () => {
    const { data, errors } = await write(STATS, {
      code: DEMO_COUNTY_CODE,
      from: '2018-01-01',
      to: '2019-12-31',
    });
    expect(errors).toBeUndefined();
    expect(data.region.petitionStats).toMatchObject({
      received: expect.any(Number),
      receivedYearAgo: null,
      receivedChange: null,
    });
  });
});

describe('petitions and disputes', () => {
  it('links a petition to the dispute it came from, and the dispute lists it', async () => {
    const [dispute] = await governance.orm.em
      .fork()
      .getConnection()
      .execute<{ id: string }[]>(
        `insert into dispute (id, region_code, kind, channel, reported_at, parties, party_count, summary, risk_colour, status, referral)
         values (gen_random_uuid(), ?, 'LABOUR_WAGES', 'WALK_IN', '2024-07-01T02:00:00Z', '赵某与某公司', 2, '欠薪', 'ORANGE', 'REFERRED', 'PETITION') returning id`,
        [village.code],
      );
    const petition = await registered({ receivedAt: '2024-07-03T02:00:00Z', disputeId: dispute.id });
    const { data, errors } = await write(
      `query ($id: ID!) { dispute(id: $id) { referral petitions { id dispute { id } } } }`,
      { id: dispute.id },
    );
    expect(errors).toBeUndefined();
    expect(data.dispute).toEqual({
      referral: 'PETITION',
      petitions: [{ id: petition.id, dispute: { id: dispute.id } }],
    });
    const elsewhere = await write(REGISTER, {
      input: {
        channel: 'LETTER',
        receivedAt: '2024-07-03T02:00:00Z',
        regionCode: '990723001',
        petitioners: '某',
        petitionerCount: 1,
        subject: '问题',
        disputeId: dispute.id,
      },
    });
    expect(elsewhere.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('time limits as the bureau’s data', () => {
  it('answers the regulation’s until the bureau sets its own, which then count for new petitions', async () => {
    const LIMITS = `query ($code: ID!) { petitionTimeLimits(regionCode: $code) { acceptDays replyDays extensionMaxDays reviewRequestDays reviewDays unit version setBy } }`;
    const before = await write(LIMITS, { code: village.code });
    expect(before.data.petitionTimeLimits).toEqual({
      acceptDays: 15,
      replyDays: 60,
      extensionMaxDays: 30,
      reviewRequestDays: 30,
      reviewDays: 30,
      unit: 'WORKING_DAYS',
      version: 0,
      setBy: null,
    });
    const SET = `mutation ($input: PetitionTimeLimitsInput!) { setPetitionTimeLimits(input: $input) { acceptDays unit version } }`;
    const limits = {
      regionCode: DEMO_COUNTY_CODE,
      acceptDays: 15,
      replyDays: 60,
      extensionMaxDays: 30,
      reviewRequestDays: 30,
      reviewDays: 30,
      unit: 'CALENDAR_DAYS',
      basis: '本县信访工作实施细则',
      version: 0,
    };
    const refused = await write(SET, { input: limits }, townshipWriter);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const set = await write(SET, { input: limits });
    expect(set.errors).toBeUndefined();
    expect(set.data.setPetitionTimeLimits).toEqual({ acceptDays: 15, unit: 'CALENDAR_DAYS', version: 1 });
    const stale = await write(SET, { input: { ...limits, acceptDays: 10 } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
    try {
      // Friday 20 September 2024: 15 calendar days end on 5 October, a holiday, so on Tuesday 8 October
      const petition = await registered({ receivedAt: '2024-09-20T02:00:00Z' });
      expect(petition.acceptBy).toBe('2024-10-08');
    } finally {
      await write(SET, { input: { ...limits, unit: 'WORKING_DAYS', version: 1 } });
    }
  });
});

describe('schema', () => {
  it('the entities agree with the committed migrations', async () => {
    const diff = await governance.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });
});

describe('the petitions register (信访事项登记台账) both ways', () => {
  const place = city.regions.find((r) => r.parentCode === otherTownship.code)!.code;
  const url = (query: string) =>
    `${gateway.url.replace(/\/graphql$/, '')}/files/governance/petitions.xlsx?${query}`;
  const bearer = async (who: Claims) => ({ authorization: `Bearer ${await gateway.token(who)}` });
  async function exported(who: Claims) {
    const response = await fetch(url(`region=${place}`), { headers: await bearer(who) });
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
    const sheet = book.worksheets[0];
    const headers = (sheet.getRow(1).values as string[]).map(String);
    const cell = (row: ExcelJS.Row, header: string) => row.getCell(headers.indexOf(header));
    return { book, sheet, cell };
  }
  const upload = async (book: ExcelJS.Workbook, who: Claims) => {
    const response = await fetch(url(`region=${place}`), {
      method: 'POST',
      headers: await bearer(who),
      body: new Uint8Array(await book.xlsx.writeBuffer()),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const snapshot = async () =>
    JSON.stringify(
      await governance.orm.em
        .fork()
        .getConnection()
        .execute(`select * from petition where region_code = ? order by id`, [place]),
    );

  it('masks petitioners for a leader, and takes the bureau’s accepted row and new row through the same rules', async () => {
    const open = await registered({
      regionCode: place,
      receivedAt: '2024-08-01T02:00:00Z',
      petitioners: PETITIONERS,
      subject: SUBJECT,
    });
    const leader = await exported(claims('leader'));
    const ownRow = leader.sheet
      .getRows(2, leader.sheet.rowCount - 1)!
      .find((r) => leader.cell(r, '信访件编号').text === open.id)!;
    expect(leader.cell(ownRow, '信访人').text).toBe('***');
    expect(leader.cell(ownRow, '信访事项').text).toBe('***');

    const { book, sheet, cell } = await exported(bureau);
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => cell(r, '信访件编号').text === open.id)!;
    expect(cell(row, '信访人').text).toBe(PETITIONERS);
    expect(cell(row, '受理期限').text).toBe('2024-08-22');
    cell(row, '办理状态').value = '已受理';
    cell(row, '受理决定时间').value = '2024-08-02 09:00';
    cell(row, '办理单位编号').value = townshipGovernment;
    cell(row, '办理层级').value = '乡镇级';
    const added = sheet.addRow([]);
    cell(added, '登记时间').value = '2024-08-05 10:00';
    cell(added, '属地区划代码').value = place;
    cell(added, '信访形式').value = '传真';
    cell(added, '信访人').value = '钱某';
    cell(added, '信访人数').value = 1;
    cell(added, '信访事项').value = '反映道路积水';

    const before = await snapshot();
    const refused = await upload(book, bureau);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions.rejected).toEqual([
      expect.objectContaining({
        sheet: '信访事项登记台账',
        row: added.number,
        column: '信访形式',
        rule: 'enum',
      }),
    ]);
    expect(await snapshot()).toBe(before);

    const township = await upload(book, townshipWriter);
    expect(township.status).toBe(403);

    cell(added, '信访形式').value = '来信';
    const accepted = await upload(book, bureau);
    expect(accepted).toMatchObject({ status: 200, body: { created: 1, updated: 1, rejected: [] } });
    const read = await write(READ, { id: open.id });
    expect(read.data.petition).toMatchObject({
      status: 'ACCEPTED',
      replyBy: '2024-10-31',
      decidedOnTime: true,
    });
  });
});
