import { jest } from '@jest/globals';

/** Every timer jest could fake but Date: servers, pools and polls keep real time. */
const REAL_TIMERS = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

/**
 * Sets the clock of this process (subgraphs and gateway started in it included) to `now`, and lets it tick
 * on from there; `jest.setSystemTime` moves it again. Call it after the schemas are built: type-graphql
 * recognises `Date` fields by the real Date class.
 */
export function fakeClock(now: Date | string): void {
  jest.useFakeTimers({ now: new Date(now), advanceTimers: true, doNotFake: [...REAL_TIMERS] });
}
