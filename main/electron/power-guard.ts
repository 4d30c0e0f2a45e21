/**
 * No system sleep while jobs run: a Mac that sleeps mid-erase or mid-prepare drops every device off USB.
 * The display may still sleep (`prevent-app-suspension`, not `prevent-display-sleep`).
 */
import type { JobActivity } from '../attention/job-activity';

/** Electron's `powerSaveBlocker`, as far as this needs it. */
export interface PowerSaveBlockerLike {
  start(type: 'prevent-app-suspension'): number;
  stop(id: number): void;
}

export function keepAwakeWhileJobsRun(activity: JobActivity, blocker: PowerSaveBlockerLike): () => void {
  let blockId: number | undefined;
  const release = () => {
    if (blockId === undefined) return;
    blocker.stop(blockId);
    blockId = undefined;
  };
  const update = () => {
    const busy = activity.jobsInProgress() > 0;
    if (busy && blockId === undefined) blockId = blocker.start('prevent-app-suspension');
    if (!busy) release();
  };
  const stop = activity.onChange(update);
  update();
  return () => {
    stop();
    release();
  };
}
