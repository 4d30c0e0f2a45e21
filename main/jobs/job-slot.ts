/** One device's place on the job board: its current job and what the bench knows of the device. */
import type { DeviceFacts, JobView, Workflow } from '../../preload/jobs-domain';
import type { DeviceRead } from './device-read';
import type { LastRead } from './last-read';

export interface JobSlot {
  view: JobView;
  /** Changes only when the operator switches an ADE job to direct enrollment (`switch-to-direct`). */
  workflow: Workflow;
  profileSha256?: string;
  controller?: AbortController;
  countdown?: unknown;
  facts?: DeviceFacts;
  values?: DeviceRead['values'];
  readonly lastRead: LastRead;
  /** Until when a detach is the job's own reboot, not a drop-off (clock milliseconds). */
  rebootUntil: number;
  /** Wakers of a job waiting for the operator's word (Continue / Retry). */
  words: Set<() => void>;
  /** A word given while no poll listened (the board's giveWord): the next poll of the same wait takes it. */
  wordPending?: boolean;
}
