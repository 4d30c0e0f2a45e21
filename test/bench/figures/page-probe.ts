/**
 * What the UI figure measures inside the page, installed before the renderer's own scripts run
 * (Playwright's addInitScript, outside the page's CSP):
 * - every WebSocket frame the page receives (a listener added in the socket's constructor runs before the
 *   renderer's `onmessage`);
 * - the time from a frame's arrival to the DOM mutation it causes (a MutationObserver over the document; its
 *   callback runs in the microtasks after React's commit). A frame that changes nothing is dropped at the end
 *   of its task, so an unrelated later mutation is never paired with it;
 * - every long task (PerformanceObserver `longtask`, which Chromium reports for tasks over 50 ms).
 */
export interface PageProbe {
  frames: number;
  commitsMs: number[];
  longTasksMs: number[];
  pendingFrameAt: number | undefined;
}

declare global {
  interface Window {
    __probe: PageProbe;
  }
}

/** Runs in the page: keep it self-contained (it is serialised by Playwright). */
export function installPageProbe(): void {
  const probe: PageProbe = { frames: 0, commitsMs: [], longTasksMs: [], pendingFrameAt: undefined };
  window.__probe = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasksMs.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  const NativeSocket = window.WebSocket;
  class ProbedSocket extends NativeSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', () => {
        probe.frames += 1;
        const at = performance.now();
        probe.pendingFrameAt = at;
        setTimeout(() => {
          if (probe.pendingFrameAt === at) probe.pendingFrameAt = undefined;
        }, 0);
      });
    }
  }
  window.WebSocket = ProbedSocket;
  new MutationObserver(() => {
    if (probe.pendingFrameAt === undefined) return;
    probe.commitsMs.push(performance.now() - probe.pendingFrameAt);
    probe.pendingFrameAt = undefined;
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
}
