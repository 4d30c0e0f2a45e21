/**
 * Pushes queued serials to Intune at most once per serial and profile (the journal's protocol):
 *
 * 1. A `push-started` without a result (a crash mid-push) is settled first: if Intune already holds the serial
 *    for that profile it is recorded as pushed and not sent again; otherwise it is queued like any other.
 * 2. The rest go in chunks per profile: `push-started` for each, one import call, a `push-result` per item.
 * 3. An item Intune refuses is looked up once: if it is there already (another bench pushed it), it counts as
 *    pushed; otherwise it stays queued with Intune's reason. A call that fails keeps every item queued.
 *
 * One push runs at a time in a process, and one per data folder across processes (./push-lock.ts): a push
 * waits for its turn, then reads the journal afresh, so what another process pushed meanwhile is not sent again.
 */
import { IntuneError, type IntuneReason } from '../intune-error';
import { IMPORT_CHUNK, type EnrollmentApi } from './enrollment-api';
import { pushKey, type EnrollmentJournal, type PushKey, type PushState } from './enrollment-journal';
import { busyPushWhy, type PushTurn } from './push-lock';

/** Failures that mean Intune turned the call away before importing anything. */
const TURNED_AWAY: ReadonlySet<IntuneReason> = new Set<IntuneReason>([
  'signed-out',
  'token-expired',
  'consent-not-granted',
  'missing-scope',
  'missing-role',
  'no-licence',
  'throttled',
  'not-found',
]);

export interface PushTarget {
  readonly api: EnrollmentApi;
  readonly accountId: string;
}

export interface PushOutcome {
  readonly serial: string;
  readonly profileGuid: string;
  readonly result: 'pushed' | 'already-pushed' | 'failed' | 'would-push';
  readonly why?: string;
}

export interface SerialPusherOptions {
  readonly journal: EnrollmentJournal;
  readonly target: () => Promise<PushTarget>;
  readonly now: () => number;
  /** The data folder's push turn across processes; absent in a single-process test. */
  readonly turn?: () => Promise<PushTurn>;
}

export class SerialPusher {
  private running: Promise<PushOutcome[]> = Promise.resolve([]);

  constructor(private readonly options: SerialPusherOptions) {}

  /** Queues a serial for a profile; does nothing when it is already pushed or queued for it. */
  async queue(key: PushKey, via: 'acme' | 'scep' | 'command'): Promise<PushState> {
    const known = (await this.options.journal.read()).pushes.get(pushKey(key));
    if (known) return known.state;
    await this.options.journal.append({ kind: 'push-queued', ...key, at: this.options.now(), via });
    return 'queued';
  }

  /** Pushes every queued serial (only `only`, when given). `dryRun` says what would go, sending nothing. */
  push(opts: { readonly only?: readonly PushKey[]; readonly dryRun?: boolean } = {}): Promise<PushOutcome[]> {
    const next = this.running.catch(() => []).then(() => this.inTurn(opts));
    this.running = next;
    return next;
  }

  /** A dry run reads only; a real push waits for the data folder's turn and reads the journal inside it. */
  private async inTurn(opts: {
    readonly only?: readonly PushKey[];
    readonly dryRun?: boolean;
  }): Promise<PushOutcome[]> {
    if (opts.dryRun || !this.options.turn) return this.pushNow(opts);
    const turn = await this.options.turn();
    if (turn.kind === 'mine') {
      try {
        return await this.pushNow(opts);
      } finally {
        turn.release();
      }
    }
    const why = busyPushWhy(turn.holder);
    const wanted = opts.only ? new Set(opts.only.map(pushKey)) : undefined;
    const folded = await this.options.journal.read();
    return [...folded.pushes.entries()]
      .filter(([k, p]) => p.state !== 'pushed' && (!wanted || wanted.has(k)))
      .map(([, p]) => ({ ...p.key, result: 'failed' as const, why }));
  }

  private async pushNow(opts: {
    readonly only?: readonly PushKey[];
    readonly dryRun?: boolean;
  }): Promise<PushOutcome[]> {
    const { journal, now } = this.options;
    const folded = await journal.read();
    const wanted = opts.only ? new Set(opts.only.map(pushKey)) : undefined;
    const open = [...folded.pushes.entries()].filter(
      ([k, p]) => p.state !== 'pushed' && (!wanted || wanted.has(k)),
    );
    const outcomes: PushOutcome[] = [];
    if (opts.dryRun) {
      return open.map(([, p]) => ({
        ...p.key,
        result: 'would-push' as const,
        ...(p.why ? { why: p.why } : {}),
      }));
    }
    if (open.length === 0) return outcomes;
    const target = await this.options.target();
    const toSend: PushKey[] = [];
    for (const [, p] of open) {
      if (p.lookFirst && (await target.api.isImported(target.accountId, p.key.serial, p.key.profileGuid))) {
        await journal.append({ kind: 'push-result', ...p.key, at: now(), ok: true, reconciled: true });
        outcomes.push({ ...p.key, result: 'already-pushed' });
      } else toSend.push(p.key);
    }
    const byProfile = new Map<string, string[]>();
    for (const k of toSend) byProfile.set(k.profileGuid, [...(byProfile.get(k.profileGuid) ?? []), k.serial]);
    for (const [profileGuid, serials] of byProfile) {
      for (let i = 0; i < serials.length; i += IMPORT_CHUNK) {
        const chunk = serials.slice(i, i + IMPORT_CHUNK);
        for (const serial of chunk)
          await journal.append({ kind: 'push-started', serial, profileGuid, at: now() });
        let results;
        try {
          results = await target.api.importSerials(target.accountId, chunk, profileGuid);
        } catch (error) {
          const why =
            error instanceof IntuneError
              ? `${error.info.title}. ${error.info.detail}`
              : 'The push failed; the diagnostics log has the details.';
          // A refusal Intune answered (4xx, 429) imported nothing; a timeout or a lost answer may have.
          const uncertain = !(error instanceof IntuneError) || !TURNED_AWAY.has(error.reason);
          for (const serial of chunk) {
            await journal.append({
              kind: 'push-result',
              serial,
              profileGuid,
              at: now(),
              ok: false,
              why,
              ...(uncertain ? { uncertain } : {}),
            });
            outcomes.push({ serial, profileGuid, result: 'failed', why });
          }
          continue;
        }
        for (const r of results) {
          let ok = r.ok;
          let already = false;
          if (!ok) {
            already = await target.api.isImported(target.accountId, r.serial, profileGuid).catch(() => false);
            ok = already;
          }
          await journal.append({
            kind: 'push-result',
            serial: r.serial,
            profileGuid,
            at: now(),
            ok,
            ...(ok ? {} : { why: r.why ?? 'Intune refused it.' }),
            ...(already ? { reconciled: true } : {}),
          });
          outcomes.push({
            serial: r.serial,
            profileGuid,
            result: already ? 'already-pushed' : ok ? 'pushed' : 'failed',
            ...(ok ? {} : { why: r.why ?? 'Intune refused it.' }),
          });
        }
      }
    }
    return outcomes;
  }
}
