/**
 * cfgutil output without line breaks: the line splitter fed 16 MB and 32 MB with no newline in 64 KB chunks (the
 * size a pipe delivers), as the spawn module feeds it. Before the linear splitter this took 15 s and 177 s on the
 * main thread; the target is well under a second for 32 MB. The longest event-loop block is the slowest single
 * chunk, since each chunk is handled in one go. Figures are printed, never asserted.
 */
import { createLineSplitter } from '../../../main/cfgutil/line-splitter';
import { emit, figure, info, round, say } from './figure-record';

const chunkBytes = 64 * 1024;

function measure(totalMb: number): { seconds: number; slowestChunkMs: number; lines: number } {
  const chunk = Buffer.alloc(chunkBytes, 0x78); // "x", never a line break
  let lines = 0;
  const splitter = createLineSplitter(() => (lines += 1));
  let slowest = 0;
  const started = performance.now();
  for (let sent = 0; sent < totalMb * 1024 * 1024; sent += chunkBytes) {
    const before = performance.now();
    splitter.push(chunk);
    slowest = Math.max(slowest, performance.now() - before);
  }
  splitter.end();
  return { seconds: (performance.now() - started) / 1000, slowestChunkMs: slowest, lines };
}

const records = [];
for (const mb of [16, 32]) {
  const m = measure(mb);
  say(
    `${mb} MB, no newline: ${round(m.seconds, 3)} s, slowest chunk ${round(m.slowestChunkMs, 2)} ms, ${m.lines} line`,
  );
  records.push(
    figure(`line splitter: ${mb} MB without a newline`, round(m.seconds, 3), 's', ['<', 1], '64 KB chunks'),
    info(`line splitter: ${mb} MB slowest chunk`, round(m.slowestChunkMs, 2), 'ms'),
  );
}
emit(records);
