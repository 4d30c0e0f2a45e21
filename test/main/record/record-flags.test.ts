import { describe, expect, it } from 'vitest';
import { flagSpec } from '../../../main/cli/command-table';
import { parseFlags, UsageError } from '../../../main/text/parse-flags';
import { recordFlagsFrom } from '../../../main/record/record-flags';

/** The one parsing path: the command table's spec for the command, then the three flags checked together. */
function parsed(command: 'run' | 'serve', argv: readonly string[]) {
  return recordFlagsFrom(parseFlags(argv, flagSpec(command)).flags);
}

describe('--record, --record-raw and --replay through the command table', () => {
  it.each(['run', 'serve'] as const)('%s reads them in either spelling beside its own flags', (command) => {
    expect(parsed(command, ['--simulate', '--record', 'a', '--record-raw', '--replay=b'])).toEqual({
      record: 'a',
      recordRaw: true,
      replay: 'b',
    });
    expect(parsed(command, ['--simulate'])).toEqual({ recordRaw: false });
  });

  it('field-check records too, and its flags check the same way', () => {
    const { flags } = parseFlags(['--record=x', '--record-raw'], flagSpec('field-check'));
    expect(recordFlagsFrom(flags)).toEqual({ record: 'x', recordRaw: true });
    expect(() => parseFlags(['--replay', 'b'], flagSpec('field-check'))).toThrow(/unknown option --replay/);
  });

  it('refuses a flag without its folder, and --record-raw without --record', () => {
    expect(() => parsed('run', ['--record'])).toThrow(UsageError);
    expect(() => parsed('serve', ['--replay', '--simulate'])).toThrow(UsageError);
    expect(() => parsed('run', ['--record-raw'])).toThrow(/needs --record/);
    expect(() => parsed('serve', ['--record-raw=yes', '--record', 'a'])).toThrow(/takes no value/);
  });

  it('the window (start) takes them too, and refuses what it does not know', () => {
    expect(parseFlags(['--record', 'a', '--record-raw'], flagSpec('start')).flags).toMatchObject({
      record: 'a',
      'record-raw': true,
    });
    expect(() => parseFlags(['--recording', 'a'], flagSpec('start'))).toThrow(/unknown option --recording/);
  });
});
