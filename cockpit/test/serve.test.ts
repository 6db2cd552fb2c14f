import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { COCKPIT_CSP, createCockpitHandler } from '@county/cockpit';

/** Raw requests (fetch would normalise `..` and decompress bodies). */
function get(port: number, pathname: string, headers: http.OutgoingHttpHeaders = {}, method = 'GET') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: pathname, headers, method }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe('serveCockpit: the page and its assets under /cockpit/', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cockpit-public-'));
  const script = 'console.log("cockpit")';
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    fs.mkdirSync(path.join(dir, 'fonts'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>驾驶舱</title>');
    fs.writeFileSync(path.join(dir, 'cockpit-ABCD1234.js'), script);
    fs.writeFileSync(path.join(dir, 'cockpit-ABCD1234.js.gz'), zlib.gzipSync(script));
    fs.writeFileSync(path.join(dir, 'fonts', 'noto-XYZW5678.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
    fs.writeFileSync(path.join(os.tmpdir(), 'outside.html'), 'secret');
    const serve = createCockpitHandler(dir);
    server = http.createServer((req, res) => {
      if (!serve(req, res)) res.writeHead(418).end('not mine');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves the page revalidated on every load, under a content security policy', async () => {
    const page = await get(port, '/cockpit/?region=990722');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-security-policy']).toBe(COCKPIT_CSP);
    expect(COCKPIT_CSP).toContain("connect-src 'self'");
    expect(page.body.toString()).toContain('驾驶舱');
    const again = await get(port, '/cockpit/', { 'if-none-match': page.headers.etag });
    expect(again.status).toBe(304);
  });

  it('redirects /cockpit to /cockpit/ keeping the query', async () => {
    const response = await get(port, '/cockpit?region=990722');
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe('/cockpit/?region=990722');
  });

  it('serves hashed assets for a year, gzipped when the browser accepts it', async () => {
    const plain = await get(port, '/cockpit/cockpit-ABCD1234.js');
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body.toString()).toBe(script);
    const zipped = await get(port, '/cockpit/cockpit-ABCD1234.js', { 'accept-encoding': 'gzip, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(zipped.body).toString()).toBe(script);
    const font = await get(port, '/cockpit/fonts/noto-XYZW5678.woff2');
    expect(font.headers['content-type']).toBe('font/woff2');
    expect(font.headers['content-encoding']).toBeUndefined();
  });

  it('answers nothing outside its folder, nothing unknown, and only GET and HEAD', async () => {
    expect((await get(port, '/cockpit/%2e%2e/outside.html')).status).toBe(404);
    expect((await get(port, '/cockpit/..%2foutside.html')).status).toBe(404);
    expect((await get(port, '/cockpit/missing.js')).status).toBe(404);
    expect((await get(port, '/cockpit/index.html.gz')).status).toBe(404);
    expect((await get(port, '/cockpit/', {}, 'POST')).status).toBe(405);
    const head = await get(port, '/cockpit/', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it('leaves every other path to the server it is mounted in', async () => {
    expect((await get(port, '/graphql')).status).toBe(418);
    expect((await get(port, '/cockpitx')).status).toBe(418);
  });
});
