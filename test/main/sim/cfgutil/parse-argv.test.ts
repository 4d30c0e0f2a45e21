import { describe, expect, it } from 'vitest';
import { parseArgv } from '../../../../main/sim/cfgutil/parse-argv';

describe('parseArgv', () => {
  it('reads every global option before the subcommand', () => {
    const result = parseArgv([
      '-C',
      'c.der',
      '--private-key',
      'k.der',
      '-e',
      '0xabc',
      '--ecid=0x0ABC',
      '-e',
      '0x1',
      '-f',
      '--format',
      'Json',
      '--progress',
      '--timeout',
      '30',
      '-v',
      '-v',
      'get',
      '-e',
      'x',
    ]);
    expect(result).toEqual({
      ok: true,
      invocation: {
        options: {
          certificate: 'c.der',
          privateKey: 'k.der',
          ecids: [0xabcn, 1n],
          foreach: true,
          format: 'json',
          progress: true,
          timeout: 30,
          verbose: 2,
        },
        command: 'get',
        args: ['-e', 'x'],
      },
    });
  });

  it('returns no command when only options are given', () => {
    const result = parseArgv(['--format', 'plist']);
    expect(result.ok && result.invocation.command).toBeUndefined();
  });

  it.each([
    [['-e', 'zzz', 'list'], 'invalid ECID "zzz"'],
    [['-C'], 'option -C requires a value'],
    [['--timeout', '-3', 'list'], 'invalid timeout "-3"'],
    [['--progress=yes', 'list'], 'option --progress takes no value'],
    [['--mdm', 'list'], 'unrecognized option "--mdm"'],
  ])('refuses %j with "%s"', (argv, message) => {
    expect(parseArgv(argv)).toEqual({ ok: false, message });
  });
});
