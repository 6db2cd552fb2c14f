import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { signDevToken } from '@county/gateway';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { peopleSubgraph } from '@county/people';
import { FaultPlatform } from './faults/platform';
import { post, sleep } from './faults/load';

/**
 * OpenTelemetry across processes: with an OTLP endpoint configured, one request through the gateway is one
 * trace, with spans from the gateway and from the subgraph it called. The collector is a plain HTTP
 * server here, on loopback, reading the exporter's OTLP/JSON.
 */
jest.setTimeout(120_000);

interface ExportedSpan {
  service: string;
  traceId: string;
  name: string;
}
const spans: ExportedSpan[] = [];
const collector = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    if (req.url !== '/v1/traces') throw new Error(`only traces are exported, not ${req.url}`);
    const raw = Buffer.concat(chunks);
    const body = req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
    const payload = JSON.parse(body.toString('utf8')) as {
      resourceSpans: {
        resource: { attributes: { key: string; value: { stringValue?: string } }[] };
        scopeSpans: { spans: { traceId: string; name: string }[] }[];
      }[];
    };
    for (const resource of payload.resourceSpans) {
      const service =
        resource.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
      for (const scope of resource.scopeSpans)
        for (const span of scope.spans) spans.push({ service, ...span });
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
const platform = new FaultPlatform(`/var/tmp/county-tracing-${process.pid}`);
const saved = { ...process.env };

beforeAll(async () => {
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  // the services inherit these: an exporter configured, batches sent every 100 ms
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  process.env.OTEL_BSP_SCHEDULE_DELAY = '100';
  await platform.startPostgres();
  await platform.startSubgraphs([peopleSubgraph], { people: false });
});
afterAll(async () => {
  process.env = saved;
  await platform.stop();
  await new Promise((resolve) => collector.close(resolve));
});

it('exports one trace per request, from the gateway into the subgraph', async () => {
  const answer = await post<{ regions: unknown[] }>(
    `${platform.gatewayBase}/graphql`,
    `{ regions(parentCode: "${DEMO_COUNTY_CODE}") { code } }`,
    {},
    await signDevToken({ sub: 'tracer', roles: ['leader'] }, { secret: platform.jwtSecret }),
  );
  expect(answer.status).toBe(200);
  let shared: string | undefined;
  for (let waited = 0; waited < 10_000 && !shared; waited += 200) {
    await sleep(200);
    const gatewayTraces = new Set(spans.filter((s) => s.service === 'gateway').map((s) => s.traceId));
    shared = spans.find((s) => s.service === 'people' && gatewayTraces.has(s.traceId))?.traceId;
  }
  expect(shared).toBeDefined();
  const trace = spans.filter((s) => s.traceId === shared);
  // the gateway's incoming request and its call out, the subgraph's incoming request
  expect(trace.filter((s) => s.service === 'gateway').length).toBeGreaterThanOrEqual(2);
  expect(trace.some((s) => s.service === 'people')).toBe(true);
});
