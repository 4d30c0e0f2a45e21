/** A defer the test turns by hand: one call of `turn()` is one turn of the event loop. */
export function manualDefer() {
  const queued: (() => void)[] = [];
  return {
    defer: (callback: () => void) => void queued.push(callback),
    pending: () => queued.length,
    async turn(): Promise<void> {
      queued.shift()?.();
      for (let i = 0; i < 5; i += 1) await Promise.resolve();
    },
  };
}

/** Lets every promise chain already queued move on. */
export async function flushMicrotasks(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
}
