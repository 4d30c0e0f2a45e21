/**
 * A `CfgutilRunner` that records every exchange of the runner it wraps, so the driver code is unchanged.
 *
 * The run's result is returned exactly as the inner runner produced it; the recording happens beside it and
 * its failures are reported, never thrown.
 */
import type { CfgutilRunner } from '../cfgutil/run-cfgutil';
import type { RecordingBundle } from './bundle-writer';

export function recordingRunner(inner: CfgutilRunner, bundle: RecordingBundle): CfgutilRunner {
  return async (cfgutilPath, args, options) => {
    const startedAtMs = bundle.elapsedMs();
    const env = options?.env;
    try {
      const run = await inner(cfgutilPath, args, options);
      await bundle.record({ args, startedAtMs, run, ...(env === undefined ? {} : { env }) });
      return run;
    } catch (error) {
      await bundle.record({
        args,
        startedAtMs,
        startError: error instanceof Error ? error.message : String(error),
        ...(env === undefined ? {} : { env }),
      });
      throw error;
    }
  };
}
