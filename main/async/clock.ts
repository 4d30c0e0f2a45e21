/**
 * Time as a service sees it: the current time and one-shot timers. Injected, so tests drive time by hand
 * (test/fakes/manual-timers.ts) and a benchmark can run faster than the wall clock. The jobs, the device
 * watcher and its debounce, the bench log's live feed and the Electron shell's savers all take this one shape.
 */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The process's own clock and timers. */
export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
