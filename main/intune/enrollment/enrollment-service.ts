/**
 * "Pushed and enrolled" as one service the app, `serve --simulate` and the CLI share (issue 25):
 *
 * - `beforeInstall` (ACME profiles): with push on, the serial is pushed before the install step, and the install
 *   waits for it: ACME direct enrollment needs the serial imported first. A refused push fails the step with
 *   Intune's reason (the serial stays queued; Retry pushes again).
 * - `deviceDone`: with push on and a SCEP profile, the serial is pushed now; in every case, when Intune is
 *   connected, the bench watches for the device to enroll (./enrollment-watcher.ts).
 * - `pushQueued` / `queueFromLog`: what `enroll-bench intune push` does.
 * - `verify`: one look now at many serials (`enroll-bench intune verify`).
 *
 * The profile pushed to is the one picked in Intune (`<accountId>_<guid>`; the import wants the bare GUID).
 */
import { sanitizeText } from '../../text/sanitize-text';
import { IntuneError } from '../intune-error';
import type { IntuneService } from '../intune-service';
import { bareProfileGuid, EnrollmentApi, isSerial } from './enrollment-api';
import { EnrollmentJournal, type FoldedJournal, type IntuneColumns } from './enrollment-journal';
import { EnrollmentWatcher, judge, lookupAll, type EnrollmentEntryOf } from './enrollment-watcher';
import { takePushTurn } from './push-lock';
import { SerialPusher, type PushOutcome } from './serial-pusher';

export type ProfileVariantName = 'scep' | 'acme' | 'unknown';

export interface EnrollmentServiceOptions {
  readonly dataDir: string;
  readonly intune: Pick<IntuneService, 'connection' | 'pushSerials'>;
  readonly now?: () => number;
  readonly boundMs?: number;
  readonly firstWaitMs?: number;
  readonly log?: (event: string, detail?: unknown) => void;
  /** Told whenever a serial's Intune columns change (the UI's card and Results). */
  readonly onChange?: (columns: IntuneColumns) => void;
}

export interface VerifyRow {
  readonly serial: string;
  readonly state: EnrollmentEntryOf['state'] | 'not-checked';
  readonly enrolledAt?: number;
  readonly enrollmentType?: string;
  readonly supervised?: boolean;
  readonly records?: number;
  readonly why?: string;
}

export class EnrollmentService {
  readonly journal: EnrollmentJournal;
  readonly watcher: EnrollmentWatcher;
  private readonly pusher: SerialPusher;
  private readonly now: () => number;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: EnrollmentServiceOptions) {
    this.now = options.now ?? Date.now;
    this.journal = new EnrollmentJournal(options.dataDir);
    this.pusher = new SerialPusher({
      journal: this.journal,
      now: this.now,
      turn: () => takePushTurn({ dataDir: options.dataDir }),
      target: async () => {
        const c = await this.options.intune.connection();
        return { api: new EnrollmentApi(c.graph), accountId: c.accountId };
      },
    });
    this.watcher = new EnrollmentWatcher({
      journal: this.journal,
      now: this.now,
      ...(options.boundMs === undefined ? {} : { boundMs: options.boundMs }),
      ...(options.firstWaitMs === undefined ? {} : { firstWaitMs: options.firstWaitMs }),
      api: async () => new EnrollmentApi((await this.options.intune.connection()).graph),
      onChange: (entry) => this.tell([entry.serial]).catch(() => undefined),
      ...(options.log ? { log: options.log } : {}),
    });
  }

  /** Tells `onChange` the current columns of every serial changed since the last call. */
  private async tell(serials?: readonly string[]): Promise<void> {
    if (!this.options.onChange) return;
    const folded = await this.journal.read();
    for (const s of serials ?? folded.columns.keys()) {
      const c = folded.columns.get(s);
      if (c) this.options.onChange(c);
    }
  }

  /** The picked Intune profile's bare GUID, or why serials cannot be pushed. */
  private async profileGuid(): Promise<string> {
    const { config } = await this.options.intune.connection();
    const guid = config.selected ? bareProfileGuid(config.selected.id) : undefined;
    if (!guid)
      throw new IntuneError(
        'not-found',
        'No Intune profile picked',
        'Serials are pushed for the Apple Configurator profile picked in Intune: pick and pull one (Settings › Intune, or enroll-bench intune pull --profile …).',
      );
    return guid;
  }

  /** ACME: push before the install; throws (the step fails with the reason) when Intune did not take it. */
  async beforeInstall(serial: string | undefined, variant: ProfileVariantName): Promise<void> {
    if (variant !== 'acme' || !(await this.options.intune.pushSerials())) return;
    if (!serial || !isSerial(serial))
      throw new IntuneError(
        'not-found',
        'No serial number to push',
        'The device has not shown its serial number yet; press Retry.',
      );
    const key = { serial, profileGuid: await this.profileGuid() };
    await this.pusher.queue(key, 'acme');
    const outcomes = await this.pusher.push({ only: [key] });
    await this.tell([serial]);
    const state = (await this.journal.read()).pushes.get(`${serial}|${key.profileGuid}`)?.state;
    if (state === 'pushed') return;
    const why = outcomes.find((o) => o.serial === serial)?.why ?? 'Intune did not take the serial.';
    throw new IntuneError(
      'refused-profile',
      'The serial is not in Intune yet',
      `ACME enrollment needs the serial imported first. ${why} It stays queued; press Retry to push again.`,
    );
  }

  /** A device finished on the bench: push it (SCEP) and watch for its enrollment. Never throws. */
  async deviceDone(
    serial: string | undefined,
    variant: ProfileVariantName,
    doneAt = this.now(),
  ): Promise<void> {
    if (!serial || !isSerial(serial)) return;
    try {
      if (variant !== 'acme' && (await this.options.intune.pushSerials())) {
        const key = { serial, profileGuid: await this.profileGuid() };
        await this.pusher.queue(key, 'scep');
        await this.pusher.push({ only: [key] });
      }
    } catch (error) {
      this.options.log?.('intune.push-failed', {
        serial,
        message: error instanceof Error ? error.message : 'unknown',
      });
    }
    this.watcher.watch(serial, doneAt, 'not-yet-seen');
    await this.journal
      .append({ kind: 'enrollment', serial, at: this.now(), state: 'not-yet-seen', records: 0 })
      .catch(() => undefined);
    await this.tell([serial]);
  }

  /** Queues the given serials (from the log) that are not pushed yet, then pushes all that is queued. */
  async push(serials: readonly string[], dryRun: boolean): Promise<PushOutcome[]> {
    const profileGuid = await this.profileGuid();
    const folded = await this.journal.read();
    const fresh = serials.filter(isSerial).filter((s) => !folded.pushes.has(`${s}|${profileGuid}`));
    if (dryRun) {
      const queued = await this.pusher.push({ dryRun: true });
      return [...queued, ...fresh.map((serial) => ({ serial, profileGuid, result: 'would-push' as const }))];
    }
    for (const serial of fresh) await this.pusher.queue({ serial, profileGuid }, 'command');
    const outcomes = await this.pusher.push();
    const already = serials
      .filter((s) => folded.pushes.get(`${s}|${profileGuid}`)?.state === 'pushed')
      .map((serial) => ({ serial, profileGuid, result: 'already-pushed' as const }));
    await this.tell();
    return [...already, ...outcomes];
  }

  /** Looks every serial up in Intune now; `doneAt` (from the log) judges "not seen after the bound". */
  async verify(serials: ReadonlyMap<string, number>): Promise<VerifyRow[]> {
    const { graph } = await this.options.intune.connection();
    const list = [...serials.keys()].filter(isSerial);
    const answers = await lookupAll(new EnrollmentApi(graph), list);
    const now = this.now();
    const folded = await this.journal.read();
    const rows: VerifyRow[] = [];
    for (const serial of list) {
      const answer = answers.get(serial);
      if (!answer || answer.kind === 'retry') {
        rows.push({
          serial,
          state: 'not-checked',
          why: sanitizeText(answer?.why ?? 'no answer', { maxLength: 200 }),
        });
        continue;
      }
      const entry = judge(serial, answer.records, now, serials.get(serial) ?? now, this.watcher.boundMs);
      if (folded.columns.get(serial)?.enrollment !== entry.state) await this.journal.append(entry);
      const { kind: _kind, at: _at, ...row } = entry;
      rows.push(row);
    }
    return rows;
  }

  columns(): Promise<FoldedJournal> {
    return this.journal.read();
  }

  /**
   * Pushes whatever is still queued (a failed push, or one cut off by a crash: it is looked up first, never
   * resent blindly), when serial push is on. Never throws; the journal keeps the reason of a failure.
   */
  async retryQueued(): Promise<void> {
    try {
      if (!(await this.options.intune.pushSerials())) return;
      const open = [...(await this.journal.read()).pushes.values()].filter((p) => p.state !== 'pushed');
      if (open.length === 0) return;
      const outcomes = await this.pusher.push();
      await this.tell(outcomes.map((o) => o.serial));
    } catch (error) {
      this.options.log?.('intune.push-retry-failed', {
        message: error instanceof Error ? error.message : 'unknown',
      });
    }
  }

  /**
   * After a start (or restart): pushes what is still queued, watches serials left "not yet seen" again, then
   * polls on a timer and retries queued pushes every `retryMs` (default 15 min).
   */
  async start(everyMs?: number, retryMs = 15 * 60_000): Promise<void> {
    const folded = await this.journal.read();
    for (const c of folded.columns.values())
      if (c.enrollment === 'not-yet-seen')
        this.watcher.watch(c.serial, c.checkedAt ?? this.now(), 'not-yet-seen');
    this.watcher.start(everyMs);
    // Not awaited: the app's start must not wait for Graph.
    void this.retryQueued();
    this.retryTimer = setInterval(() => void this.retryQueued(), retryMs);
    this.retryTimer.unref();
  }

  async close(): Promise<void> {
    if (this.retryTimer) clearInterval(this.retryTimer);
    this.retryTimer = undefined;
    this.watcher.stop();
    await this.journal.close();
  }
}
