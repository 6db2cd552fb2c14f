import { creditCodeCheckChar } from '@county/domain';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { peopleSubgraph } from '@county/people';
import { as, startTestSubgraph, type TestSubgraph } from '@county/test-kit';
import { verifyDatabase } from '../src/audit-verify';

let people: TestSubgraph;
beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
});
afterAll(() => people.close());

it('npm run audit:verify: a chain verifies from its database alone, and a forged record is found', async () => {
  const body = '11990722MB0000091';
  const created = await people.query(
    `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
    {
      input: {
        name: '县审计核查组',
        type: 'GOVERNMENT_DEPARTMENT',
        regionCode: DEMO_COUNTY_CODE,
        creditCode: body + creditCodeCheckChar(body),
      },
    },
    as.role('hr'),
  );
  expect(created.errors).toBeUndefined();
  expect(await verifyDatabase(people.database.url)).toEqual({
    records: 1,
    intact: true,
    firstBrokenSeq: null,
  });
  await people.orm.em.fork().getConnection().execute(`
    alter table audit_record disable trigger audit_record_append_only;
    update audit_record set subject = 'someone-else' where seq = 1;
    alter table audit_record enable trigger audit_record_append_only;`);
  expect(await verifyDatabase(people.database.url)).toEqual({
    records: 1,
    intact: false,
    firstBrokenSeq: '1',
  });
});
