/**
 * A cfgutil runner that hands the command straight to the simulated world in this process, instead of
 * spawning the simulator's executable (a Node process per command, ~50–100 ms of CPU on this machine, where a
 * real Mac starts a native binary). The world runs the very same command code (main/sim/cfgutil/answer-command.ts)
 * the executable would reach over its socket, so the device timings, output and exit codes are the
 * simulator's; only the process start is left out. Used by the cart figure to measure the bench's own
 * overhead; the figure also runs through the real spawn for comparison.
 */
import type { CfgutilClientOptions } from '../../../main/cfgutil/cfgutil-client';
import type { CfgutilRun, CfgutilRunOutcome } from '../../../main/cfgutil/run-cfgutil';
import { answerCommand as runInWorld } from '../../../main/sim/cfgutil/answer-command';
import type { SimWorld } from '../../../main/sim/index';

type CfgutilRunner = NonNullable<CfgutilClientOptions['runner']>;

export function inProcessRunner(world: SimWorld): CfgutilRunner {
  return async (cfgutilPath, args, given) => {
    const options = given ?? {};
    const started = performance.now();
    let stdout = '';
    let stderr = '';
    let outcome: CfgutilRunOutcome = 'exited';
    const abort = new AbortController();
    const onAbort = () => {
      outcome = 'cancelled';
      abort.abort();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = options.timeoutMs
      ? setTimeout(() => {
          outcome = 'timed-out';
          abort.abort();
        }, options.timeoutMs)
      : undefined;
    try {
      const end = await runInWorld(
        world,
        { argv: args, cwd: process.cwd() },
        { stdout: (d) => (stdout += d), stderr: (d) => (stderr += d) },
        abort.signal,
      );
      const run: CfgutilRun = {
        argv: [cfgutilPath, ...args],
        ...(options.label === undefined ? {} : { label: options.label }),
        exitCode: outcome === 'exited' && end.kind === 'exit' ? end.code : null,
        signal: end.kind === 'crash' ? (end.signal as NodeJS.Signals) : null,
        stdout,
        stderr,
        durationMs: performance.now() - started,
        outcome,
      };
      return run;
    } finally {
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    }
  };
}
