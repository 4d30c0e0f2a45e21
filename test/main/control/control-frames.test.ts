import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LineBuffer,
  MAX_DEPTH,
  MAX_LINE_BYTES,
  nestingDepth,
  parseRequest,
} from '../../../main/control/control-frames';

describe('nestingDepth', () => {
  it('equals the real depth of any JSON value (brackets inside strings do not count)', () => {
    const depthOf = (v: unknown): number =>
      Array.isArray(v)
        ? 1 + Math.max(0, ...v.map(depthOf))
        : v !== null && typeof v === 'object'
          ? 1 + Math.max(0, ...Object.values(v).map(depthOf))
          : 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        expect(nestingDepth(JSON.stringify(v))).toBe(depthOf(v));
      }),
    );
  });
});

describe('parseRequest', () => {
  it('refuses a deep or huge line before parsing it, and anything not a known shape', () => {
    expect(parseRequest('['.repeat(200_000))).toEqual({ refused: `request nested deeper than ${MAX_DEPTH}` });
    expect(parseRequest(`"${'x'.repeat(MAX_LINE_BYTES)}"`)).toMatchObject({
      refused: expect.stringMatching(/longer/),
    });
    expect(parseRequest('{')).toEqual({ refused: 'request is not JSON' });
    expect(parseRequest('{"t":"invoke","id":1,"channel":"x"}')).toEqual({
      refused: 'request has no known shape',
    });
    expect(parseRequest('{"t":"invoke","id":1,"channel":"getSnapshot","args":[]}')).toEqual({
      t: 'invoke',
      id: 1,
      channel: 'getSnapshot',
      args: [],
    });
    expect(parseRequest('{"t":"subscribe"}')).toEqual({ t: 'subscribe' });
  });
});

describe('LineBuffer', () => {
  it('gives back the lines however the stream is cut, and reports a line past the cap', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[^\n]{0,20}$/), { maxLength: 10 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (lines, cuts) => {
          const text = lines.map((l) => `${l}\n`).join('');
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const buffer = new LineBuffer(1000);
          const got: string[] = [];
          let from = 0;
          for (const at of [...points, text.length]) {
            const out = buffer.push(text.slice(from, at));
            if (out !== 'too-long') got.push(...out);
            from = at;
          }
          expect(got).toEqual(lines);
        },
      ),
    );
    expect(new LineBuffer(10).push('x'.repeat(11))).toBe('too-long');
  });
});
