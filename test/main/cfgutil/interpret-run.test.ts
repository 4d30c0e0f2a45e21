import { describe, expect, it } from 'vitest';
import { CfgutilError } from '../../../main/cfgutil/cfgutil-error';
import { interpretRun } from '../../../main/cfgutil/interpret-run';
import { completedRun } from './fake-runner';
import { readFixture } from './process-helpers';

const ECID = '0x8294E3A41001C';

const run = completedRun;

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof CfgutilError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('interpretRun', () => {
  it('prefers the failure envelope over everything else', () => {
    const stdout = readFixture('error-configuration-unavailable.json');
    expect(
      codeOf(() =>
        interpretRun(run({ exitCode: 0, stdout, stderr: 'cfgutil: error: no devices found' }), {
          ecid: ECID,
        }),
      ),
    ).toBe('configuration-unavailable');
  });

  it('uses the stderr error when the success envelope does not mention the device', () => {
    const stdout = readFixture('list-empty.json');
    const stderr = 'cfgutil: error: no devices found\n';
    expect(codeOf(() => interpretRun(run({ exitCode: 1, stdout, stderr }), { ecid: ECID }))).toBe(
      'no-devices-found',
    );
  });

  it('trusts a success envelope that mentions the device, whatever the exit code (partial get, §7.2)', () => {
    const result = interpretRun(run({ exitCode: 1, stdout: readFixture('get-two-devices.json') }), {
      ecid: '0x970E80428AC26',
    });
    expect(result.kind).toBe('output');
  });

  it('ignores a bare error that belongs to another device', () => {
    const result = interpretRun(run({ stdout: readFixture('action-bare-error.json') }), {
      ecid: '0x970E80428AC26',
    });
    expect(result.kind).toBe('output');
  });

  it('takes an empty stdout with exit 0 and a quiet stderr as success, but not with exit 1', () => {
    expect(interpretRun(run({ exitCode: 0 })).kind).toBe('output');
    expect(codeOf(() => interpretRun(run({ exitCode: 1 })))).toBe('output-unparseable');
  });

  it('keeps the raw text of unreadable output for the log', () => {
    try {
      interpretRun(run({ stdout: '#### MobileDevice: AMDeviceConnect ###' }));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CfgutilError);
      expect((error as CfgutilError).info.originalMessage).toContain('AMDeviceConnect');
      expect((error as CfgutilError).run?.stdout).toBe('#### MobileDevice: AMDeviceConnect ###');
    }
  });

  it('returns an expected code instead of throwing it', () => {
    const result = interpretRun(run({ exitCode: 1, stdout: readFixture('error-625-french.json') }), {
      ecid: ECID,
      expectedCodes: ['needs-user-approval'],
    });
    expect(result.kind).toBe('expected');
    if (result.kind === 'expected') expect(result.error.info.cfgutilCode).toBe(625);
  });
});
