import path from 'node:path';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';

/**
 * OpenTelemetry traces across the gateway and the subgraphs, on when an exporter is configured
 * (`OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, OTLP over HTTP). The http and
 * undici instrumentations carry the W3C `traceparent` from the gateway's calls into each subgraph, so one
 * request is one trace. The service is named by `OTEL_SERVICE_NAME`, else by its folder (people, gateway…).
 * Started by `tracing-register`, which every entry point imports first, before http is loaded.
 */
export function startTracing(): NodeSDK | null {
  const endpoint = process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) return null;
  // traces only: metrics are Prometheus (/metrics), logs are pino's JSON lines
  process.env.OTEL_METRICS_EXPORTER ??= 'none';
  process.env.OTEL_LOGS_EXPORTER ??= 'none';
  const sdk = new NodeSDK({
    serviceName:
      process.env.OTEL_SERVICE_NAME ??
      path.basename(path.resolve(path.dirname(process.argv[1] ?? '.'), '..')),
    traceExporter: new OTLPTraceExporter(),
    instrumentations: [new HttpInstrumentation(), new UndiciInstrumentation()],
  });
  sdk.start();
  // flush what is buffered when the service stops
  process.once('beforeExit', () => void sdk.shutdown());
  return sdk;
}
