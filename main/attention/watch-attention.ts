/**
 * Tells the operator without making them watch (issue 21 item 6). Follows the jobs (./job-activity.ts) and
 * decides, on the one clock (../async/clock.ts):
 *
 * - the badge: how many devices wait for a person right now, told whenever that number changes;
 * - "needs you": one notice per device per wait (progress while it waits is not news), and what arrives
 *   within `groupMs` goes out as one ("3 devices need you"); two notices are at least `minIntervalMs` apart,
 *   what comes in between is summed up, and a device dealt with before its notice goes out is left out;
 * - "cart finished": when no job is in progress any more and at least one of those that ended since the
 *   last cart was done or failed ("28 done, 2 failed"). Devices unplugged once done still count (the board
 *   forgets an ended job when its device leaves; this remembers its outcome until the cart is told). It
 *   replaces the failures of the same moment, which it counts.
 *
 * The operator's settings are read when a notice is due, so a change in Settings applies to the next one.
 * Where the notice goes (a macOS notification, the Dock, a beep) is the sink's business.
 */
import type { Ecid } from '../../preload/domain';
import type { JobPhase } from '../../preload/jobs-domain';
import { realClock, type Clock } from '../async/clock';
import {
  attentionFrom,
  countOutcome,
  describeAttention,
  describeCart,
  isStillCalling,
  type Attention,
  type Notice,
} from './attention-rules';
import { isInProgress, type JobActivity } from './job-activity';

export type AttentionKind = 'needs-you' | 'cart-finished';

export interface AttentionNotice extends Notice {
  readonly kind: AttentionKind;
  /** The devices it is about (every job of the cart, for "cart finished"). */
  readonly ecids: readonly Ecid[];
}

export interface AttentionSink {
  /** Shows the notice, replacing the one shown before. */
  notify(notice: AttentionNotice): void;
  /** How many devices need a person; 0 clears the badge. */
  badge(count: number): void;
  sound(kind: AttentionKind): void;
}

/** The two switches of Settings (main/settings/: `notify`, default on; `sounds`, default off). */
export interface AttentionPreferences {
  readonly notify: boolean;
  readonly sound: boolean;
}

export interface AttentionOptions {
  /** How long to wait for more devices before the notice goes out. */
  readonly groupMs?: number;
  /** The least time between two notices; what comes in between waits and is summed up. */
  readonly minIntervalMs?: number;
  readonly clock?: Clock;
  readonly preferences?: () => AttentionPreferences;
}

export const DEFAULT_GROUP_MS = 3_000;
export const DEFAULT_MIN_INTERVAL_MS = 15_000;

export function watchAttention(
  activity: JobActivity,
  sink: AttentionSink,
  options: AttentionOptions = {},
): () => void {
  const groupMs = options.groupMs ?? DEFAULT_GROUP_MS;
  const minIntervalMs = options.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS;
  const clock = options.clock ?? realClock;
  const preferences = options.preferences ?? (() => ({ notify: true, sound: false }));
  const pending = new Map<Ecid, Attention>();
  /** How each job of this cart ended, kept after its device is unplugged. */
  const ended = new Map<Ecid, JobPhase>();
  let cartDue = false;
  // A cart "finishes" only after something ran: a bench opened on yesterday's ended jobs says nothing.
  let sawWork = activity.jobs().some((job) => isInProgress(job.phase));
  const cartHasEnded = () =>
    !activity.jobs().some((job) => isInProgress(job.phase)) &&
    [...ended.values()].some(
      (phase) => phase === 'succeeded' || phase === 'failed' || phase === 'interrupted',
    );
  let timer: unknown;
  let lastShownAt = -Infinity;
  let badge = 0;

  const noticeDue = (): AttentionNotice | undefined => {
    if (cartDue && cartHasEnded()) {
      const notice: AttentionNotice = {
        kind: 'cart-finished',
        ...describeCart(countOutcome([...ended.values()])),
        ecids: [...ended.keys()],
      };
      ended.clear();
      return notice;
    }
    if (pending.size === 0) return undefined;
    return { kind: 'needs-you', ...describeAttention([...pending.values()]), ecids: [...pending.keys()] };
  };
  const flush = () => {
    timer = undefined;
    const notice = noticeDue();
    pending.clear();
    cartDue = false;
    const wants = preferences();
    if (!notice || !wants.notify) return;
    sink.notify(notice);
    if (wants.sound) sink.sound(notice.kind);
    lastShownAt = clock.now();
  };
  const schedule = () => {
    if (timer !== undefined) return;
    timer = clock.setTimeout(flush, Math.max(groupMs, lastShownAt + minIntervalMs - clock.now()));
  };
  const showBadge = () => {
    const waiting = activity.waitingForPerson();
    if (waiting === badge) return;
    badge = waiting;
    sink.badge(waiting);
  };

  const noteOutcome = (ecid: Ecid, phase: JobPhase, before: JobPhase | undefined) => {
    if (isInProgress(phase)) {
      sawWork = true;
      ended.delete(ecid); // retried: it belongs to the cart again
    } else if (before === undefined || isInProgress(before) || ended.has(ecid)) {
      ended.set(ecid, phase);
    }
  };
  const stop = activity.onChange((change) => {
    showBadge();
    if (change.kind === 'run') return;
    const ecid = change.kind === 'job' ? change.job.ecid : change.ecid;
    const attention = attentionFrom(change);
    if (attention) {
      pending.set(ecid, attention);
      schedule();
    } else if (!isStillCalling(pending.get(ecid), change)) {
      pending.delete(ecid);
    }
    if (change.kind === 'job') noteOutcome(ecid, change.job.phase, change.previous?.phase);
    if (sawWork && cartHasEnded()) {
      sawWork = false;
      cartDue = true;
      schedule();
    }
  });
  return () => {
    stop();
    if (timer !== undefined) clock.clearTimeout(timer);
    pending.clear();
    if (badge !== 0) sink.badge(0);
    badge = 0;
  };
}
