import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/**
 * The browser the cockpit's tests drive: CHROMIUM_PATH when set, else the Chromium inside the npm package
 * @sparticuz/chromium (pinned in cockpit/package.json), so that `npm install` is all a fresh machine needs:
 * no system package, no browser download. It is the same build on every machine, CI's included, even
 * where Debian's chromium happens to be installed (CHROMIUM_PATH=/usr/bin/chromium to use that one).
 */
interface Launchable {
  executablePath: string;
  env?: NodeJS.ProcessEnv;
}

function chosenChromium(): Launchable | undefined {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen === undefined || chosen === '') return undefined;
  if (!fs.existsSync(chosen)) {
    throw new Error(
      `CHROMIUM_PATH is ${chosen}, which does not exist. Unset it to use the Chromium that ` +
        '`npm install` brings (@sparticuz/chromium), or point it at a Chromium binary.',
    );
  }
  return { executablePath: chosen };
}

/**
 * The package ships Chromium brotli-compressed and unpacks it into os.tmpdir() on first use. It is unpacked
 * here once per pinned version into a folder of its own (a stale or half-written /tmp/chromium of another
 * version or run is never picked up): in a child process, so that TMPDIR can point at a staging folder,
 * which is then renamed into place whole. The child also asks for the NSS libraries the package ships for
 * Amazon Linux (libnss3, libnspr4, libexpat; they run on Debian's newer glibc too), so the browser needs
 * nothing from the system but glibc.
 */
function npmChromium(): Launchable {
  const entry = require.resolve('@sparticuz/chromium');
  const packageDir = path.resolve(path.dirname(entry), '..', '..');
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const home = path.join(os.tmpdir(), `county-chromium-${version}`);
  const libraries = path.join(home, 'al2023', 'lib');
  if (!fs.existsSync(path.join(home, 'chromium'))) {
    const staging = fs.mkdtempSync(`${home}.unpacking-`);
    try {
      execFileSync(process.execPath, ['-e', `require(${JSON.stringify(entry)}).executablePath()`], {
        // the package unpacks its libraries only where this says Amazon Linux's Node runtime; nothing else reads it
        env: { ...process.env, TMPDIR: staging, AWS_LAMBDA_JS_RUNTIME: 'nodejs20.x' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      if (!fs.existsSync(path.join(staging, 'al2023', 'lib', 'libnss3.so'))) {
        throw new Error(`@sparticuz/chromium ${version} did not unpack its NSS libraries into ${staging}`);
      }
      fs.renameSync(staging, home);
    } catch (error) {
      fs.rmSync(staging, { recursive: true, force: true });
      // another test run may have renamed its own copy into place first
      if (!fs.existsSync(path.join(home, 'chromium'))) throw error;
    }
  }
  const searchPath = [libraries, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  return {
    executablePath: path.join(home, 'chromium'),
    env: { ...process.env, LD_LIBRARY_PATH: searchPath },
  };
}

/** Headless Chromium, or a failure that says what is missing (never a skipped test). */
export async function launchChromium(): Promise<Browser> {
  const { executablePath, env } = chosenChromium() ?? npmChromium();
  return chromium.launch({
    executablePath,
    ...(env ? { env } : {}),
    headless: true,
    // as root (CI containers) Chromium refuses to start with its sandbox
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
}
