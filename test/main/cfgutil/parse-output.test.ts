import { describe, expect, it } from 'vitest';
import {
  type CommandOutputEnvelope,
  type ErrorEnvelope,
  type ParsedStdout,
  parseErrorCode,
  MAX_STDERR_LINE,
  parseStderr,
  parseStdout,
} from '../../../main/cfgutil/parse-output';
import { readFixture } from './process-helpers';

function asOutput(parsed: ParsedStdout): CommandOutputEnvelope {
  expect(parsed.kind).toBe('output');
  return parsed as CommandOutputEnvelope;
}

function asError(parsed: ParsedStdout): ErrorEnvelope {
  expect(parsed.kind).toBe('error');
  return parsed as ErrorEnvelope;
}

const compactList = readFixture('list-compact.json');
const prettyList = readFixture('list-pretty.json');

describe('parseStdout: the success envelope (§6.1)', () => {
  const listVariants: [string, string][] = [
    ['compact, as printed by cfgutil 2.20', compactList],
    ['compact, without a trailing newline', compactList.trim()],
    [
      're-indented with tabs and CRLF',
      JSON.stringify(JSON.parse(compactList), null, '\t').replace(/\n/g, '\r\n'),
    ],
    [
      'after objc noise lines',
      `objc[123]: Class AMSupportURLConnectionDelegate is implemented in both. Which one is undefined.\n${compactList}`,
    ],
    [
      'after text progress lines',
      `Waiting for the device [1/1] [*****]  100%\nStep 1 of 1: Listing\n${compactList}`,
    ],
    [
      'after JSON progress records',
      `{"Type":"Progress","Percent":10}\n{"Type":"Progress","Percent":100}\n${compactList}`,
    ],
    ['after a truncated earlier envelope', `{"Command":"list","Output":{"0x1":\n${compactList}`],
    ['with a byte-order mark', `\uFEFF${compactList}`],
    ['with blank lines around it', `\n\n   ${compactList}\n\n`],
  ];

  it.each(listVariants)('reads the list envelope %s', (_name, stdout) => {
    const parsed = asOutput(parseStdout(stdout));
    expect(parsed.command).toBe('list');
    expect(parsed.devices).toEqual(['0x8294E3A41001C']);
    expect(parsed.outputs.get('0x8294E3A41001C')).toMatchObject({
      name: 'Logan’s iPhone',
      locationID: 17825792,
    });
    expect(parsed.deviceErrors.size).toBe(0);
  });

  it('reads pretty output with two devices, keeping the Devices order', () => {
    const parsed = asOutput(parseStdout(prettyList));
    expect(parsed.devices).toEqual(['0x8294E3A41001C', '0x1C604A3405801E']);
    expect(parsed.outputs.get('0x1C604A3405801E')).toMatchObject({ name: 'Cart 3 · iPad 🍎' });
  });

  it('reads the empty list', () => {
    const parsed = asOutput(parseStdout(readFixture('list-empty.json')));
    expect(parsed.devices).toEqual([]);
    expect(parsed.outputs.size).toBe(0);
  });

  it('takes the last envelope when two complete ones are printed', () => {
    const first = compactList.replace(/Logan’s iPhone/, 'Old name');
    const parsed = asOutput(parseStdout(`${first}\n${compactList}`));
    expect(parsed.outputs.get('0x8294E3A41001C')).toMatchObject({ name: 'Logan’s iPhone' });
  });

  it('normalizes ECIDs written in lower case or with leading zeros, merging duplicates', () => {
    const stdout = JSON.stringify({
      Command: 'get',
      Type: 'CommandOutput',
      Devices: ['0x0008294e3a41001c', 'not-an-ecid', 42],
      Output: {
        '0x0008294e3a41001c': { isPaired: true },
        '0x8294E3A41001C': { name: 'iPhone' },
        Errors: { '0X8294E3A41001C': { serialNumber: { Code: -402653158, Message: 'locked' } } },
      },
    });
    const parsed = asOutput(parseStdout(stdout));
    expect(parsed.devices).toEqual(['0x8294E3A41001C']);
    expect(parsed.outputs.get('0x8294E3A41001C')).toEqual({ isPaired: true, name: 'iPhone' });
    expect(parsed.propertyErrors.get('0x8294E3A41001C')?.get('serialNumber')?.code).toBe(-402653158);
  });

  it('ignores extra keys at every level', () => {
    const stdout = JSON.stringify({
      Command: 'list',
      Type: 'CommandOutput',
      Devices: ['0x8294E3A41001C'],
      Version: 3,
      Output: { '0x8294E3A41001C': { name: 'A', futureKey: [1, 2] }, Summary: { count: 1 }, face: {} },
    });
    const parsed = asOutput(parseStdout(stdout));
    expect([...parsed.outputs.keys()]).toEqual(['0x8294E3A41001C']);
    expect(parsed.outputs.get('0x8294E3A41001C')).toMatchObject({ futureKey: [1, 2] });
  });

  it('derives the device list from Output when Devices is absent', () => {
    const parsed = asOutput(
      parseStdout('{"Command":"get","Type":"CommandOutput","Output":{"0xABCDEF12":{"x":1}}}'),
    );
    expect(parsed.devices).toEqual(['0xABCDEF12']);
  });
});

describe('parseStdout: errors inside the success envelope (§6.1)', () => {
  it('reads per-property errors next to values (Wi-Fi iPad without IMEI)', () => {
    const parsed = asOutput(parseStdout(readFixture('get-wifi-ipad.json')));
    expect(parsed.outputs.get('0x970E80428AC26')).toMatchObject({ serialNumber: 'DLXQK7WRGMLD' });
    expect(parsed.propertyErrors.get('0x970E80428AC26')?.get('IMEI')).toEqual({
      code: -402653163,
      domain: 'com.apple.configurator.MobileDeviceKit.amd.error',
      message: 'The value is missing.',
      failureReason: '',
      detail: undefined,
    });
    expect(parsed.deviceErrors.size).toBe(0);
  });

  it('keeps errors per device when several devices answer, and an empty Errors dict means none', () => {
    const parsed = asOutput(parseStdout(readFixture('get-two-devices.json')));
    expect(parsed.propertyErrors.has('0x970E80428AC26')).toBe(false);
    expect(parsed.propertyErrors.get('0xA64D620D30D26')?.get('serialNumber')?.code).toBe(-402653158);
  });

  it('reads the bare per-ECID error dict that action commands use', () => {
    const parsed = asOutput(parseStdout(readFixture('action-bare-error.json')));
    expect(parsed.deviceErrors.get('0x8294E3A41001C')).toMatchObject({
      code: -402653052,
      message: 'The device was disconnected.',
    });
    expect(parsed.propertyErrors.size).toBe(0);
  });

  it('accepts a bare error given as a plain message string', () => {
    const parsed = asOutput(
      parseStdout('{"Type":"CommandOutput","Output":{"Errors":{"0x8294E3A41001C":"boom"}}}'),
    );
    expect(parsed.deviceErrors.get('0x8294E3A41001C')).toEqual({ message: 'boom' });
  });
});

describe('parseStdout: the failure envelope (§6.1)', () => {
  it('reads code, message, domain and affected devices', () => {
    const parsed = asError(parseStdout(readFixture('error-configuration-unavailable.json')));
    expect(parsed.command).toBe('prepare');
    expect(parsed.error).toMatchObject({
      code: 33001,
      message: 'The configuration is not available.',
      domain: 'ConfigurationUtilityKit.error',
    });
    expect(parsed.affectedDevices).toEqual(['0x4F709DB29F9']);
    expect(parsed.unaffectedDevices).toEqual([]);
  });

  it('reads Detail, and normalizes the device lists', () => {
    expect(asError(parseStdout(readFixture('error-offline.json'))).error.detail).toBe(
      'Network communication error.',
    );
    const mixed = asError(parseStdout(readFixture('error-mixed.json')));
    expect(mixed.affectedDevices).toEqual(['0xA64D620D30D26']);
    expect(mixed.unaffectedDevices).toEqual(['0x8294E3A41001C']);
  });

  it('reads an error envelope without a code', () => {
    const parsed = asError(parseStdout(readFixture('error-busy.json')));
    expect(parsed.error.code).toBeUndefined();
    expect(parsed.error.message).toContain('already in use');
  });
});

describe('parseStdout: garbage never throws and keeps the raw text', () => {
  const huge = `${'Waiting for the device [1/3] [*****]\n'.repeat(200_000)}${compactList}`;
  const braces = '{\n'.repeat(50_000);
  const garbage: [string, string][] = [
    ['empty stdout', ''],
    ['only whitespace', ' \n\t\n'],
    ['truncated JSON', compactList.slice(0, 120)],
    ['binary junk', '\u0000\u00ff\u00fe{"Com\uFFFD\n\u0007'],
    ['text-mode output', 'Type: iPhone14,4\tECID: 0x1C604A3405801E\tUDID: 00008110-001C604A3405801E'],
    ['a JSON array', '[1,2,3]'],
    ['JSON that is not an envelope', '{"hello":"world"}'],
    ['an unknown Type', '{"Type":"Progress","Percent":50}'],
    ['thousands of unterminated braces', braces],
    ['a string that never closes', `{"Command":"list","Output":"${'a'.repeat(10_000)}`],
  ];

  it.each(garbage)('reports %s as unparseable', (_name, stdout) => {
    const parsed = parseStdout(stdout);
    expect(parsed.kind).toBe('unparseable');
    if (parsed.kind === 'unparseable') {
      expect(parsed.raw).toBe(stdout);
      expect(parsed.reason.length).toBeGreaterThan(0);
    }
  });

  it('finds the envelope after megabytes of progress output', () => {
    expect(huge.length).toBeGreaterThan(5_000_000);
    const parsed = asOutput(parseStdout(huge));
    expect(parsed.devices).toEqual(['0x8294E3A41001C']);
  });

  it('treats an Output that is not an object as having no devices', () => {
    const parsed = asOutput(
      parseStdout('{"Command":"version","Type":"CommandOutput","Output":"2.20 (1001.5)"}'),
    );
    expect(parsed.outputs.size).toBe(0);
    expect(parsed.output).toBe('2.20 (1001.5)');
  });
});

describe('parseErrorCode', () => {
  it.each([
    [625, 625],
    ['612', 612],
    [' -402653158 ', -402653158],
    ['0xE800001A', -402653158],
    [1.5, undefined],
    ['six', undefined],
    [null, undefined],
    [{ Code: 1 }, undefined],
  ])('reads %j as %j', (input, expected) => {
    expect(parseErrorCode(input)).toBe(expected);
  });
});

describe('parseStderr (§6.2)', () => {
  it('finds "no devices found" among objc noise, in JSON mode too', () => {
    const findings = parseStderr(
      'objc[812]: Class AMSupportURLSession is implemented in both. Which one is undefined.\ncfgutil: error: no devices found\n',
    );
    expect(findings.errors).toEqual([{ message: 'no devices found' }]);
    expect(findings.warnings).toEqual([]);
  });

  it('joins the (Domain: … Code: …) line to the error above it', () => {
    const findings = parseStderr(
      'cfgutil: error: User interaction on the device is required to install this profile.\r\n(Domain: ConfigurationUtilityKit.error Code: 625)\r\n',
    );
    expect(findings.errors).toEqual([
      {
        message: 'User interaction on the device is required to install this profile.',
        domain: 'ConfigurationUtilityKit.error',
        code: 625,
      },
    ]);
  });

  it('reads the domain and code when they share the error line', () => {
    const findings = parseStderr(
      'cfgutil: error: The device is passcode protected. (Domain: com.apple.configurator.MobileDeviceKit.amd.error Code: -402653158)',
    );
    expect(findings.errors[0]).toEqual({
      message: 'The device is passcode protected.',
      domain: 'com.apple.configurator.MobileDeviceKit.amd.error',
      code: -402653158,
    });
  });

  it('reports warnings separately', () => {
    expect(parseStderr('cfgutil: warning: no such profile\n').warnings).toEqual([
      { message: 'no such profile' },
    ]);
  });

  it('ignores everything else, including binary junk', () => {
    expect(parseStderr('\u0000\u00ff garbage\n(Domain: x Code: 5)\n')).toEqual({ errors: [], warnings: [] });
  });

  it('reads a domain that contains spaces, up to the last word before Code:', () => {
    const findings = parseStderr('cfgutil: error: Failed.\n(Domain: Some Odd Domain Code: 0x1F)\n');
    expect(findings.errors).toEqual([{ message: 'Failed.', domain: 'Some Odd Domain', code: 31 }]);
  });

  it('needs whitespace before Code: and a closing parenthesis, as before', () => {
    const findings = parseStderr(
      'cfgutil: error: Failed.\n(Domain: x Code: 5\n(Domain: x-Code: 5)\n(Domain: Code: 7)\n',
    );
    expect(findings.errors).toEqual([{ message: 'Failed.', domain: '', code: 7 }]);
  });

  // Each of these lines took from seconds to minutes with the old `/\(Domain:\s*(.*?)\s+Code:…/`; the per-test
  // timeout is the guard (no clock is read here).
  const HUGE = 100_000;
  it('reads a 100 KB line of whitespace as nothing', { timeout: 2_000 }, () => {
    const findings = parseStderr(`cfgutil: error: Failed.\n${' '.repeat(HUGE)}\n`);
    expect(findings.errors).toEqual([{ message: 'Failed.' }]);
  });

  it('reads a 100 KB "(Domain: " line as carrying no domain', { timeout: 2_000 }, () => {
    const padding = ' '.repeat(HUGE);
    const findings = parseStderr(
      `cfgutil: error: Failed.\n(Domain: ${padding}\ncfgutil: warning: (Domain: ${padding}Code: 5\n`,
    );
    expect(findings.errors).toEqual([{ message: 'Failed.' }]);
    expect(findings.warnings).toHaveLength(1);
    expect(findings.warnings[0]?.domain).toBeUndefined();
    expect(findings.warnings[0]?.code).toBeUndefined();
  });

  it('reads a 100 KB error line that ends in a line separator', { timeout: 2_000 }, () => {
    const line = `cfgutil: error:${' '.repeat(1_000)}${'a'.repeat(HUGE)}\u2028`;
    const [error] = parseStderr(line).errors;
    // Capped by the one sanitiser, with the ellipsis that says so.
    expect(error?.message).toMatch(/^a+…$/);
    expect(error?.message?.length).toBeLessThan(MAX_STDERR_LINE);
    expect(error?.message?.length).toBeLessThanOrEqual(1000);
  });

  it('passes error text through the sanitiser: no escape codes, newlines or bidi controls', () => {
    const [error] = parseStderr('cfgutil: error: Busy\u001b[31m \u202Egnp.\u0007\n').errors;
    expect(error?.message).toBe('Busy␛[31m <U+202E>gnp.␇');
    const parsed = parseStdout(
      JSON.stringify({
        Command: 'get',
        Type: 'CommandOutput',
        Devices: ['0x1A2B3C4D5E6F7'],
        Output: {
          Errors: { '0x1A2B3C4D5E6F7': { Message: 'Locked\n\u001b[2KVerdict: READY', Code: 33001 } },
        },
      }),
    );
    expect(parsed.kind).toBe('output');
    if (parsed.kind !== 'output') return;
    expect(parsed.deviceErrors.get('0x1A2B3C4D5E6F7')?.message).toBe('Locked ␛[2KVerdict: READY');
  });

  it('still finds errors and domains on either side of a runaway line', { timeout: 2_000 }, () => {
    const findings = parseStderr(
      `cfgutil: error: Busy.\n${'(Domain: '.repeat(HUGE / 9)}\n(Domain: ConfigurationUtilityKit.error Code: 612)\n`,
    );
    expect(findings.errors).toEqual([
      { message: 'Busy.', domain: 'ConfigurationUtilityKit.error', code: 612 },
    ]);
  });
});
