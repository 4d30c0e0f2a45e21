import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLineSplitter, truncatedMark } from '../../../main/cfgutil/line-splitter';

function split(chunks: (string | Buffer)[]): string[] {
  const lines: string[] = [];
  const splitter = createLineSplitter((line) => lines.push(line));
  for (const chunk of chunks) splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  splitter.end();
  return lines;
}

describe('createLineSplitter', () => {
  it('splits on \\n, \\r\\n and a lone \\r (progress redraws)', () => {
    expect(split(['a\nb\r\nc\rd'])).toEqual(['a', 'b', 'c', 'd']);
  });

  it('counts a \\r\\n split across chunks once', () => {
    expect(split(['one\r', '\ntwo\r', '', '\nthree'])).toEqual(['one', 'two', 'three']);
  });

  it('joins a line split across chunks and reports the unterminated last line at the end', () => {
    expect(split(['Step 2 of 3: Down', 'loading\nStep 3'])).toEqual(['Step 2 of 3: Downloading', 'Step 3']);
  });

  it('decodes a multi-byte character split across chunks', () => {
    const bytes = Buffer.from('Logan’s iPhone\n');
    const cut = bytes.indexOf(0x80); // inside the three bytes of ’
    expect(split([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(['Logan’s iPhone']);
  });

  it('drops empty lines', () => {
    expect(split(['\n\n\r\nx\n\n'])).toEqual(['x']);
  });

  it('cuts a line at the cap, drops the rest up to the next break and carries on', () => {
    const lines: string[] = [];
    const splitter = createLineSplitter((line) => lines.push(line), { maxLineChars: 10 });
    for (let i = 0; i < 100; i++) splitter.push(Buffer.from('x'.repeat(1000)));
    splitter.push(Buffer.from('\nnext\n'));
    splitter.end();
    expect(lines).toEqual([`${'x'.repeat(10)}${truncatedMark}`, 'next']);
  });

  it('reports the same lines however the bytes are chunked (property)', () => {
    const text = fc.stringMatching(/^[ab\r\n’]{0,60}$/);
    fc.assert(
      fc.property(text, fc.array(fc.nat(80), { maxLength: 6 }), (input, cuts) => {
        const bytes = Buffer.from(input);
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks: Buffer[] = [];
        let from = 0;
        for (const at of points) {
          chunks.push(bytes.subarray(from, at));
          from = at;
        }
        chunks.push(bytes.subarray(from));
        const expected = input.split(/\r\n|\n|\r/).filter((line) => line !== '');
        expect(split(chunks)).toEqual(expected);
      }),
    );
  });
});
