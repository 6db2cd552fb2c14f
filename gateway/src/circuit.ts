import CircuitBreaker from 'opossum';
import type { Logger } from '@county/kit';

export interface CircuitOptions {
  /** How long an open circuit refuses calls before one probe goes through. */
  resetMs: number;
  /** Calls within the rolling window (10 s) before it may open at all. */
  minimumCalls: number;
  /** The share of failed calls (%) within the window that opens it. */
  failurePercent: number;
  /**
   * Failed calls in a row that open it, whatever the window holds: a subgraph that hangs after a busy
   * minute would otherwise keep everyone waiting until its failures outnumber the earlier successes.
   */
  failuresInRow: number;
}

export class CircuitOpenError extends Error {}

/**
 * One circuit breaker per subgraph (opossum): after repeated failures or timeouts, calls to it fail at
 * once until a probe succeeds, so a hung subgraph costs the rest of a query its timeout once, not on
 * every request. The call itself decides what a failure is (it throws). When the reset time is over, the
 * circuit sends `probe()` itself: no user's request is the one left waiting to find out.
 */
export function subgraphCircuit<A, R>(
  name: string,
  call: (arg: A) => Promise<R>,
  options: CircuitOptions,
  { logger, probe }: { logger: Logger; probe: () => A },
): (arg: A) => Promise<R> {
  const breaker = new CircuitBreaker(call, {
    timeout: false, // the HTTP client times out, per kind of operation
    resetTimeout: options.resetMs,
    rollingCountTimeout: 10_000,
    volumeThreshold: options.minimumCalls,
    errorThresholdPercentage: options.failurePercent,
  });
  let inRow = 0;
  breaker.on('success', () => (inRow = 0));
  breaker.on('failure', () => {
    inRow += 1;
    if (inRow >= options.failuresInRow && breaker.closed) breaker.open();
  });
  breaker.on('open', () => logger.warn({ subgraph: name }, 'circuit opened: calls fail at once'));
  breaker.on('halfOpen', () => {
    logger.info({ subgraph: name }, 'circuit half open: probing');
    // taken at once, so requests arriving meanwhile fail fast instead of one of them being the probe
    breaker.fire(probe()).catch(() => undefined);
  });
  breaker.on('close', () => logger.info({ subgraph: name }, 'circuit closed: calls go through again'));
  return async (arg: A) => {
    try {
      return await breaker.fire(arg);
    } catch (error) {
      if ((error as { code?: string }).code === 'EOPENBREAKER') {
        throw new CircuitOpenError(`the ${name} subgraph's circuit is open`);
      }
      throw error;
    }
  };
}
