/**
 * Stops a process and everything in its process group: SIGTERM, a grace period, then SIGKILL.
 *
 * cfgutil is spawned `detached` (its own process group), so signalling `-pid` also reaches anything it started;
 * no orphan survives a timeout or a cancel.
 */
import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/** After SIGKILL, how long to wait for the kernel to report the group gone before giving up waiting. */
const AFTER_KILL_WAIT_MS = 2_000;
const POLL_MS = 20;

/** True while any process of the group can still be signalled. */
export function isGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  const pid = child.pid;
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // No group (already gone) or not ours: fall back to the direct child.
    try {
      child.kill(signal);
    } catch {
      // Already gone.
    }
  }
}

function childRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

async function waitUntilGone(child: ChildProcess, pgid: number, limitMs: number): Promise<boolean> {
  const deadline = Date.now() + limitMs;
  while (childRunning(child) || isGroupAlive(pgid)) {
    if (Date.now() >= deadline) return false;
    await sleep(POLL_MS);
  }
  return true;
}

/** Resolves once the group is gone (or, after SIGKILL, once waiting longer would not help). Never rejects. */
export async function stopProcessGroup(child: ChildProcess, graceMs: number): Promise<void> {
  const pgid = child.pid;
  if (pgid === undefined) return;
  signalGroup(child, 'SIGTERM');
  if (await waitUntilGone(child, pgid, graceMs)) return;
  signalGroup(child, 'SIGKILL');
  await waitUntilGone(child, pgid, AFTER_KILL_WAIT_MS);
}
