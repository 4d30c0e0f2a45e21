import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineWriter, terminalSafe, textWriter } from '../../../main/cli/terminal-output';

/** What must never reach a terminal raw: C0 but tab/LF/CR-before-LF, DEL, C1, bidi controls. */
// eslint-disable-next-line no-control-regex -- the point of the test
const UNSAFE = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;

describe('terminalSafe', () => {
  it('makes an escape sequence, a title change and a bidi override visible instead of acting', () => {
    const serial = 'F9FX\u001b[2J\u001b]0;pwned\u0007\u202eQ0A1';
    const safe = terminalSafe(`device ${serial} failed`);
    expect(safe).not.toMatch(UNSAFE);
    expect(safe).toContain('F9FX');
    expect(safe).toContain('<U+202E>');
  });

  it('keeps every line break as it was, so JSON stays JSON and CSV keeps CRLF', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 6 }), (lines) => {
        const text = lines.join('\n');
        const safe = terminalSafe(text);
        expect(safe.split('\n').length).toBe(text.split('\n').length);
        expect(safe).not.toMatch(UNSAFE);
      }),
    );
    expect(terminalSafe('a,b\r\nc,d\r\n')).toBe('a,b\r\nc,d\r\n');
    const report = { serial: 'X\u009b31m\u202e', name: 'iPad\u0085' };
    const json = terminalSafe(JSON.stringify(report, null, 2));
    expect(json).not.toMatch(UNSAFE);
    expect(JSON.parse(json)).toMatchObject({ serial: expect.stringMatching(/^X/) });
  });

  it('is what the line and text writers write', () => {
    const written: string[] = [];
    const stream = { write: (t: string) => void written.push(t) };
    lineWriter(stream)('a\u001b[31m');
    textWriter(stream)('b\u001b\n');
    expect(written).toEqual([`${terminalSafe('a\u001b[31m')}\n`, `${terminalSafe('b\u001b')}\n`]);
    expect(written.join('')).not.toMatch(UNSAFE);
  });
});
