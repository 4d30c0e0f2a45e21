/**
 * A running bench follows its settings file: `enroll-bench settings set` from a terminal (another process on
 * the same data folder) or a hand edit applies without a restart, as a save in the Settings panel does.
 *
 * The folder is watched rather than the file: saves replace the file by renaming a temporary one over it,
 * which ends a watch on the old file. Changes are debounced, and read as at start (bad fields ignored and
 * reported, an unreadable file moved aside), so a half-typed edit cannot stop the bench. A save through the
 * followed store itself (the Settings panel) is not reported: the panel's caller applies it, so every save
 * reaches the bench exactly once, by one path.
 */
import { watch } from 'node:fs';
import path from 'node:path';
import { withDefaults, type BenchSettings } from './bench-settings';
import type { SettingsStore } from './settings-store';

export interface FollowSettingsOptions {
  /** The bench's own store: a save made through it was applied by its caller, so it is not reported again. */
  readonly store: Pick<SettingsStore, 'loadChange'>;
  readonly file: string;
  readonly onChange: (settings: BenchSettings, problems: readonly string[]) => void;
  readonly debounceMs?: number;
}

/** Starts following; returns the stop function. A folder that cannot be watched leaves settings as they are. */
export function followSettingsFile(options: FollowSettingsOptions): () => void {
  const name = path.basename(options.file);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const reread = async (): Promise<void> => {
    const loaded = await options.store.loadChange();
    if (loaded && !stopped) options.onChange(withDefaults(loaded.settings), loaded.problems);
  };
  try {
    const watcher = watch(path.dirname(options.file), { persistent: false }, (_event, changed) => {
      if (changed !== null && String(changed) !== name) return;
      clearTimeout(timer);
      timer = setTimeout(() => void reread().catch(() => undefined), options.debounceMs ?? 250);
    });
    watcher.on('error', () => watcher.close());
    return () => {
      stopped = true;
      clearTimeout(timer);
      watcher.close();
    };
  } catch {
    return () => clearTimeout(timer);
  }
}
