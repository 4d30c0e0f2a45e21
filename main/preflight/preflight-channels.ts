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

  async getPreflight(): Promise<Result<PreflightReport>> {
    return { ok: true, value: await runPreflight(this.deps) };
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
