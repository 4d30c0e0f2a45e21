import type { CfgutilRun, CfgutilRunner, RunCfgutilOptions } from '../../../main/cfgutil/run-cfgutil';

export interface RecordedCall {
  readonly path: string;
  readonly args: readonly string[];
  readonly options: RunCfgutilOptions;
}

export type Reply = Partial<Omit<CfgutilRun, 'argv'>>;

/** A runner that records every call and answers from `reply` (a fixed run, or one computed from the args). */
export function fakeRunner(reply: Reply | ((args: readonly string[]) => Reply)): {
  runner: CfgutilRunner;
  calls: RecordedCall[];
} {
  const calls: RecordedCall[] = [];
  const runner: CfgutilRunner = (path, args, options = {}) => {
    calls.push({ path, args, options });
    const answer = typeof reply === 'function' ? reply(args) : reply;
    return Promise.resolve(completedRun({ argv: [path, ...args], ...answer }));
  };
  return { runner, calls };
}

/** A run that exited 0 with no output, with `fields` laid over it. */
export function completedRun(fields: Partial<CfgutilRun> = {}): CfgutilRun {
  return {
    argv: ['/cfgutil'],
    exitCode: 0,
    signal: null,
    stdout: '',
    stderr: '',
    durationMs: 1,
    outcome: 'exited',
    ...fields,
  };
}

/** A success envelope as cfgutil prints it (§6.1). */
export function envelope(command: string, output: Record<string, unknown>, devices: string[]): string {
  return `${JSON.stringify({ Command: command, Output: output, Type: 'CommandOutput', Devices: devices })}\n`;
}

/** A failure envelope as cfgutil prints it (§6.1). */
export function errorEnvelope(
  command: string,
  code: number | undefined,
  message: string,
  affected: string[],
  extra: Record<string, unknown> = {},
): string {
  return `${JSON.stringify({ Command: command, Type: 'Error', Message: message, ...(code === undefined ? {} : { Code: code }), Domain: 'ConfigurationUtilityKit.error', FailureReason: '', AffectedDevices: affected, UnaffectedDevices: [], ...extra })}\n`;
}
