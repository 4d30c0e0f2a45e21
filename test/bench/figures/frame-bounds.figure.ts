/**
 * A hostile WebSocket frame: how long the server spends on an 8 MiB frame of nested brackets (`[[[[…`, which
 * froze the server for about 20 s before the depth bound) and on an 8 MiB frame that is one long string (a
 * legal frame of the largest size, parsed in full). Both are one call on the main thread, so each figure is
 * also the longest the event loop is blocked by such a frame. Printed, never asserted.
 */
import { parseClientFrame } from '../../../main/server/parse-client-frame';
import { emit, figure, round, say } from './figure-record';

const size = 8 * 1024 * 1024 - 64;

function time(text: string): { ms: number; kind: string } {
  const started = performance.now();
  const frame = parseClientFrame(text);
  return { ms: performance.now() - started, kind: frame.kind };
}

const nested = time('['.repeat(size));
const flat = time(
  JSON.stringify({ type: 'invoke', id: 1, channel: 'getSnapshot', args: ['x'.repeat(size)] }),
);
say(
  `8 MiB nested brackets: ${round(nested.ms, 1)} ms (${nested.kind}); 8 MiB string: ${round(flat.ms, 1)} ms (${flat.kind})`,
);
emit([
  figure(
    'frame bounds: 8 MiB of nested brackets refused',
    round(nested.ms, 1),
    'ms',
    ['<', 100],
    nested.kind,
  ),
  figure('frame bounds: 8 MiB string frame parsed', round(flat.ms, 1), 'ms', ['<', 200], flat.kind),
]);
