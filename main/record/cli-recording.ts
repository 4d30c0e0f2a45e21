/**
 * `--record DIR [--record-raw]` for a command: starts the bundle, installs the recording decorator for every
 * cfgutil client the command composes, and remembers the bundle in the data folder for `diagnostics export`.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { setCfgutilRunnerDecorator } from '../cfgutil/recording/process-runner';
import { writeFileAtomic } from '../storage/atomic-write';
import { type RecordingBundle, startRecording } from './bundle-writer';
import { recordingRunner } from './recording-runner';

export interface CliRecording {
  readonly bundle: RecordingBundle;
  stop(): Promise<void>;
}

/** Where the latest bundle's folder is noted, inside the data folder. */
export function lastRecordingNote(dataDir: string): string {
  return path.join(dataDir, 'logs', 'last-recording.json');
}

export const RAW_WARNING =
  '--record-raw keeps real serial numbers, ECIDs, UDIDs and device names in the recording: do not attach it to a public report.';

export async function startCliRecording(options: {
  readonly dir: string;
  readonly raw: boolean;
  readonly recordedBy: string;
  readonly appVersion: string;
  readonly dataDir: string;
  readonly cfgutilPath?: string;
  readonly warn: (text: string) => void;
}): Promise<CliRecording> {
  const dir = path.resolve(options.dir);
  if (options.raw) options.warn(RAW_WARNING);
  let reported = false;
  const bundle = await startRecording({
    dir,
    recordedBy: options.recordedBy,
    appVersion: options.appVersion,
    raw: options.raw,
    ...(options.cfgutilPath === undefined ? {} : { cfgutilPath: options.cfgutilPath }),
    onError: (error) => {
      if (reported) return;
      reported = true;
      options.warn(
        `the recording in ${dir} could not be written (${String(error)}); the run goes on without it`,
      );
    },
  });
  const remove = setCfgutilRunnerDecorator((inner) => recordingRunner(inner, bundle));
  try {
    await mkdir(path.dirname(lastRecordingNote(options.dataDir)), { recursive: true, mode: 0o700 });
    await writeFileAtomic(
      lastRecordingNote(options.dataDir),
      `${JSON.stringify({ dir, createdAt: new Date().toISOString() })}\n`,
      0o600,
    );
  } catch {
    // Only `diagnostics export` reads the note; a recording without it is still complete.
  }
  return {
    bundle,
    async stop() {
      remove();
      await bundle.close();
    },
  };
}
