/**
 * macOS notifications when a device needs a person or fails, grouped so a cart of 40 does not make 40
 * banners: what happens within a few seconds becomes one notification, at most one per interval, and each
 * replaces the one before. A device that is dealt with before the banner goes out is left out of it.
 */
import { Notification } from 'electron';
import type { Ecid } from '../../preload/domain';
import { realClock, type Clock } from '../async/clock';
import { sanitizeText } from '../text/sanitize-text';
import type { ActivityChange, JobActivity } from './job-activity';

export type Attention =
  | { readonly kind: 'waiting'; readonly instruction: string; readonly serialNumber?: string }
  | { readonly kind: 'failed'; readonly title: string; readonly serialNumber?: string };

export interface Notice {
  readonly title: string;
  readonly body: string;
}

export interface NoticeSink {
  /** Shows the notice, replacing the one shown before. */
  show(notice: Notice): void;
}

export interface AttentionOptions {
  /** How long to wait for more devices before the banner goes out. */
  readonly groupMs?: number;
  /** The least time between two banners; what comes in between waits and is summed up. */
  readonly minIntervalMs?: number;
  readonly timers?: Clock;
}

const MAX_LINES = 3;

// Notification text comes partly from outside (serial numbers from cfgutil): each piece passes the one sanitiser.
const ofSerial = (serial?: string) => (serial ? ` (${sanitizeText(serial)})` : '');

export function describeAttention(entries: readonly Attention[]): Notice {
  const [only] = entries;
  if (entries.length === 1 && only) {
    return only.kind === 'waiting'
      ? { title: 'A device needs you', body: sanitizeText(only.instruction) + ofSerial(only.serialNumber) }
      : { title: 'A device failed', body: sanitizeText(only.title) + ofSerial(only.serialNumber) };
  }
  const lines = new Map<string, number>();
  for (const entry of entries) {
    const line = entry.kind === 'waiting' ? sanitizeText(entry.instruction) : 'failed';
    lines.set(line, (lines.get(line) ?? 0) + 1);
  }
  const ordered = [...lines].sort((a, b) => b[1] - a[1]);
  const shown = ordered.slice(0, MAX_LINES).map(([line, count]) => `${count} × ${line}`);
  const rest = ordered.slice(MAX_LINES).reduce((sum, [, count]) => sum + count, 0);
  if (rest > 0) shown.push(`and ${rest} more`);
  return { title: `${entries.length} devices need you`, body: shown.join('\n') };
}

/** The attention a change calls for, if any: a job that has just started waiting (for a new reason) or failed. */
export function attentionFrom(change: ActivityChange): Attention | undefined {
  if (change.kind !== 'job') return undefined;
  const { job, previous } = change;
  const serial = job.serialNumber === undefined ? {} : { serialNumber: job.serialNumber };
  if (job.phase === 'waiting-for-operator' && job.waiting) {
    const already =
      previous?.phase === 'waiting-for-operator' && previous.waiting?.reason === job.waiting.reason;
    return already ? undefined : { kind: 'waiting', instruction: job.waiting.instruction, ...serial };
  }
  if (job.phase === 'failed' && previous?.phase !== 'failed') {
    return { kind: 'failed', title: job.error?.title ?? 'The workflow stopped', ...serial };
  }
  return undefined;
}

export function notifyWhenDevicesNeedAPerson(
  activity: JobActivity,
  sink: NoticeSink,
  options: AttentionOptions = {},
): () => void {
  const groupMs = options.groupMs ?? 3_000;
  const minIntervalMs = options.minIntervalMs ?? 15_000;
  const timers = options.timers ?? realClock;
  const pending = new Map<Ecid, Attention>();
  let timer: unknown;
  let lastShownAt = -Infinity;

  const flush = () => {
    timer = undefined;
    if (pending.size === 0) return;
    sink.show(describeAttention([...pending.values()]));
    pending.clear();
    lastShownAt = timers.now();
  };
  const schedule = () => {
    if (timer !== undefined) return;
    const wait = Math.max(groupMs, lastShownAt + minIntervalMs - timers.now());
    timer = timers.setTimeout(flush, wait);
  };
  const stop = activity.onChange((change) => {
    const ecid =
      change.kind === 'job' ? change.job.ecid : change.kind === 'removed' ? change.ecid : undefined;
    if (ecid === undefined) return;
    const attention = attentionFrom(change);
    if (attention) {
      pending.set(ecid, attention);
      schedule();
    } else if (change.kind === 'removed' || !isStillCalling(pending.get(ecid), change)) {
      pending.delete(ecid);
    }
  });
  return () => {
    stop();
    if (timer !== undefined) timers.clearTimeout(timer);
    pending.clear();
  };
}

/** A pending "waiting" stays only while the job still waits; a pending failure stays while it is failed. */
function isStillCalling(entry: Attention | undefined, change: ActivityChange): boolean {
  if (!entry || change.kind !== 'job') return false;
  return entry.kind === 'waiting'
    ? change.job.phase === 'waiting-for-operator'
    : change.job.phase === 'failed';
}

/**
 * Electron's notifications (UNNotification on macOS: a signed app only; unsigned builds emit `failed`,
 * which is ignored). A click brings the bench window forward.
 */
export function electronNoticeSink(onClick: () => void, sound: () => boolean = () => true): NoticeSink {
  let current: Notification | undefined;
  return {
    show(notice) {
      if (!Notification.isSupported()) return;
      current?.close();
      const notification = new Notification({ ...notice, silent: !sound() });
      notification.on('click', onClick);
      notification.show();
      current = notification;
    },
  };
}
