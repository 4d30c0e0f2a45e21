/**
 * What deserves the operator's attention, and in which words (issue 21 item 6): a job that has just started
 * to wait for a person (or just failed), and a cart whose jobs have all ended. Pure decisions over job views:
 * no timers (./watch-attention.ts times them), no Electron (the Mac app shows them, main/electron/).
 */
import type { JobPhase, JobView } from '../../preload/jobs-domain';
import { sanitizeText } from '../text/sanitize-text';
import { isInProgress, type ActivityChange } from './job-activity';

export type Attention =
  | { readonly kind: 'waiting'; readonly instruction: string; readonly device?: string }
  | { readonly kind: 'failed'; readonly title: string; readonly device?: string };

export interface Notice {
  readonly title: string;
  readonly body: string;
}

/** How many of a cart's jobs ended which way. */
export interface CartOutcome {
  readonly done: number;
  readonly failed: number;
  /** Skipped or cancelled: neither done nor a failure the operator must look at. */
  readonly other: number;
}

const MAX_LINES = 3;
const MAX_DEVICE_TEXT = 60;

/**
 * The device in words: the name it ended with (or arrived with) and its serial number. Both come from the
 * device through cfgutil, so each passes the one sanitiser before it reaches a notification.
 */
export function deviceLabel(job: JobView): string | undefined {
  const parts = [job.finalName ?? job.deviceName, job.serialNumber]
    .filter((part): part is string => part !== undefined && part.trim() !== '')
    .map((part) => sanitizeText(part, { maxLength: MAX_DEVICE_TEXT }));
  return parts.length > 0 ? parts.join(', ') : undefined;
}

const ofDevice = (device?: string) => (device ? ` (${device})` : '');

/** One notice for everything that came in together: one device in full, many as counts per reason. */
export function describeAttention(entries: readonly Attention[]): Notice {
  const [only] = entries;
  if (entries.length === 1 && only) {
    return only.kind === 'waiting'
      ? { title: 'A device needs you', body: sanitizeText(only.instruction) + ofDevice(only.device) }
      : { title: 'A device failed', body: sanitizeText(only.title) + ofDevice(only.device) };
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

/**
 * The attention a change calls for, if any: a job that has just started waiting (or now waits for another
 * reason), or has just failed. Progress while it keeps waiting calls for nothing: one notice per wait.
 */
export function attentionFrom(change: ActivityChange): Attention | undefined {
  if (change.kind !== 'job') return undefined;
  const { job, previous } = change;
  const device = deviceLabel(job);
  const named = device === undefined ? {} : { device };
  if (job.phase === 'waiting-for-operator' && job.waiting) {
    const already =
      previous?.phase === 'waiting-for-operator' && previous.waiting?.reason === job.waiting.reason;
    return already ? undefined : { kind: 'waiting', instruction: job.waiting.instruction, ...named };
  }
  if (job.phase === 'failed' && previous?.phase !== 'failed') {
    return { kind: 'failed', title: job.error?.title ?? 'The workflow stopped', ...named };
  }
  return undefined;
}

/** A "waiting" stays worth telling only while the job still waits; a failure while it is still failed. */
export function isStillCalling(entry: Attention | undefined, change: ActivityChange): boolean {
  if (!entry || change.kind !== 'job') return false;
  return entry.kind === 'waiting'
    ? change.job.phase === 'waiting-for-operator'
    : change.job.phase === 'failed';
}

/** How the jobs that ended, ended. An interrupted job (the bench stopped under it) counts as failed. */
export function countOutcome(phases: readonly JobPhase[]): CartOutcome {
  const done = phases.filter((phase) => phase === 'succeeded').length;
  const failed = phases.filter((phase) => phase === 'failed' || phase === 'interrupted').length;
  return { done, failed, other: phases.length - done - failed };
}

/** How the cart on the bench ended, when it has: at least one job, and none still queued, running or waiting. */
export function cartOutcome(jobs: readonly JobView[]): CartOutcome | undefined {
  if (jobs.length === 0 || jobs.some((job) => isInProgress(job.phase))) return undefined;
  return countOutcome(jobs.map((job) => job.phase));
}

export function describeCart(outcome: CartOutcome): Notice {
  const other = outcome.other > 0 ? `, ${outcome.other} skipped or cancelled` : '';
  return { title: 'Cart finished', body: `${outcome.done} done, ${outcome.failed} failed${other}.` };
}

/** What needs the operator now, for a terminal (`enroll-bench status --json`): the badge and a cart's end. */
export interface AttentionSummary {
  /** Devices whose job waits for a person: the Dock badge's number. */
  readonly needsYou: number;
  /** How the cart ended, once every job has; null while any is in progress or none is on the bench. */
  readonly cartFinished: CartOutcome | null;
}

export function attentionSummary(jobs: readonly JobView[]): AttentionSummary {
  return {
    needsYou: jobs.filter((job) => job.phase === 'waiting-for-operator').length,
    cartFinished: cartOutcome(jobs) ?? null,
  };
}
