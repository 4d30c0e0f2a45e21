/**
 * What `--record` and `--replay` do to a command, in one call: start the replay (its cfgutil then stands in for
 * the real one), start the recording, and stop both on the way out.
 */
import { startReplay } from '../sim/replay/replay-world';
import { startCliRecording } from './cli-recording';
import type { RecordFlags } from './record-flags';

export interface RecordReplay {
  /** The replay's cfgutil, when `--replay` was given. */
  readonly cfgutilPath?: string;
  stop(): Promise<void>;
}

export async function startRecordReplay(
  flags: RecordFlags,
  context: {
    readonly recordedBy: string;
    readonly appVersion: string;
    readonly dataDir: string;
    readonly cfgutilPath?: string;
    readonly warn: (text: string) => void;
  },
): Promise<RecordReplay> {
  const replay = flags.replay === undefined ? undefined : await startReplay({ bundleDir: flags.replay });
  try {
    const cfgutilPath = replay?.cfgutilPath ?? context.cfgutilPath;
    const recording =
      flags.record === undefined
        ? undefined
        : await startCliRecording({
            dir: flags.record,
            raw: flags.recordRaw,
            recordedBy: context.recordedBy,
            appVersion: context.appVersion,
            dataDir: context.dataDir,
            ...(cfgutilPath === undefined ? {} : { cfgutilPath }),
            warn: context.warn,
          });
    if (recording) context.warn(`recording every cfgutil run into ${recording.bundle.dir}`);
    return {
      ...(replay ? { cfgutilPath: replay.cfgutilPath } : {}),
      async stop() {
        await recording?.stop();
        if (replay) {
          for (const miss of replay.unanswered()) context.warn(`the replay had no answer: ${miss}`);
          await replay.close();
        }
      },
    };
  } catch (error) {
    await replay?.close();
    throw error;
  }
}
