/**
 * After a device is done, asks Intune whether it enrolled, until it appears or a bound passes (default 30 min),
 * with back-off (30 s, doubling, at most 5 min between asks). Many serials go 20 to a `$batch`. A lookup that
 * was throttled or failed inside the batch is simply asked again at the next turn.
 *
 * States: `enrolled` (one record: enrolledDateTime, deviceEnrollmentType, isSupervised), `several` (more than
 * one record for the serial: an old enrollment was not retired), `not-yet-seen`, and `not-seen` once the bound
 * passed. Each change is journalled (never the same state twice in a row) and told to `onChange`.
 */
import { MAX_BATCH_REQUESTS, type DeviceLookup, type EnrollmentApi } from './enrollment-api';
import type { EnrollmentEntry, EnrollmentJournal, EnrollmentState } from './enrollment-journal';
import type { ManagedDeviceRecord } from './enrollment-schemas';

export const DEFAULT_BOUND_MS = 30 * 60_000;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 5 * 60_000;

export const NOT_SEEN_CAUSES =
  'Likely causes: the device has no network (Wi-Fi not joined), the MDM push certificate expired, iOS/iPadOS is blocked by an enrollment restriction, the profile installed belongs to another tenant or profile, or the device was erased after the profile went on.';

export type EnrollmentEntryOf = Extract<EnrollmentEntry, { kind: 'enrollment' }>;

/** The state a lookup means, judged at `now` for a device done at `doneAt`. */
export function judge(
  serial: string,
  records: readonly ManagedDeviceRecord[],
  now: number,
  doneAt: number,
  boundMs: number,
): EnrollmentEntryOf {
  if (records.length === 0)
    return {
      kind: 'enrollment',
      serial,
      at: now,
      state: now - doneAt >= boundMs ? 'not-seen' : 'not-yet-seen',
      records: 0,
    };
  const times = records
    .map((r) => Date.parse(r.enrolledDateTime ?? ''))
    .filter((t) => Number.isFinite(t) && t >= 0);
  const latest =
    records.find((r) => Date.parse(r.enrolledDateTime ?? '') === Math.max(...times)) ?? records[0];
  const enrolledAt = times.length ? Math.max(...times) : undefined;
  return {
    kind: 'enrollment',
    serial,
    at: now,
    state: records.length > 1 ? 'several' : 'enrolled',
    ...(enrolledAt === undefined ? {} : { enrolledAt }),
    ...(latest?.deviceEnrollmentType ? { enrollmentType: latest.deviceEnrollmentType } : {}),
    ...(typeof latest?.isSupervised === 'boolean' ? { supervised: latest.isSupervised } : {}),
    records: records.length,
  };
}

/** Asks about many serials in batches of 20; serials left to retry are absent from the answer. */
export async function lookupAll(
  api: EnrollmentApi,
  serials: readonly string[],
): Promise<Map<string, DeviceLookup>> {
  const all = new Map<string, DeviceLookup>();
  for (let i = 0; i < serials.length; i += MAX_BATCH_REQUESTS) {
    for (const [s, l] of await api.lookupDevices(serials.slice(i, i + MAX_BATCH_REQUESTS))) all.set(s, l);
  }
  return all;
}

interface Watched {
  readonly doneAt: number;
  nextAt: number;
  wait: number;
  last?: EnrollmentState;
}

export interface EnrollmentWatcherOptions {
  readonly journal: EnrollmentJournal;
  readonly api: () => Promise<EnrollmentApi>;
  readonly now: () => number;
  readonly boundMs?: number;
  /** The first wait after a device is done (default 30 s); doubles up to 5 min. */
  readonly firstWaitMs?: number;
  /** Awaited, so a turn of `poll` ends only once every change has been told. */
  readonly onChange?: (entry: EnrollmentEntryOf) => void | Promise<void>;
  readonly log?: (event: string, detail?: unknown) => void;
}

export class EnrollmentWatcher {
  private readonly watched = new Map<string, Watched>();
  private timer: NodeJS.Timeout | undefined;
  private busy = false;

  constructor(private readonly options: EnrollmentWatcherOptions) {}

  get boundMs(): number {
    return this.options.boundMs ?? DEFAULT_BOUND_MS;
  }

  watch(serial: string, doneAt: number, last?: EnrollmentState): void {
    if (this.watched.has(serial)) return;
    const first = this.options.firstWaitMs ?? FIRST_WAIT_MS;
    this.watched.set(serial, {
      doneAt,
      nextAt: doneAt + first,
      wait: first,
      ...(last ? { last } : {}),
    });
  }

  watching(): string[] {
    return [...this.watched.keys()];
  }

  /** One turn: asks about every serial that is due (all of them with `force`). Never throws. */
  async poll(force = false): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const now = this.options.now();
      const due = [...this.watched].filter(([, w]) => force || w.nextAt <= now).map(([s]) => s);
      if (due.length === 0) return;
      let answers: Map<string, DeviceLookup>;
      try {
        answers = await lookupAll(await this.options.api(), due);
      } catch (error) {
        this.options.log?.('intune.enrollment-check-failed', {
          message: error instanceof Error ? error.message : 'unknown',
        });
        for (const s of due) this.later(s, now);
        return;
      }
      for (const serial of due) {
        const w = this.watched.get(serial);
        const answer = answers.get(serial);
        if (!w) continue;
        if (!answer || answer.kind === 'retry') {
          this.later(serial, now);
          continue;
        }
        const entry = judge(serial, answer.records, this.options.now(), w.doneAt, this.boundMs);
        if (entry.state !== w.last) {
          await this.options.journal.append(entry);
          w.last = entry.state;
          await this.options.onChange?.(entry);
        }
        if (entry.state === 'not-yet-seen') this.later(serial, now);
        else this.watched.delete(serial);
      }
    } finally {
      this.busy = false;
    }
  }

  private later(serial: string, now: number): void {
    const w = this.watched.get(serial);
    if (!w) return;
    w.nextAt = now + w.wait;
    w.wait = Math.min(w.wait * 2, MAX_WAIT_MS);
    // Past the bound, one more ask decides "not seen"; never sooner than the bound itself.
    if (w.nextAt > w.doneAt + this.boundMs) w.nextAt = Math.max(now + 1, w.doneAt + this.boundMs);
  }

  start(everyMs = 5_000): void {
    this.stop();
    this.timer = setInterval(() => void this.poll(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
