/**
 * What a long-running bench could leak, sampled from the test process itself: open file descriptors, child
 * processes, libuv handles and timers by kind, and the heap after a full collection.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface ResourceSample {
  readonly fds: number;
  readonly children: number;
  /** process.getActiveResourcesInfo() counted by kind (Timeout, TCPSocketWrap, ProcessWrap…). */
  readonly handles: Readonly<Record<string, number>>;
  readonly heapUsedBytes: number;
}

// A full collection before reading the heap, so what is measured is what is still referenced.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** Processes whose parent is this one (/proc/<pid>/stat field 4). */
export function childPids(): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone between readdir and read
    }
    // The command name (field 2) is in parentheses and may hold spaces: read after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === process.pid) children.push(Number(entry));
  }
  return children;
}

export function sampleResources(): ResourceSample {
  collect();
  collect();
  const handles: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) handles[kind] = (handles[kind] ?? 0) + 1;
  return {
    fds: readdirSync('/proc/self/fd').length,
    children: childPids().length,
    handles,
    heapUsedBytes: process.memoryUsage().heapUsed,
  };
}

/**
 * The least of several samples over `spanMs`, kind by kind: a leak is still there in every one of them, while
 * a timer that happens to be pending at one instant (a back-off sleep, a poll) is not. A single instant on
 * a loaded machine once read one such timer as a leak.
 */
export async function settledResources(spanMs = 600, count = 4): Promise<ResourceSample> {
  const samples: ResourceSample[] = [];
  for (let i = 0; i < count; i += 1) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, spanMs / (count - 1)));
    samples.push(sampleResources());
  }
  const kinds = new Set(samples.flatMap((s) => Object.keys(s.handles)));
  const handles: Record<string, number> = {};
  for (const kind of kinds) handles[kind] = Math.min(...samples.map((s) => s.handles[kind] ?? 0));
  return {
    fds: Math.min(...samples.map((s) => s.fds)),
    children: Math.min(...samples.map((s) => s.children)),
    handles,
    heapUsedBytes: Math.min(...samples.map((s) => s.heapUsedBytes)),
  };
}

/** Kinds whose count in `after` exceeds `before` by more than `slack`. */
export function grownHandles(before: ResourceSample, after: ResourceSample, slack = 0): string[] {
  return Object.entries(after.handles)
    .filter(([kind, count]) => count > (before.handles[kind] ?? 0) + slack)
    .map(([kind, count]) => `${kind}: ${before.handles[kind] ?? 0} → ${count}`);
}
