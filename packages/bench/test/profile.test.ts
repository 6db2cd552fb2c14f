import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '@county/kit';
import { ROOT } from '@county/platform';
import { benchConfigSchema } from '../src/config';
import { summariseCockpitProfiles } from '../src/profile';

/*
 * BENCH_PROFILE=cockpit: each subgraph's profile read over the cold city cockpit run only, per request.
 * Synthetic V8 profiles: samples before and after the window must not count.
 */
const config = (env: Record<string, string>) => parseConfig(benchConfigSchema, env);

/** A profile starting at 0 µs: `busy` samples of 1000 µs each in `resolve` (ours), then `parse` (graphql). */
function writeProfile(dir: string, samples: ('resolve' | 'parse' | 'idle')[]) {
  fs.mkdirSync(dir, { recursive: true });
  const profile = {
    startTime: 0,
    nodes: [
      { id: 1, callFrame: { functionName: '(idle)', url: '', lineNumber: 0 } },
      {
        id: 2,
        callFrame: {
          functionName: 'resolve',
          url: `file://${ROOT}/services/reform/dist/x.js`,
          lineNumber: 9,
        },
      },
      {
        id: 3,
        callFrame: {
          functionName: 'parse',
          url: `file://${ROOT}/node_modules/graphql/language/parser.js`,
          lineNumber: 0,
        },
      },
    ],
    samples: samples.map((sample) => ({ idle: 1, resolve: 2, parse: 3 })[sample]),
    timeDeltas: samples.map(() => 1000),
  };
  fs.writeFileSync(path.join(dir, 'CPU.1.cpuprofile'), JSON.stringify(profile));
}

describe('the bench profiles of the cockpit subgraphs', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-profile-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads BENCH_PROFILE=cockpit as the cockpit subgraphs, apart from the gateway and `subgraph`', () => {
    expect(config({ BENCH_PROFILE: 'cockpit' }).BENCH_PROFILE).toEqual(['cockpit']);
    expect(config({ BENCH_PROFILE: 'all' }).BENCH_PROFILE).toEqual(['gateway', 'subgraph']);
  });

  it('counts each subgraph’s samples of the window only, per request, and names a missing profile', () => {
    // samples at 1–8 ms; the window 3–6 ms holds resolve ×2, parse ×1, idle ×1
    writeProfile(path.join(dir, 'reform'), [
      'parse',
      'parse',
      'resolve',
      'resolve',
      'parse',
      'idle',
      'parse',
      'parse',
    ]);
    const text = summariseCockpitProfiles(dir, { from: 3000, to: 6000, requests: 2 });
    const reform = text.slice(text.indexOf('reform (cold city cockpit)'));
    expect(reform).toMatch(/1\.50 ms of CPU per request \(main thread, 2 requests\)/);
    expect(reform).toMatch(/1000 µs {2}66\.7 % {2}services\/reform/);
    expect(reform).toMatch(/500 µs {2}33\.3 % {2}graphql\n/);
    expect(text).toMatch(/No \.cpuprofile in .*governance: the governance \(cold city cockpit\)/);
    expect(summariseCockpitProfiles(dir, undefined)).toMatch(/did not happen/);
  });
});
