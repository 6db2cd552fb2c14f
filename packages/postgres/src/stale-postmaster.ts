import fs from 'node:fs';
import path from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A Node parent killed with SIGKILL leaves its postgres running on the data directory.
 * Stop that postmaster (fast shutdown) before starting a new one, and drop a pid file whose process is gone.
 */
export async function stopStalePostmaster(dataDir: string, timeoutMs = 15000): Promise<number | null> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return null;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) {
    fs.rmSync(pidFile, { force: true });
    return null;
  }
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > deadline) {
      throw new Error(
        `A PostgreSQL left over from an earlier run (pid ${pid}) on ${dataDir} did not stop; stop it and retry.`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return pid;
}
