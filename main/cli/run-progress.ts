/**
 * `run`'s progress on stderr: one plain line per job state change (step, phase, what it waits for), and on a
 * terminal one live summary line redrawn in place under them. With --json or no terminal, plain lines only.
 */
import type { JobView, RunStatus } from '../../preload/jobs-domain';

/** The header's counts in one line: the same counter (preload/counts.ts), the same measured time left. */
export function summaryLine(run: RunStatus): string {
  const c = run.counts;
  const eta =
    run.cartEtaMs !== undefined
      ? ` · about ${Math.ceil(run.cartEtaMs / 60_000)} min left`
      : run.cartEtaUnknown
        ? ' · time left not known yet'
        : '';
  return `${c.succeeded} done · ${c.running} running · ${c.waitingForOperator} waiting for you · ${c.failed} failed · ${c.queued} queued${eta}`;
}

/** The job's state in one line, or undefined when it says what the last one said. */
export function stateLine(job: JobView): string {
  const who = job.serialNumber ?? job.ecid;
  const where = job.step
    ? ` ${job.stepIndex === undefined ? '' : `${job.stepIndex + 1}/${job.stepCount} `}${job.step}`
    : '';
  const extra = job.waiting
    ? `: ${job.waiting.instruction}`
    : job.error && job.phase === 'failed'
      ? `: ${job.error.title}`
      : '';
  return `${who} ${job.phase}${where}${extra}`;
}

export interface ProgressOutput {
  /** A plain line (sanitised by the writer behind it). */
  readonly err: (line: string) => void;
  /** Redraws the live line; absent off a terminal and with --json. */
  readonly live?: (line: string) => void;
}

/** Plain lines that keep the live line (if any) drawn below them. */
export class RunProgress {
  private summary = '';
  private readonly last = new Map<string, string>();

  constructor(private readonly output: ProgressOutput) {}

  line(text: string): void {
    this.output.live?.('');
    this.output.err(text);
    this.output.live?.(this.summary);
  }

  job(job: JobView, now = new Date()): void {
    const line = stateLine(job);
    if (this.last.get(job.ecid) === line) return;
    this.last.set(job.ecid, line);
    this.line(`[${now.toISOString()}] ${line}`);
  }

  run(run: RunStatus): void {
    this.summary = summaryLine(run);
    this.output.live?.(this.summary);
  }

  /** Clears the live line for good. */
  end(): void {
    this.output.live?.('');
  }
}
