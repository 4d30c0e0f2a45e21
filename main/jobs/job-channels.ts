/**
 * The jobs area's part of the contract (issue 9 item 9): arming, pausing, the workflow new jobs run, one
 * device's job, and retry-all. Composed beside the other areas in main/app/compose-handlers.ts; the workflow
 * channels (list/save/delete/previewNames) belong to the workflow store. Refusals are `BenchError`s, which the
 * dispatcher turns into `Result` failures.
 */
import type { JobInvokeChannels } from '../../preload/contract';
import type { Ecid, Result } from '../../preload/domain';
import type { JobAction, JobPhase, JobView, OperatorReason, RunStatus } from '../../preload/jobs-domain';
import { BenchError } from '../errors/bench-error';
import type { JobBoard } from './job-board';

export type JobChannelNames =
  'setArmed' | 'setPaused' | 'selectWorkflow' | 'jobAction' | 'retryFailed' | 'answerInUse';

const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export class JobChannels implements Pick<JobInvokeChannels, JobChannelNames> {
  /** `board` is read on every call: it changes when the engine does (and is undefined without one). */
  constructor(private readonly board: () => JobBoard | undefined) {}

  async setArmed(req: { readonly armed: boolean }): Promise<Result<RunStatus>> {
    return ok(this.require().setArmed(req.armed));
  }

  async setPaused(req: { readonly paused: boolean }): Promise<Result<RunStatus>> {
    return ok(this.require().setPaused(req.paused));
  }

  async selectWorkflow(req: { readonly workflowId: string }): Promise<Result<RunStatus>> {
    return ok(this.require().selectWorkflow(req.workflowId));
  }

  async jobAction(req: {
    readonly ecid: Ecid;
    readonly action: JobAction;
    readonly answers?: OperatorReason;
    readonly seen?: JobPhase;
  }): Promise<Result<JobView>> {
    const board = this.require();
    if (req.seen !== undefined)
      refuseMovedOn(
        board.views().find((view) => view.ecid === req.ecid),
        req.seen,
      );
    if (req.action !== 'continue') return ok(board.jobAction(req.ecid, req.action));
    // The operator's word wakes the wait; the step then re-reads the device where it can see the effect.
    const job = board.views().find((view) => view.ecid === req.ecid);
    refuseStaleAnswer(job, req.answers);
    return ok(board.jobAction(req.ecid, 'continue'));
  }

  async retryFailed(): Promise<Result<number>> {
    return ok(this.require().retryFailed());
  }

  /** Erase for every device held at the in-use question; the guard still checks each before the erase. */
  async answerInUse(): Promise<Result<number>> {
    return ok(this.require().answerInUse());
  }

  private require(): JobBoard {
    const board = this.board();
    if (board) return board;
    throw new BenchError({
      code: 'invalid-request',
      title: 'Provisioning is not running',
      detail: 'The bench has no engine yet: choose cfgutil or the simulator first.',
      retryable: false,
    });
  }
}

/** `continue` answers a wait: refused when there is none, or when the job now waits for something else. */
function refuseStaleAnswer(job: JobView | undefined, answers: OperatorReason | undefined): void {
  const refuse = (title: string, detail: string): never => {
    throw new BenchError({ code: 'invalid-request', title, detail, retryable: false });
  };
  if (!job) refuse('No job for this device', 'The device has no job: it may have been unplugged.');
  if (job?.phase !== 'waiting-for-operator' || !job.waiting)
    refuse('Not waiting for you', 'This job is not waiting for a person any more.');
  if (answers !== undefined && job?.waiting?.reason !== answers)
    refuse(
      'It now waits for something else',
      'The card changed since you pressed: read its new instruction, then answer that.',
    );
}

/**
 * An action chosen for the phase the operator saw (a bulk action, `enroll-bench jobs`): refused when the job
 * has moved on since, so it never acts on a state nobody chose it for.
 */
function refuseMovedOn(job: JobView | undefined, seen: JobPhase): void {
  if (!job || job.phase === seen) return; // No job: the board's own refusal names it.
  throw new BenchError({
    code: 'invalid-request',
    title: 'The card changed',
    detail: `The job is now ${job.phase.replaceAll('-', ' ')}, not ${seen.replaceAll('-', ' ')}: look at its card, then choose again.`,
    retryable: false,
  });
}
