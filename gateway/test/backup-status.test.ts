import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { peopleSubgraph } from '@county/people';
import { startTestGateway, startTestSubgraph, type TestGateway, type TestSubgraph } from '@county/test-kit';

let people: TestSubgraph;
let gateway: TestGateway;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'backup-status-'));
const statusFile = path.join(folder, 'status.json');
const METRICS_TOKEN = 'metrics-scraper-token-0123456789abcdef';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const writeStatus = (backupHours: number, verifiedHours?: number) =>
  fs.writeFileSync(
    statusFile,
    JSON.stringify({
      latestBackup: { label: 'b', stoppedAt: hoursAgo(backupHours), bytes: 1, seconds: 1 },
      ...(verifiedHours === undefined
        ? {}
        : {
            latestVerified: {
              label: 'b',
              stoppedAt: hoursAgo(backupHours),
              verifiedAt: hoursAgo(verifiedHours),
              lastTransactionAt: null,
            },
          }),
    }),
  );

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph);
  gateway = await startTestGateway([people], {
    BACKUP_STATUS_FILE: statusFile,
    BACKUP_VERIFY_MAX_AGE_HOURS: '48',
    METRICS_TOKEN,
  });
});
afterAll(async () => {
  await gateway.stop();
  await people.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const readyz = async () => {
  const response = await fetch(`${gateway.url}/readyz`);
  return { status: response.status, body: (await response.json()) as { backup?: Record<string, unknown> } };
};
const metric = async (name: string) => {
  const text = await (
    await fetch(`${gateway.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
  ).text();
  const value = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1];
  if (value === '+Inf') return Number.POSITIVE_INFINITY;
  return value === undefined ? undefined : Number(value);
};

describe('the age of the latest backups, in /readyz and /metrics', () => {
  it('warns while no backup was ever verified, and still answers ready', async () => {
    fs.rmSync(statusFile, { force: true });
    const { status, body } = await readyz();
    expect(status).toBe(200);
    expect(body.backup).toMatchObject({ latestBackupAt: null, latestVerifiedAt: null, stale: true });
    expect(String(body.backup?.warning)).toContain('BACKUP_VERIFY_MAX_AGE_HOURS');
    // never verified is infinitely old: an alert rule on the age fires without a special case
    expect(await metric('backup_verified_age_seconds')).toBe(Number.POSITIVE_INFINITY);
  });

  it('reports a recent verified backup as fresh, with its age in seconds', async () => {
    writeStatus(3, 2);
    const { body } = await readyz();
    expect(body.backup).toMatchObject({ stale: false, warning: null });
    expect(body.backup?.verifiedAgeHours).toBeCloseTo(2, 1);
    expect(await metric('backup_latest_age_seconds')).toBeGreaterThan(3 * 3600 - 60);
    expect(await metric('backup_latest_age_seconds')).toBeLessThan(3 * 3600 + 60);
    expect(await metric('backup_verified_age_seconds')).toBeGreaterThan(2 * 3600 - 60);
  });

  it('warns when the latest verified backup is older than the limit', async () => {
    writeStatus(1, 72);
    const { status, body } = await readyz();
    expect(status).toBe(200);
    expect(body.backup).toMatchObject({ stale: true });
    expect(body.backup?.verifiedAgeHours).toBeGreaterThan(48);
    expect(await metric('backup_verified_age_seconds')).toBeGreaterThan(72 * 3600 - 60);
  });

  it('treats a status file it cannot read as no backup at all', async () => {
    fs.writeFileSync(statusFile, '{ not json');
    const { status, body } = await readyz();
    expect(status).toBe(200);
    expect(body.backup).toMatchObject({ latestBackupAt: null, stale: true });
  });
});
