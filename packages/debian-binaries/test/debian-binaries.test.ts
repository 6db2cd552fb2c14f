import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DebianBinaryError, debianBinary, haproxyBinary, haproxyConfig } from '@county/debian-binaries';

describe('a program from Debian’s packages', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('is unpacked once into the cache, with its libraries beside it', () => {
    const haproxy = haproxyBinary();
    expect(fs.existsSync(haproxy.command)).toBe(true);
    expect(fs.readdirSync(haproxy.libraryDir!)).toEqual(expect.arrayContaining(['liblua5.3.so.0']));
  });

  it('is the installed one its variable names, and that variable is named when the file is missing', () => {
    process.env.HAPROXY_BIN = haproxyBinary().command;
    expect(haproxyBinary()).toEqual({ command: process.env.HAPROXY_BIN });
    process.env.HAPROXY_BIN = '/nowhere/haproxy';
    expect(() => haproxyBinary()).toThrow('HAPROXY_BIN names /nowhere/haproxy, which does not exist');
  });

  it('says what to do when apt-get is not available', () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'county-debian-cache-'));
    process.env.PATH = '/nowhere';
    try {
      const fetch = () =>
        debianBinary({
          program: 'pgbouncer',
          packages: ['pgbouncer'],
          file: 'usr/sbin/pgbouncer',
          installedVariable: 'PGBOUNCER_BIN',
          cacheDir,
        });
      expect(fetch).toThrow(DebianBinaryError);
      expect(fetch).toThrow(/apt-get is not available.*Install pgbouncer and set PGBOUNCER_BIN/s);
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});

describe('the load balancer’s configuration', () => {
  const config = haproxyConfig(
    [{ name: 'gateway', port: 7000, replicas: [{ name: 'gateway-a', port: 7001 }] }],
    7002,
  );

  it('checks /readyz and resends only what is safe to resend', () => {
    expect(config).toContain('option httpchk GET /readyz');
    expect(config).toContain('server gateway-a 127.0.0.1:7001 check');
    // a possible write without an Idempotency-Key is resent only when it never reached a replica
    expect(config).toMatch(
      /http-request disable-l7-retry if \{ req\.body -m sub mutation \} !\{ req\.hdr\(idempotency-key\) -m found \}/,
    );
  });
});
