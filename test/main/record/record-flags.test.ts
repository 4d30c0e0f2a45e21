import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../main/cli/parse-flags';
import { takeRecordFlags } from '../../../main/record/record-flags';

describe('takeRecordFlags', () => {
  it('takes --record, --record-raw and --replay off, in either spelling, and leaves the rest in order', () => {
    expect(
      takeRecordFlags(['--simulate', '--record', 'a', '--port=1', '--record-raw', '--replay=b']),
    ).toEqual({
      rest: ['--simulate', '--port=1'],
      record: 'a',
      recordRaw: true,
      replay: 'b',
    });
    expect(takeRecordFlags(['--', '--record', 'x'])).toEqual({
      rest: ['--', '--record', 'x'],
      recordRaw: false,
    });
  });

  it('refuses a flag without its folder, and --record-raw without --record', () => {
    expect(() => takeRecordFlags(['--record'])).toThrow(UsageError);
    expect(() => takeRecordFlags(['--replay', '--simulate'])).toThrow(UsageError);
    expect(() => takeRecordFlags(['--record-raw'])).toThrow(/needs --record/);
  });
});
