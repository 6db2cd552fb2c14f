import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { EmbeddedPostgresError, startEmbeddedPostgres, unreachableParent } from '@county/postgres';
import { stopStalePostmaster } from '../src/stale-postmaster';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'county-pg-test-'));

describe('embedded PostgreSQL pitfalls', () => {
  it('refuses a busy port with a message that says what to do', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    const dir = tempDir();
    fs.chmodSync(dir, 0o755);
    try {
      const attempt = startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port, persistent: false });
      await expect(attempt).rejects.toThrow(EmbeddedPostgresError);
      await expect(attempt).rejects.toThrow(`Port ${port} is already in use`);
    } finally {
      blocker.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds the folder the postgres OS user cannot enter (a mkdtemp folder is 0700)', () => {
    const dir = tempDir();
    try {
      expect(unreachableParent(path.join(dir, 'data', 'pg'))).toBe(dir);
      fs.chmodSync(dir, 0o755);
      expect(unreachableParent(path.join(dir, 'data', 'pg'))).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops a postmaster left running by a killed parent, and drops a stale pid file', async () => {
    const dir = tempDir();
    try {
      const leftover = spawn('sleep', ['30']);
      fs.writeFileSync(path.join(dir, 'postmaster.pid'), `${leftover.pid}\n${dir}\n`);
      const exited = new Promise((resolve) => leftover.once('exit', resolve));
      expect(await stopStalePostmaster(dir)).toBe(leftover.pid);
      await exited;
      fs.writeFileSync(path.join(dir, 'postmaster.pid'), '999999\n');
      expect(await stopStalePostmaster(dir)).toBeNull();
      expect(fs.existsSync(path.join(dir, 'postmaster.pid'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
