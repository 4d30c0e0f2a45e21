/**
 * What one cfgutil process left behind: argv, exit, output and how it ended. Written by ./run-cfgutil.ts (the
 * one spawn), read by the error model and the interpreter.
 */
/** How a run ended. Only `exited` means cfgutil finished on its own; its exit code is then meaningful. */
export type CfgutilRunOutcome = 'exited' | 'timed-out' | 'cancelled' | 'output-too-large';

/** Everything about one cfgutil process, kept for the log and for error classification. */
export interface CfgutilRun {
  /** The full command line, path first, as passed to `spawn` (no shell quoting involved). */
  readonly argv: readonly string[];
  readonly label?: string;
  readonly pid?: number;
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
  readonly outcome: CfgutilRunOutcome;
  /**
   * `error` events seen after the process started (a failed kill, a broken pipe), for the log. They do not change
   * the outcome: the exit decides it. Absent when there were none.
   */
  readonly processErrors?: readonly string[];
  /** With outcome `output-too-large`: the cap that was passed, for `outputTooLargeMessage` in ./run-cfgutil.ts. */
  readonly outputLimitBytes?: number;
}
