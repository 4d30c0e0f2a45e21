/**
 * Is this file Apple's cfgutil? Asked before a path chosen from the UI is run or saved, because a page that
 * can name any executable could otherwise make the bench run a script as the operator at every start.
 *
 * On macOS the answer comes from `codesign --verify` against a code requirement that only Apple's own
 * signature on cfgutil meets: `anchor apple` alone would also pass /bin/sh, hence the identifier. Elsewhere
 * (Linux) nothing can vouch for a file, and the answer is `unavailable`: the UI then cannot choose a path,
 * while `--cfgutil` and ENROLL_BENCH_CFGUTIL (the operator's own command line) still can.
 *
 * Assumption awaiting a real Mac: cfgutil's signing identifier is `com.apple.cfgutil` (README table).
 */
import { spawn } from 'node:child_process';

export type SignatureVerdict = 'apple' | 'not-apple' | 'unavailable';

/** The one question the locator asks; tests pass a fake. */
export interface CfgutilSignatureCheck {
  verify(absolutePath: string): Promise<SignatureVerdict>;
}

export const CODESIGN = '/usr/bin/codesign';

/** `=` makes codesign read the rest as requirement text rather than a file name. */
export const CFGUTIL_REQUIREMENT = '=anchor apple and identifier "com.apple.cfgutil"';

const TIMEOUT_MS = 15_000;

/** The argument array for codesign; never a shell, so nothing in the path is interpreted. */
export function codesignArgs(absolutePath: string): string[] {
  return ['--verify', '--strict', '-R', CFGUTIL_REQUIREMENT, absolutePath];
}

/** Runs a program with arguments and answers its exit code (null when it could not run or timed out). */
export type RunExitCode = (command: string, args: readonly string[]) => Promise<number | null>;

export const runExitCode: RunExitCode = (command, args) =>
  new Promise((resolve) => {
    const child = spawn(command, [...args], {
      stdio: 'ignore',
      shell: false,
      timeout: TIMEOUT_MS,
      killSignal: 'SIGKILL',
    });
    child.once('error', () => resolve(null));
    child.once('exit', (code, signal) => resolve(signal ? null : code));
  });

export interface CodesignCheckOptions {
  readonly platform?: NodeJS.Platform;
  readonly run?: RunExitCode;
}

export function createCodesignCheck(options: CodesignCheckOptions = {}): CfgutilSignatureCheck {
  const platform = options.platform ?? process.platform;
  const run = options.run ?? runExitCode;
  return {
    async verify(absolutePath) {
      if (platform !== 'darwin') return 'unavailable';
      // Any failure (missing file, unsigned, another signer, codesign missing or stuck) is the same answer.
      const code = await run(CODESIGN, codesignArgs(absolutePath));
      return code === 0 ? 'apple' : 'not-apple';
    },
  };
}
