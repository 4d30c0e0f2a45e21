/**
 * A warning on quit while jobs run: quitting stops cfgutil mid-step, and an erase or prepare cut off
 * leaves the device to be started over. Keep running is the default button (Return, Escape).
 */
import type { JobActivity } from '../attention/job-activity';

export interface QuitQuestion {
  readonly message: string;
  readonly detail: string;
  readonly buttons: readonly [keep: string, quit: string];
}

/** Shows the question and answers the index of the button chosen (`dialog.showMessageBoxSync`). */
export type AskSync = (question: QuitQuestion) => number;

export function quitQuestion(inProgress: number): QuitQuestion {
  const devices = inProgress === 1 ? '1 device is' : `${inProgress} devices are`;
  return {
    message: `${devices} still being prepared`,
    detail:
      'Quitting now stops their steps where they are. A device cut off during erase or prepare has to be ' +
      'started again, and may need a restore. The bench log keeps what finished.',
    buttons: ['Keep Running', 'Quit Anyway'],
  };
}

export interface QuitGuard {
  /**
   * True when the app may quit now: no job in progress, or the operator said so. Asked both when the window
   * closes (which quits the app) and on Quit; once the operator has agreed, it is not asked again.
   */
  allowQuit(): boolean;
}

export function createQuitGuard(activity: JobActivity, ask: AskSync): QuitGuard {
  let agreed = false;
  return {
    allowQuit() {
      const inProgress = activity.jobsInProgress();
      if (agreed || inProgress === 0) return true;
      agreed = ask(quitQuestion(inProgress)) === 1;
      return agreed;
    },
  };
}
