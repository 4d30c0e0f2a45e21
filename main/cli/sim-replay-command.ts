/**
 * `enroll-bench sim replay BUNDLE`: a cfgutil that answers from a recording (main/sim/replay/).
 *
 * Prints the executable's path and runs until interrupted; point `run --cfgutil`, `field-check --cfgutil` or the
 * app at it, or use `serve --replay BUNDLE`, which does both. On the way out it names every request the recording
 * could not answer, so a field report becomes a regression test the same day.
 */
import { BundleError } from '../record/bundle-reader';
import { startReplay } from '../sim/replay/replay-world';
import { EXIT } from './exit-codes';
import { UsageError } from '../text/parse-flags';
import { stderrLine, stdoutLine } from './terminal-output';

export interface ReplayCommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Resolves when the operator stops it; tests pass a promise they control. */
  readonly stopped?: Promise<void>;
}

const defaultIo: ReplayCommandIo = { out: stdoutLine, err: stderrLine };

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

export async function runSimReplay(
  argv: readonly string[],
  io: ReplayCommandIo = defaultIo,
): Promise<number> {
  const [bundleDir, ...extra] = argv;
  if (bundleDir === undefined || bundleDir.startsWith('-'))
    throw new UsageError('sim replay needs the folder of a recording: enroll-bench sim replay BUNDLE');
  if (extra.length > 0) throw new UsageError(`sim replay takes one folder (got "${extra[0]}" too)`);
  let replay;
  try {
    replay = await startReplay({ bundleDir });
  } catch (error) {
    if (error instanceof BundleError) {
      io.err(`enroll-bench: ${error.info.detail}`);
      return EXIT.failed;
    }
    throw error;
  }
  for (const warning of replay.bundle.warnings) io.err(`enroll-bench: ${warning}`);
  io.out(
    `replaying ${replay.bundle.exchanges.length} cfgutil exchanges recorded by ${replay.bundle.manifest.recordedBy} on ${replay.bundle.manifest.createdAt}\ncfgutil: ${replay.cfgutilPath}`,
  );
  await (io.stopped ?? untilStopped());
  const misses = replay.unanswered();
  await replay.close();
  for (const miss of misses) io.err(`enroll-bench: no recorded answer: ${miss}`);
  io.err(
    `enroll-bench: ${misses.length} request(s) had no recorded answer; ${replay.leftOver()} recorded device exchange(s) were never asked for.`,
  );
  return misses.length === 0 ? EXIT.ok : EXIT.failed;
}
