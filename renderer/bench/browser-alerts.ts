/**
 * What the served UI tells an operator who is not watching (issue 21 item 6), through the browser's own
 * notifications, opt-in: a device that starts to need a person, and a cart that finishes. Pure decisions
 * here (tested without a browser); the permission and the `Notification` itself in ./notify-button.tsx.
 * The Mac app has its own (main/electron/notifications.ts) and the Dock badge.
 */
import type { Ecid } from '../../preload/domain';
import type { JobView } from '../../preload/jobs-domain';

export interface BrowserAlert {
  readonly title: string;
  readonly body: string;
  /** One notification per device and reason (or per cart): a repeat replaces, never piles up. */
  readonly tag: string;
}

const ended = new Set(['succeeded', 'failed', 'skipped', 'cancelled', 'interrupted']);

/** The alerts between two states of the jobs: new waits for a person, and a cart that has just finished. */
export function alertsBetween(
  before: Readonly<Record<Ecid, JobView>>,
  after: Readonly<Record<Ecid, JobView>>,
  portOf: (ecid: Ecid) => string | undefined,
): BrowserAlert[] {
  const alerts: BrowserAlert[] = [];
  for (const job of Object.values(after)) {
    const was = before[job.ecid];
    if (job.phase !== 'waiting-for-operator' || !job.waiting) continue;
    if (was?.phase === 'waiting-for-operator' && was.waiting?.reason === job.waiting.reason) continue;
    alerts.push({
      title: `${portOf(job.ecid) ?? 'A device'} needs you`,
      body: job.waiting.instruction,
      tag: `${job.ecid}:${job.waiting.reason}`,
    });
  }
  const all = Object.values(after);
  const finishedNow = all.length > 0 && all.every((j) => ended.has(j.phase));
  const finishedBefore =
    Object.values(before).length > 0 && Object.values(before).every((j) => ended.has(j.phase));
  if (finishedNow && !finishedBefore) {
    const failed = all.filter((j) => j.phase === 'failed' || j.phase === 'interrupted').length;
    alerts.push({
      title: 'Cart finished',
      body: `${all.filter((j) => j.phase === 'succeeded').length} done, ${failed} failed.`,
      tag: 'cart-finished',
    });
  }
  return alerts;
}
