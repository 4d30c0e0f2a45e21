import { describe, expect, it } from 'vitest';
import { createLineSplitter } from '../../../main/cfgutil/line-splitter';

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
});
