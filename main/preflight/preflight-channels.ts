/**
 * The preflight area's part of the contract: the checklist, and the clean-up of restore leftovers the
 * operator picked from it. Joined beside the other areas in main/app/compose-handlers.ts.
 */
import type { PreflightInvokeChannels } from '../../preload/contract';
import type { Result } from '../../preload/domain';
import type { CleanLeftoversOutcome, PreflightReport } from '../../preload/preflight-domain';
import { BenchError } from '../errors/bench-error';
import type { LogFn } from '../diagnostics/log-fn';
import { removeLeftovers } from './restore-leftovers';
import { runPreflight, type PreflightDeps } from './run-preflight';

export type PreflightChannelName = 'getPreflight' | 'cleanRestoreLeftovers';

const noTempFolder = new BenchError({
  code: 'invalid-request',
  title: 'Nothing to clean',
  detail: 'cfgutil has no temporary folder on this Mac, so there are no restore leftovers to delete.',
  retryable: false,
});

export class PreflightChannels implements Pick<PreflightInvokeChannels, PreflightChannelName> {
  constructor(
    private readonly deps: PreflightDeps,
    private readonly log: LogFn = () => {},
  ) {}

  /** The run under way, shared by every caller that asks meanwhile (one screen or sixty: one set of processes). */
  private inFlight: Promise<PreflightReport> | undefined;

  async getPreflight(): Promise<Result<PreflightReport>> {
    if (!this.inFlight) {
      const run = runPreflight(this.deps);
      this.inFlight = run;
      // Cleared when settled, so the next question after an answer gets a fresh report.
      void run.then(
        () => this.clearIfCurrent(run),
        () => this.clearIfCurrent(run),
      );
    }
    return { ok: true, value: await this.inFlight };
  }

  private clearIfCurrent(run: Promise<PreflightReport>): void {
    if (this.inFlight === run) this.inFlight = undefined;
  }

  async cleanRestoreLeftovers(req: {
    readonly names: readonly string[];
  }): Promise<Result<CleanLeftoversOutcome>> {
    const folder = await this.deps.tempFolder.locate();
    if (!folder) throw noTempFolder;
    const outcome = await removeLeftovers(folder, req.names, this.deps.now ? { now: this.deps.now() } : {});
    this.log('preflight.leftovers-cleaned', {
      folder,
      deleted: outcome.deleted,
      freedBytes: outcome.freedBytes,
      skipped: outcome.skipped.length,
    });
    return { ok: true, value: outcome };
  }

  /** Spreadable methods bound to this object, for the composition root. */
  methods(): Pick<PreflightInvokeChannels, PreflightChannelName> {
    return {
      getPreflight: () => this.getPreflight(),
      cleanRestoreLeftovers: (req) => this.cleanRestoreLeftovers(req),
    };
  }
}
