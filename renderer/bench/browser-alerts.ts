/**
 * What the served UI tells an operator who is not watching (issue 21 item 6), through the browser's own
 * notifications, opt-in: a device that starts to need a person, and a cart that finishes. Pure decisions
 * here (tested without a browser); the permission, the `Notification` itself and the sound in
 * ./notify-button.tsx. The Mac app has its own (main/attention/, main/electron/notifications.ts) and the
 * Dock badge.
 */
import type { Ecid } from '../../preload/domain';
import type { JobPhase, JobView } from '../../preload/jobs-domain';

export interface BrowserAlert {
  /** Which sound plays with it, when Settings asks for sound. */
  readonly kind: 'needs-you' | 'cart-finished';
  readonly title: string;
  readonly body: string;
  /** One notification per device and reason (or per cart): a repeat replaces, never piles up. */
  readonly tag: string;
}

const ended = new Set<JobPhase>(['succeeded', 'failed', 'skipped', 'cancelled', 'interrupted']);

/**
 * How the jobs of devices unplugged once ended, ended: the bench forgets such a job when its device leaves
 * ("Done – unplug"), and the cart's count must still hold it. Kept until the cart's end is told.
 */
export class CartTally {
  readonly departed = new Map<Ecid, JobPhase>();
}

/** The alerts between two states of the jobs: new waits for a person, and a cart that has just finished. */
export function alertsBetween(
  before: Readonly<Record<Ecid, JobView>>,
  after: Readonly<Record<Ecid, JobView>>,
  portOf: (ecid: Ecid) => string | undefined,
  tally: CartTally = new CartTally(),
): BrowserAlert[] {
  for (const was of Object.values(before))
    if (!after[was.ecid] && ended.has(was.phase)) tally.departed.set(was.ecid, was.phase);
  for (const ecid of Object.keys(after)) tally.departed.delete(ecid);
  const waits: BrowserAlert[] = [];
  for (const job of Object.values(after)) {
    const was = before[job.ecid];
    if (job.phase !== 'waiting-for-operator' || !job.waiting) continue;
    if (was?.phase === 'waiting-for-operator' && was.waiting?.reason === job.waiting.reason) continue;
    waits.push({
      kind: 'needs-you',
      title: `${portOf(job.ecid) ?? 'A device'} needs you`,
      body: job.waiting.instruction,
      tag: `${job.ecid}:${job.waiting.reason}`,
    });
  }
  const alerts: BrowserAlert[] = waits.length > 1 ? [together(waits)] : waits;
  const all = Object.values(after);
  const finishedNow = all.length > 0 && all.every((j) => ended.has(j.phase));
  const finishedBefore =
    Object.values(before).length > 0 && Object.values(before).every((j) => ended.has(j.phase));
  if (finishedNow && !finishedBefore) {
    const phases = [...all.map((j) => j.phase), ...tally.departed.values()];
    const failed = phases.filter((p) => p === 'failed' || p === 'interrupted').length;
    alerts.push({
      kind: 'cart-finished',
      title: 'Cart finished',
      body: `${phases.filter((p) => p === 'succeeded').length} done, ${failed} failed.`,
      tag: 'cart-finished',
    });
    tally.departed.clear();
  }
  return alerts;
}

/** Devices that start to wait at the same moment make one notification, counted per instruction. */
function together(waits: readonly BrowserAlert[]): BrowserAlert {
  const counts = new Map<string, number>();
  for (const wait of waits) counts.set(wait.body, (counts.get(wait.body) ?? 0) + 1);
  const lines = [...counts].sort((a, b) => b[1] - a[1]).map(([body, count]) => `${count} × ${body}`);
  const shown = lines.slice(0, 3);
  if (lines.length > 3) shown.push(`and ${lines.length - 3} more reasons`);
  return {
    kind: 'needs-you',
    title: `${waits.length} devices need you`,
    body: shown.join('\n'),
    tag: 'needs-you',
  };
}
