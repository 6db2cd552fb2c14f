/**
 * `import '@county/kit/dist/tracing-register'` as an entry point's first line: traces, when an exporter
 * is configured. The SDK is loaded only then: it costs most of a second at every start.
 */
if (process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? process.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
  // a synchronous require: http must be patched before anything else loads it
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startTracing } = require('./tracing') as typeof import('./tracing');
  const sdk = startTracing();
  // the services stop on signals by calling process.exit: flush what is buffered first
  const flush = () => void sdk?.shutdown();
  process.once('SIGTERM', flush);
  process.once('SIGINT', flush);
}
