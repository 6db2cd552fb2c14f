import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCockpitHandler } from '@county/cockpit';

/**
 * What the gateway will do once it mounts `serveCockpit`: the page under /cockpit/ and the gateway's
 * /graphql on the same origin. Here a small server serves the page and passes everything else through
 * to a test gateway, since the tests cannot change the gateway.
 */
export async function startCockpitServer(publicDir: string, gatewayUrl: string) {
  const serve = createCockpitHandler(publicDir);
  const target = new URL(gatewayUrl);
  const server = http.createServer((req, res) => {
    if (serve(req, res)) return;
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
