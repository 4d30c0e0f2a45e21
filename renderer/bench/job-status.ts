/**
 * A device's job in words: what the card's status line says, its tone and icon (never colour alone), and
 * which actions make sense now. Pure, so every phase is tested without rendering.
 */
import {
  skipReasonWords,
  type JobAction,
  type JobPhase,
  type JobView,
  type OperatorReason,
  type WorkflowStepKind,
} from '../../preload/jobs-domain';
import type { StatusIconName, StatusTone } from '../ui/status-icon';

export type JobTone = StatusTone | 'busy' | 'done' | 'failed';

export interface JobLook {
  readonly word: string;
  /** The same in a few words, for a full cart's narrow cards (the long form is their tooltip). */
  readonly short: string;
  readonly tone: JobTone;
  readonly icon: StatusIconName;
  /** Show the progress bar (running steps, and a device restarting between steps). */
  readonly showProgress: boolean;
  readonly actions: readonly JobAction[];
}

/** The step in words, as an IT tech says it. */
export const stepWords: Readonly<Record<WorkflowStepKind, string>> = {
  erase: 'Erasing',
  prepare: 'Supervising (prepare)',
  'prepare-ade': 'Fetching its ADE configuration (prepare --dep)',
  'confirm-ade-enrollment': 'Checking where it stands',
  'wait-until-settled': 'Waiting for it to restart',
  'finish-setup-assistant': 'Finishing Setup Assistant',
  'install-enrollment-profile': 'Installing the Intune profile',
  'verify-enrollment': 'Checking the profile is on it',
  rename: 'Renaming',
  'install-extra-profiles': 'Installing extra profiles',
  'shut-down': 'Shutting down',
};

const shortStepWords: Readonly<Record<WorkflowStepKind, string>> = {
  erase: 'Erasing',
  prepare: 'Supervising',
  'prepare-ade': 'ADE prepare',
  'confirm-ade-enrollment': 'Checking',
  'wait-until-settled': 'Restarting',
  'finish-setup-assistant': 'Setup Assistant',
  'install-enrollment-profile': 'Profile',
  'verify-enrollment': 'Verifying',
  rename: 'Renaming',
  'install-extra-profiles': 'Extra profiles',
  'shut-down': 'Shutting down',
};

/** What the person must do, in two or three words (the full instruction comes from main). */
export const reasonWords: Readonly<Record<OperatorReason, string>> = {
  'tap-trust': 'Tap Trust',
  'approve-profile': 'Approve',
  'unlock-device': 'Unlock it',
  'activation-lock': 'Find My on',
  'finish-setup-assistant': 'Finish setup',
  'reconnect-device': 'Replug it',
  'mac-offline': 'Mac offline',
  'confirm-rerun': 'Confirm rerun',
  'in-use': 'In use: erase?',
  'cannot-tell': 'Cannot tell',
};

/**
 * The button that answers each wait, named as its instruction names it ("…then press Continue"). None for a
 * wait the bench ends by itself (the device plugged back in). The bench re-reads the device on the answer.
 */
export const answerWords: Readonly<Record<OperatorReason, string | undefined>> = {
  'tap-trust': 'I tapped Trust',
  'approve-profile': 'I approved it',
  'unlock-device': 'It’s unlocked',
  'activation-lock': 'Retry',
  'finish-setup-assistant': 'Continue',
  'reconnect-device': undefined,
  'mac-offline': 'Retry',
  'confirm-rerun': 'Run again',
  // Its answer is Erase (start-now) or Skip, never a Continue: a word that is not Erase must not erase.
  'in-use': undefined,
  // The bench reads it again by itself on every poll; the button only reads sooner, never answers for it.
  'cannot-tell': 'Read again',
};

/** The words on an action's button; `continue` says what it answers. */
export function actionLabel(action: JobAction, waitingFor?: OperatorReason): string {
  if (action === 'continue' && waitingFor) return answerWords[waitingFor] ?? actionWords.continue;
  return actionWords[action];
}

/** The step's name in the workflow editor (a noun, not an activity). */
export const stepTitles: Readonly<Record<WorkflowStepKind, string>> = {
  erase: 'Erase',
  prepare: 'Prepare (supervise)',
  'prepare-ade': 'Prepare through ADE (--dep)',
  'confirm-ade-enrollment': 'Confirm ADE enrollment',
  'wait-until-settled': 'Wait until it restarts',
  'finish-setup-assistant': 'Finish Setup Assistant',
  'install-enrollment-profile': 'Install the Intune profile',
  'verify-enrollment': 'Verify enrollment',
  rename: 'Rename',
  'install-extra-profiles': 'Install extra profiles',
  'shut-down': 'Shut down',
};

/** The skip reasons' words are shared with main (the CLI's report says what the card says). */
const skipWords = skipReasonWords;

function look(
  word: string | readonly [string, string],
  tone: JobTone,
  icon: StatusIconName,
  actions: readonly JobAction[] = [],
  showProgress = false,
): JobLook {
  const [long, short] = typeof word === 'string' ? [word, word] : word;
  return { word: long, short, tone, icon, actions, showProgress };
}

/**
 * `now` (epoch ms) counts the countdown's seconds; without it the countdown just says it starts soon.
 * `armed: false` says a queued job waits for the operator (Start now, or the Armed switch), not for the bench.
 */
export function describeJob(job: JobView, now?: number, armed?: boolean): JobLook {
  const phase: JobPhase = job.phase;
  switch (phase) {
    case 'queued':
      return armed === false
        ? look(['Not armed: waiting for Start now', 'Not armed'], 'busy', 'clock', ['start-now', 'cancel'])
        : look(['Queued: starts soon', 'Queued'], 'busy', 'clock', ['cancel']);
    case 'countdown': {
      const left =
        job.countdownEndsAt !== undefined && now !== undefined ? job.countdownEndsAt - now : undefined;
      const seconds = left === undefined ? undefined : Math.max(0, Math.ceil(left / 1000));
      const words = seconds === undefined ? 'Starts soon' : `Starts in ${seconds} s`;
      return look([words, seconds === undefined ? 'Soon' : `${seconds} s`], 'attention', 'clock', [
        'start-now',
        'cancel',
        'skip',
      ]);
    }
    case 'running':
      return look(
        job.step ? [stepWords[job.step], shortStepWords[job.step]] : 'Working',
        'busy',
        'spinner',
        ['cancel'],
        true,
      );
    case 'waiting-for-reattach':
      return look(['Restarting: leave it plugged in', 'Restarting'], 'busy', 'spinner', ['cancel'], true);
    case 'waiting-for-operator':
      return look(
        ['Needs you', job.waiting ? reasonWords[job.waiting.reason] : 'Needs you'],
        'attention',
        'hand',
        // In use: the person's word is Erase (the job's "go on") or Skip; nothing else answers it (no
        // Continue: a word that is not Erase must never erase). Every other wait with an answer has its button.
        job.waiting?.reason === 'in-use'
          ? ['start-now', 'skip']
          : job.waiting && answerWords[job.waiting.reason]
            ? ['continue', 'cancel', 'skip']
            : ['cancel', 'skip'],
      );
    case 'succeeded':
      // An ADE device's end is what its own read showed (confirm-ade-enrollment), never a guessed success.
      if (job.adeStanding === 'ready-for-user')
        return look(
          ['Ready for its user: Setup Assistant will enroll it in Intune', 'Ready for its user'],
          'done',
          'check',
          ['rerun'],
        );
      if (job.adeStanding === 'enrolled') return look('Enrolled', 'done', 'check', ['rerun']);
      return look('Done – unplug', 'done', 'check', ['rerun']);
    case 'failed':
      return look(
        ['Failed', job.error ? `Failed: ${job.error.title}` : 'Failed'],
        'failed',
        'cross',
        // Retry even when retrying alone cannot help (retryable: false): the fix says what to change first,
        // and once the operator has (updated the Mac, removed Activation Lock), Retry is the way on.
        // A device with no ADE configuration can go on as direct enrollment instead, without a new erase.
        job.error?.code === 'configuration-unavailable'
          ? ['retry', 'switch-to-direct', 'skip']
          : ['retry', 'skip'],
      );
    case 'cancelled':
      return look('Cancelled', 'unknown', 'cross', ['retry']);
    case 'interrupted':
      return look('Interrupted', 'failed', 'warning', ['retry', 'skip']);
    case 'skipped':
      return look(
        `Skipped: ${job.skipReason ? skipWords[job.skipReason] : 'not run'}`,
        'unknown',
        'question',
      );
  }
}

/** The few actions a full cart's narrow card shows itself; the rest are in its details. */
export function compactActions(job: JobView, all: readonly JobAction[]): readonly JobAction[] {
  if (job.phase === 'failed' || job.phase === 'interrupted') return all.filter((a) => a === 'retry');
  // A queued card on a bench that is not armed shows no Start now here: forty of them would drown the one
  // switch that starts the cart (Armed); its full card, one click away, has it.
  if (job.phase === 'countdown') return ['start-now'];
  if (job.waiting?.reason === 'in-use') return all;
  // A wait's answer is the one thing that lets the job go on: every card that needs a person has it.
  if (job.phase === 'waiting-for-operator') return all.filter((a) => a === 'continue');
  return [];
}

export const actionWords: Readonly<Record<JobAction, string>> = {
  'start-now': 'Start now',
  cancel: 'Cancel',
  retry: 'Retry',
  skip: 'Skip',
  rerun: 'Run again',
  'switch-to-direct': 'Switch to direct enrollment',
  continue: 'Continue',
};

/** A wait in words: `under a minute`, `~14 min`, `~1 h 5 min`. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `~${minutes} min`;
  return `~${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Whole percent, never 100 before the job has really finished. */
export function percentOf(job: JobView): number {
  if (job.phase === 'succeeded') return 100;
  return Math.min(99, Math.max(0, Math.floor(job.progress * 100)));
}

/**
 * The device's own name beside ours (issue 19 item 4): the card says which phone it was, whatever the bench
 * named it. `shown` is the name the card shows now (the bench's final name, or the listed name mid-job);
 * undefined when there is nothing to add (no own name known, or it is the same name).
 */
export function ownNameNote(job: JobView | undefined, shown: string | undefined): string | undefined {
  const own = job?.deviceName;
  if (!own || own === shown) return undefined;
  return `was ${own}`;
}

/** The final-name line of a finished card: "iPad-F9FX… (was Logan's iPhone)" when the names differ. */
export function finalNameLine(job: JobView): string | undefined {
  if (!job.finalName) return undefined;
  const note = ownNameNote(job, job.finalName);
  return note ? `${job.finalName} (${note})` : job.finalName;
}
