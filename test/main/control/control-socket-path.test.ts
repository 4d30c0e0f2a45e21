import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { controlSocketPath, MAX_SOCKET_PATH_BYTES } from '../../../main/control/control-socket-path';

describe('controlSocketPath', () => {
  it('is <data folder>/run/control.sock when that fits sun_path', () => {
    expect(controlSocketPath('/Users/it/Library/Application Support/Enroll Bench')).toBe(
      '/Users/it/Library/Application Support/Enroll Bench/run/control.sock',
    );
  });

  it('always fits sun_path, and two data folders never share a socket', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-zA-Z0-9 ._-]{1,40}$/), { minLength: 1, maxLength: 8 }),
        fc.array(fc.stringMatching(/^[a-zA-Z0-9 ._-]{1,40}$/), { minLength: 1, maxLength: 8 }),
        (a, b) => {
          const first = path.join('/', ...a);
          const second = path.join('/', ...b);
          const pa = controlSocketPath(first, '/var/folders/xy/T');
          expect(Buffer.byteLength(pa)).toBeLessThanOrEqual(MAX_SOCKET_PATH_BYTES);
          if (path.resolve(first) !== path.resolve(second))
            expect(pa).not.toBe(controlSocketPath(second, '/var/folders/xy/T'));
        },
      ),
    );
  });

  it('falls back to a private per-user folder in /tmp when the temporary folder is too deep as well', () => {
    const deep = `/${'d'.repeat(120)}`;
    const socket = controlSocketPath(deep, deep);
    expect(socket.startsWith('/tmp/enroll-bench-')).toBe(true);
    expect(Buffer.byteLength(socket)).toBeLessThanOrEqual(MAX_SOCKET_PATH_BYTES);
  });
});
