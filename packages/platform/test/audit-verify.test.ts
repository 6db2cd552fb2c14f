import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { creditCodeCheckChar, idNumberCheckChar, maskIdNumber, maskPhone } from '@county/domain';
import { DEMO_COUNTY_CODE, generateDemoCity } from '@county/demo-data';
import {
  checkpointFile,
  verifyAuditChain,
  writeAuditCheckpoint,
  type AuditAnchorSettings,
} from '@county/kit';
import { peopleSubgraph } from '@county/people';
import { as, startTestSubgraph, type TestSubgraph } from '@county/test-kit';
import { describeVerification, verifyDatabase } from '../src/audit-verify';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-checkpoints-'));
const anchor: AuditAnchorSettings = {
  subgraph: 'people',
  key: randomBytes(32).toString('hex'),
  dir,
  keep: 3,
};
const person = generateDemoCity({ counties: 1 }).people[0];
const auditor = as.role('auditor');
const privacyAuditor = as.role('auditor', 'hr');

let people: TestSubgraph;
beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, {
    demoCounties: 1,
    env: { AUDIT_ANCHOR_KEY: anchor.key, AUDIT_CHECKPOINT_DIR: dir, AUDIT_CHECKPOINTS_KEPT: anchor.keep },
  });
});
afterAll(async () => {
  await people.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const sql = (text: string) => people.orm.em.fork().getConnection().execute(text);
const report = () => verifyDatabase(people.database.url, anchor);
const output = async () => describeVerification('people', people.database.url, await report()).join('\n');
const CHAIN = `{ peopleAuditChain { records intact firstBrokenSeq anchored checkpoints checkpointedSeq problem } }`;
const chain = async () => (await people.query<any>(CHAIN, {}, auditor)).data!.peopleAuditChain;

const createOrganization = async (n: number) => {
  const body = `11990722MB${String(n).padStart(7, '0')}`;
  const created = await people.query(
    `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
    {
      input: {
        name: `县审计核查组${n}`,
        type: 'GOVERNMENT_DEPARTMENT',
        regionCode: DEMO_COUNTY_CODE,
        creditCode: body + creditCodeCheckChar(body),
      },
    },
    as.role('hr'),
  );
  expect(created.errors).toBeUndefined();
};

describe('personal fields in the audit trail', () => {
  // same birth date and gender digit, another sequence number: a valid change of ID number
  const first17 = `${person.idNumber.slice(0, 14)}98${person.idNumber[16]}`;
  const idNumber = first17 + idNumberCheckChar(first17);
  const phone = '13912345678';
  const TRAIL = `query ($id: String) { peopleAuditTrail(entity: "Person", entityId: $id) { nodes { before after } } }`;

  beforeAll(async () => {
    const updated = await people.query(
      `mutation ($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { id } }`,
      { id: person.id, input: { phone, idNumber } },
      as.role('hr'),
    );
    expect(updated.errors).toBeUndefined();
  });

  it('are masked for an auditor, as the answers mask them', async () => {
    const { nodes } = (await people.query<any>(TRAIL, { id: person.id }, auditor)).data!.peopleAuditTrail;
    expect(nodes).toHaveLength(1);
    expect(nodes[0].before).toMatchObject({
      phone: maskPhone(person.phone),
      idNumber: maskIdNumber(person.idNumber),
    });
    expect(nodes[0].after).toMatchObject({ phone: '139****5678', idNumber: maskIdNumber(idNumber) });
    expect(JSON.stringify(nodes)).not.toContain(phone);
    expect(JSON.stringify(nodes)).not.toContain(idNumber);
  });

  it('are in full for an auditor who also sees personal data (hr)', async () => {
    const { nodes } = (await people.query<any>(TRAIL, { id: person.id }, privacyAuditor)).data!
      .peopleAuditTrail;
    expect(nodes[0].before).toMatchObject({ phone: person.phone, idNumber: person.idNumber });
    expect(nodes[0].after).toMatchObject({ phone, idNumber });
  });

  it('are masked in npm run audit:verify, and the chain still verifies', async () => {
    const text = await output();
    expect(text).toMatch(/^people .* 1 records {2}intact/);
    expect(text).toContain('"phone":"139****5678"');
    expect(text).toContain(maskIdNumber(idNumber));
    expect(text).not.toContain(phone);
    expect(text).not.toContain(idNumber);
  });
});

describe('the chain anchored outside its database', () => {
  it('is checkpointed with a signature, and the trail and the checkpoints agree', async () => {
    await createOrganization(91);
    expect(await writeAuditCheckpoint(people.orm.em.fork(), anchor)).toMatchObject({ seq: '2' });
    expect(await chain()).toEqual({
      records: 2,
      intact: true,
      firstBrokenSeq: null,
      anchored: true,
      checkpoints: 1,
      checkpointedSeq: '2',
      problem: null,
    });
    expect(await output()).toMatch(/intact {2}1 signed checkpoint\(s\), the last at record 2/);
    const ready = (await (await fetch(people.url.replace('/graphql', '/readyz'))).json()) as {
      auditAnchor: unknown;
    };
    expect(ready.auditAnchor).toMatchObject({ checkpointedSeq: '2' });
  });

  it('keeps only the newest checkpoints', async () => {
    for (const n of [92, 93, 94]) {
      await createOrganization(n);
      await writeAuditCheckpoint(people.orm.em.fork(), anchor);
    }
    const lines = fs.readFileSync(checkpointFile(anchor), 'utf8').trim().split('\n');
    expect(lines.map((line) => JSON.parse(line).seq)).toEqual(['3', '4', '5']);
    expect((await chain()).checkpointedSeq).toBe('5');
  });

  it('finds a record a superuser rewrote and re-chained with the schema’s own hash function', async () => {
    await createOrganization(95); // after the last checkpoint
    await sql(`alter table audit_record disable trigger audit_record_append_only;
      update audit_record set after = '{"name":"forged"}' where seq = 4;
      do $$ declare r record; link text := repeat('0', 64); begin
        for r in select * from audit_record order by seq loop
          update audit_record set prev_hash = link,
            hash = audit_record_hash(link, r.seq, r.at, r.subject, r.roles, r.request_id, r.operation,
                                     r.entity, r.entity_id, r.before, r.after)
            where seq = r.seq returning hash into link;
        end loop; end $$;
      alter table audit_record enable trigger audit_record_append_only;`);
    // the chain alone cannot tell: it re-hashes
    expect((await verifyAuditChain(people.orm.em.fork())).intact).toBe(true);
    const answer = await chain();
    expect(answer).toMatchObject({ records: 6, intact: false, firstBrokenSeq: '4', checkpointedSeq: '3' });
    expect(answer.problem).toMatch(/record 4 no longer has the hash signed in the checkpoint/);
    expect(await output()).toMatch(/BROKEN at record 4/);
    // and a broken chain is never signed
    await expect(writeAuditCheckpoint(people.orm.em.fork(), anchor)).rejects.toThrow(/not checkpointed/);
  });

  it('refuses checkpoints it did not sign', async () => {
    fs.appendFileSync(
      checkpointFile(anchor),
      `${JSON.stringify({ seq: '6', hash: 'f'.repeat(64), mac: '00' })}\n`,
    );
    expect((await chain()).problem).toMatch(
      /1 line\(s\) of the checkpoint file do not carry a valid signature/,
    );
  });
});
