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

/** Kinds whose count in `after` exceeds `before` by more than `slack`. */
export function grownHandles(before: ResourceSample, after: ResourceSample, slack = 0): string[] {
  return Object.entries(after.handles)
    .filter(([kind, count]) => count > (before.handles[kind] ?? 0) + slack)
    .map(([kind, count]) => `${kind}: ${before.handles[kind] ?? 0} → ${count}`);
}
