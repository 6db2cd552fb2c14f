import path from 'node:path';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/**
 * OpenTelemetry traces across the gateway and the subgraphs, on when an exporter is configured
 * (`OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, OTLP over HTTP). The http and
 * undici instrumentations carry the W3C `traceparent` from the gateway's calls into each subgraph, so one
 * request is one trace. The service is named by `OTEL_SERVICE_NAME`, else by its folder (people, gateway…).
 * Started by `tracing-register`, which every entry point imports first, before http is loaded.
 *
 * The trace SDK and its one OTLP/HTTP exporter, not `@opentelemetry/sdk-node`: that one brings every
 * exporter (gRPC, protobuf, Zipkin, Prometheus, logs, metrics), about 140 MB of node_modules, for traces
 * that are all this platform sends (metrics are Prometheus' /metrics, logs are pino's JSON lines).
 */
export function startTracing(): NodeTracerProvider | null {
  const endpoint = process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) return null;
  const serviceName =
    process.env.OTEL_SERVICE_NAME ?? path.basename(path.resolve(path.dirname(process.argv[1] ?? '.'), '..'));
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName }),
    // OTEL_BSP_* (schedule delay, batch and queue sizes) are read by the processor itself
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  // the global tracer provider, AsyncLocalStorage context and the W3C trace-context propagator
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [new HttpInstrumentation(), new UndiciInstrumentation()],
  });
  // flush what is buffered when the service stops
  process.once('beforeExit', () => void provider.shutdown());
  return provider;
}
