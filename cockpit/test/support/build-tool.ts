import { execFile } from 'node:child_process';
import path from 'node:path';
import { buildSync } from 'esbuild';

const COCKPIT_DIR = path.join(__dirname, '..', '..');

/** Screenshots, kept for looking at (gitignored). */
export const ARTIFACTS = path.join(COCKPIT_DIR, 'test-artifacts');

/** Builds and schemas the tests make: under dist/, which lint, format and git all leave alone. */
export const TEST_BUILDS = path.join(COCKPIT_DIR, 'dist', 'test-builds');

/**
 * Runs the cockpit's build CLI from its sources, in a process of its own: GraphQL Code Generator loads
 * ESM-only modules that jest's sandbox cannot. The tool sits two folders below `cockpit/`, as
 * `dist/build/cli.js` does, so it finds `web/` and `cockpit.config.json` the same way.
 */
export function runCockpitBuild(args: string[]): Promise<{ code: number; output: string }> {
  const tool = path.join(COCKPIT_DIR, 'dist', 'test-tool', 'cli.js');
  buildSync({
    entryPoints: [path.join(COCKPIT_DIR, 'src', 'build', 'cli.ts')],
    bundle: true,
    platform: 'node',
    packages: 'external',
    outfile: tool,
    logLevel: 'silent',
  });
  return new Promise((resolve) => {
    execFile(process.execPath, [tool, ...args], { timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}
