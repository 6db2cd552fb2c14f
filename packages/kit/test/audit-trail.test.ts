import { creditCodeCheckChar } from '@county/domain';
import { DEMO_COUNTY_CODE, generateDemoCity } from '@county/demo-data';
import { AuditRecord } from '@county/kit';
import { peopleSubgraph } from '@county/people';
import { Organization } from '../../../services/people/src/organization/organization.entity';
import { as, startTestSubgraph, type TestSubgraph } from '@county/test-kit';

let people: TestSubgraph;
const city = generateDemoCity({ counties: 1 });
const department = city.organizations.find((o) => o.type === 'GOVERNMENT_DEPARTMENT')!;
const clerk = as.role('hr');
const auditor = as.role('auditor');

const CREATE = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id } }`;
const TRAIL = `query ($entity: String, $entityId: String, $subject: String) {
  peopleAuditTrail(entity: $entity, entityId: $entityId, subject: $subject, first: 100) {
    totalCount nodes { seq subject roles operation entity entityId before after hash } } }`;
const CHAIN = `{ peopleAuditChain { records intact firstBrokenSeq } }`;

const sql = (text: string) => people.orm.em.fork().getConnection().execute(text);
const trail = async (variables: Record<string, unknown>) =>
  (await people.query<any>(TRAIL, variables, auditor)).data!.peopleAuditTrail;

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
});
afterAll(() => people.close());

describe('the audit trail records every write in the same transaction', () => {
  let createdId: string;

  it('records a create with who, what and the fields after; the seeded demo data is not a caller write', async () => {
    const body17 = '11990722MB0000077';
    const created = await people.query<any>(
      CREATE,
      {
        input: {
          name: '县审计局',
          type: 'GOVERNMENT_DEPARTMENT',
          regionCode: DEMO_COUNTY_CODE,
          creditCode: body17 + creditCodeCheckChar(body17),
        },
      },
      clerk,
    );
    expect(created.errors).toBeUndefined();
    createdId = created.data!.createOrganization.id;
    const { nodes } = await trail({ entityId: createdId });
    expect(nodes).toHaveLength(1);
    expect(nodes[0]).toMatchObject({
      subject: clerk.subject,
      roles: ['hr'],
      operation: 'create',
      entity: 'Organization',
      before: null,
    });
    expect(nodes[0].after).toMatchObject({ name: '县审计局', regionCode: DEMO_COUNTY_CODE });
    expect(nodes[0].hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records an update with the changed fields before and after', async () => {
    const updated = await people.query<any>(
      UPDATE,
      { id: department.id, input: { name: '县发展和改革局（新）' } },
      clerk,
    );
    expect(updated.errors).toBeUndefined();
    const { nodes } = await trail({ entity: 'Organization', entityId: department.id });
    expect(nodes).toHaveLength(1);
    expect(nodes[0].operation).toBe('update');
    // only what changed: the name (and the update time the ORM keeps)
    expect(Object.keys(nodes[0].after).sort()).toEqual(['name', 'updatedAt']);
    expect(nodes[0].before.name).toBe(department.name);
    expect(nodes[0].after.name).toBe('县发展和改革局（新）');
  });

  it('records nothing for a refused write', async () => {
    const before = (await trail({})).totalCount;
    const refused = await people.query<any>(UPDATE, { id: department.id, input: { name: '' } }, clerk);
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await trail({})).totalCount).toBe(before);
  });

  it('is readable by auditors only', async () => {
    const refused = await people.query<any>(TRAIL, {}, clerk);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await trail({ subject: clerk.subject })).totalCount).toBe(2);
  });
});

describe('the trail is append-only and chained', () => {
  it('verifies while nobody has touched it', async () => {
    const { data } = await people.query<any>(CHAIN, {}, auditor);
    expect(data!.peopleAuditChain).toEqual({ records: 2, intact: true, firstBrokenSeq: null });
  });

  it('refuses updates, deletes and truncation in the database itself', async () => {
    await expect(sql(`update audit_record set subject = 'someone-else'`)).rejects.toThrow(/append-only/);
    await expect(sql(`delete from audit_record`)).rejects.toThrow(/append-only/);
    await expect(sql(`truncate audit_record`)).rejects.toThrow(/append-only/);
    expect(await people.orm.em.fork().count(AuditRecord)).toBe(2);
  });

  const behindTheGuard = (statement: string) =>
    sql(`alter table audit_record disable trigger audit_record_append_only; ${statement};
      alter table audit_record enable trigger audit_record_append_only;`);
  const chain = async () => (await people.query<any>(CHAIN, {}, auditor)).data!.peopleAuditChain;

  it('detects a record altered behind the guard, and verifies again once it is restored', async () => {
    const [{ after }] = await sql(`select after::text as after from audit_record where seq = 1`);
    await behindTheGuard(`update audit_record set after = '{"name":"forged"}' where seq = 1`);
    expect(await chain()).toEqual({ records: 2, intact: false, firstBrokenSeq: '1' });
    await behindTheGuard(`update audit_record set after = '${after.replace(/'/g, "''")}' where seq = 1`);
    expect(await chain()).toEqual({ records: 2, intact: true, firstBrokenSeq: null });
  });

  it('detects a record deleted from the middle', async () => {
    await people.query(UPDATE, { id: department.id, input: { name: '县发展和改革局' } }, clerk);
    expect((await chain()).intact).toBe(true);
    await behindTheGuard(`delete from audit_record where seq = 2`);
    expect(await chain()).toEqual({ records: 2, intact: false, firstBrokenSeq: '3' });
  });
});

describe('a chain without AUDIT_ANCHOR_KEY', () => {
  it('says it is not anchored, in AuditChain and loudly in /readyz', async () => {
    const { data } = await people.query<any>(`{ peopleAuditChain { anchored checkpoints } }`, {}, auditor);
    expect(data!.peopleAuditChain).toEqual({ anchored: false, checkpoints: 0 });
    const ready = (await (await fetch(people.url.replace('/graphql', '/readyz'))).json()) as Record<
      string,
      unknown
    >;
    expect(ready.auditAnchor).toMatch(/^OFF: set AUDIT_ANCHOR_KEY and AUDIT_CHECKPOINT_DIR/);
  });
});

describe('a delete', () => {
  it('records a delete with everything the record held before', async () => {
    const body17 = '11990722MB0000078';
    const created = await people.query<any>(
      CREATE,
      {
        input: {
          name: '县临时工作专班',
          type: 'GOVERNMENT_DEPARTMENT',
          regionCode: DEMO_COUNTY_CODE,
          creditCode: body17 + creditCodeCheckChar(body17),
        },
      },
      clerk,
    );
    const id = created.data!.createOrganization.id as string;
    const em = people.orm.em.fork();
    em.remove(await em.findOneOrFail(Organization, id));
    await em.flush();
    const { nodes } = await trail({ entityId: id });
    expect(nodes.map((n: { operation: string }) => n.operation)).toEqual(['create', 'delete']);
    expect(nodes[1].before).toMatchObject({ name: '县临时工作专班', regionCode: DEMO_COUNTY_CODE });
    expect(nodes[1].after).toBeNull();
  });
});
