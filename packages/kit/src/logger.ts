import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON logs on stdout, one line an event, tagged with the service that wrote them. */
export function createLogger(service: string, level = 'info'): Logger {
  return pino({ name: service, level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime });
}
