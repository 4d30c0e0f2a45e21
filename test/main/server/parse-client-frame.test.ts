import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxFrameDepth, nestsDeeperThan, parseClientFrame } from '../../../main/server/parse-client-frame';

function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (typeof value === 'object' && value !== null)
    return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

describe('nestsDeeperThan', () => {
  it('agrees with the parsed depth of any JSON value, strings with brackets and escapes included (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.nat(9), (value, max) => {
        const text = JSON.stringify(value);
        expect(nestsDeeperThan(text, max)).toBe(depthOf(value) > max);
      }),
    );
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan(JSON.stringify({ a: '[[[[\\"[[[[' }), 1)).toBe(false);
  });
});

describe('parseClientFrame', () => {
  it('refuses a frame nested deeper than the bound before parsing it, whatever its size', () => {
    const deep = `{"type":"invoke","id":1,"channel":"getSnapshot","args":${'['.repeat(maxFrameDepth)}${']'.repeat(maxFrameDepth)}}`;
    expect(parseClientFrame(deep)).toEqual({
      kind: 'unusable',
      detail: `frame nests deeper than ${maxFrameDepth} levels`,
    });
    // 8 MiB of brackets, unbalanced: refused by the scan (JSON.parse never sees it).
    expect(parseClientFrame('['.repeat(8 * 1024 * 1024)).kind).toBe('unusable');
  });

  it('accepts a frame at the bound', () => {
    const args = `${'['.repeat(maxFrameDepth - 1)}${']'.repeat(maxFrameDepth - 1)}`;
    const frame = parseClientFrame(`{"type":"invoke","id":1,"channel":"getSnapshot","args":${args}}`);
    expect(frame.kind).toBe('invoke');
  });
});
