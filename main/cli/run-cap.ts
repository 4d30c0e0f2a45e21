/**
 * The heavy-step cap over one `enroll-bench run`, for its --json report: the operator's number, the cap in
 * force when the run ended, the lowest cap in force at any moment, and every note the bench gave when it
 * lowered the cap itself (devices dropping off USB mid-step). A script checks "a clean cart never lowered
 * the cap" with `lowestInForce === setting && lowered.length === 0`.
 *
 * It sees every run status the board announces (the board announces each change of the cap), plus the one
 * read at the start and at the end, so no lowering between two announcements can go unseen.
 */
import type { RunStatus } from '../../preload/jobs-domain';

export interface RunCapReport {
  /** The operator's number (Settings, or --concurrency for this run). */
  readonly setting: number;
  readonly inForceAtEnd: number;
  readonly lowestInForce: number;
  /** The bench's own words each time it lowered the cap, in order. */
  readonly lowered: readonly string[];
}

type CapStatus = Pick<RunStatus, 'concurrency' | 'concurrencySetting' | 'concurrencyNote'>;

export class RunCapRecord {
  private setting: number | undefined;
  private last: number | undefined;
  private lowest: number | undefined;
  private readonly notes: string[] = [];

  see(run: CapStatus): void {
    // The bench lowered it: the cap came down from what it was, below the operator's number (an operator who
    // lowers the setting lowers both). Its note says why; a raise's note is not a lowering.
    const setting = run.concurrencySetting ?? run.concurrency;
    const cameDown = this.last !== undefined && run.concurrency < this.last && run.concurrency < setting;
    if (cameDown) this.notes.push(run.concurrencyNote ?? `Lowered to ${run.concurrency}.`);
    this.setting = setting;
    this.last = run.concurrency;
    this.lowest = Math.min(this.lowest ?? run.concurrency, run.concurrency);
  }

  /** Undefined until a status was seen (the run never started a board). */
  report(): RunCapReport | undefined {
    if (this.setting === undefined || this.last === undefined || this.lowest === undefined) return undefined;
    return {
      setting: this.setting,
      inForceAtEnd: this.last,
      lowestInForce: this.lowest,
      lowered: [...this.notes],
    };
  }
}
