import { describe, expect, it } from 'vitest';
import {
  CODESIGN,
  codesignArgs,
  createCodesignCheck,
  runExitCode,
  type RunExitCode,
} from '../../../main/cfgutil/verify-cfgutil-signature';

function recordingRun(code: number | null) {
  const calls: { command: string; args: readonly string[] }[] = [];
  const run: RunExitCode = async (command, args) => {
    calls.push({ command, args });
    return code;
  };
  return { calls, run };
}

describe('createCodesignCheck', () => {
  it('on macOS asks codesign, with an argument array, for Apple’s signature on cfgutil itself', async () => {
    const { calls, run } = recordingRun(0);
    const check = createCodesignCheck({ platform: 'darwin', run });
    expect(await check.verify('/usr/local/bin/cfgutil')).toBe('apple');
    expect(calls).toEqual([{ command: CODESIGN, args: codesignArgs('/usr/local/bin/cfgutil') }]);
    expect(calls[0]?.args).toEqual([
      '--verify',
      '--strict',
      '-R',
      '=anchor apple and identifier "com.apple.cfgutil"',
      '/usr/local/bin/cfgutil',
    ]);
  });

  it.each([1, 3, null])('treats codesign exit %s as not Apple’s cfgutil', async (code) => {
    const check = createCodesignCheck({ platform: 'darwin', run: recordingRun(code).run });
    expect(await check.verify('/bin/sh')).toBe('not-apple');
  });

  it('cannot vouch for anything where codesign does not exist, and runs nothing', async () => {
    const { calls, run } = recordingRun(0);
    expect(await createCodesignCheck({ platform: 'linux', run }).verify('/bin/sh')).toBe('unavailable');
    expect(calls).toEqual([]);
  });
});

describe('runExitCode', () => {
  it('answers the exit code without a shell, and null when the program is missing', async () => {
    expect(await runExitCode(process.execPath, ['-e', 'process.exit(3)'])).toBe(3);
    // A shell would run the second command; spawn passes it to node as a plain argument.
    expect(await runExitCode(process.execPath, ['-e', 'process.exit(0)', '; exit 7'])).toBe(0);
    expect(await runExitCode('/nonexistent/codesign', [])).toBeNull();
  });
});
