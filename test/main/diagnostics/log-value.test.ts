import { describe, expect, it } from 'vitest';
import { BenchError } from '../../../main/errors/bench-error';
import { cleanLogText, toLogValue } from '../../../main/diagnostics/log-value';

describe('cleanLogText', () => {
  it('is the shared sanitiser: line breaks become spaces, escape codes, C1 and bidi controls visible marks', () => {
    expect(cleanLogText('a\nb\r\tc')).toBe('a b  c');
    expect(cleanLogText('\u001b[2K\u001b[1GVerdict: READY')).toBe('␛[2K␛[1GVerdict: READY');
    expect(cleanLogText('x\u009by\u202ez\u2066w\u2028')).toBe('x<U+009B>y<U+202E>z<U+2066>w ');
    expect(cleanLogText('Café ▸ iPad')).toBe('Café ▸ iPad');
  });

  it('caps long text with an ellipsis', () => {
    const long = cleanLogText('x'.repeat(10_000));
    expect(long).toHaveLength(300);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('toLogValue', () => {
  it('keeps plain data, cleaning strings and keys at every level', () => {
    expect(toLogValue({ path: '/a\nb', 'k\ney': [1, true, null, 'ok'] })).toEqual({
      path: '/a b',
      'k ey': [1, true, null, 'ok'],
    });
  });

  it('turns errors into their name, message and code, without the stack', () => {
    const plain = Object.assign(new Error('spawn /x\nENOENT'), { code: 'ENOENT' });
    expect(toLogValue(plain)).toEqual({
      name: 'Error',
      message: 'spawn /x ENOENT',
      code: 'ENOENT',
    });
    const bench = new BenchError({ code: 'timed-out', title: 'Too slow', detail: 'd', retryable: true });
    expect(toLogValue({ error: bench })).toMatchObject({ error: { code: 'timed-out', title: 'Too slow' } });
  });

  it('never dumps bytes and withholds values under secret-looking keys', () => {
    expect(
      toLogValue({
        bytes: new Uint8Array(5000),
        password: 'hunter2',
        Challenge: 'scep-secret',
        dataBase64: 'AAAA',
        token: 't',
        fileName: 'a.p12',
      }),
    ).toEqual({
      bytes: '[5000 bytes]',
      password: '[withheld]',
      Challenge: '[withheld]',
      dataBase64: '[withheld]',
      token: '[withheld]',
      fileName: 'a.p12',
    });
  });

  it('bounds depth, arrays, keys and odd values (cycles, BigInt, NaN, functions)', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(JSON.stringify(toLogValue(cycle))).toBe('{"self":{"self":{"self":{"self":"[…]"}}}}');
    expect(toLogValue(Array.from({ length: 50 }, (_, i) => i))).toHaveLength(21);
    const wide = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, i]));
    expect(Object.keys(toLogValue(wide) as object)).toHaveLength(31);
    expect(toLogValue([10n, Number.NaN, () => 1, undefined])).toEqual(['10', 'NaN', '[function]', null]);
  });
});
