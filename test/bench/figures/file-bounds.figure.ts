/**
 * Hostile files for `log merge` (issue 23 item 5): a 60 MB JSON export of empty lists (`[[],[],…]`, under the
 * 64 MB size cap but over the container cap) is refused by one scan before JSON.parse, where parsing it whole
 * took minutes and gigabytes; a named pipe is refused at open. The figures are the time to the refusal and
 * the extra memory it took. Printed, never asserted.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readLogFile } from '../../../main/log/merge-logs';
import { emit, figure, round, say } from './figure-record';

const dir = await mkdtemp(path.join(os.tmpdir(), 'eb-file-bounds-'));
try {
  const empties = path.join(dir, 'empties.json');
  await writeFile(empties, `[${'[],'.repeat(20_000_000)}[]]`);
  const pipe = path.join(dir, 'pipe.jsonl');
  execFileSync('mkfifo', [pipe]);

  const before = process.memoryUsage().rss;
  let started = performance.now();
  const read = await readLogFile(empties);
  const emptiesMs = performance.now() - started;
  const extraMb = (process.memoryUsage().rss - before) / 1e6;
  say(
    `60 MB of empty lists: ${round(emptiesMs)} ms, ${round(extraMb)} MB, ${read.warnings[0] ?? 'no warning'}`,
  );

  started = performance.now();
  const pipeOutcome = await readLogFile(pipe).then(
    () => 'read',
    (error: { code?: string }) => error.code ?? 'error',
  );
  const pipeMs = performance.now() - started;
  say(`named pipe: ${round(pipeMs, 2)} ms, ${pipeOutcome}`);

  emit([
    figure('file bounds: 60 MB JSON of empty lists refused', round(emptiesMs / 1000, 3), 's', ['<', 2]),
    figure('file bounds: extra memory for that refusal', round(extraMb, 1), 'MB', ['<', 300]),
    figure('file bounds: named pipe refused', round(pipeMs, 2), 'ms', ['<', 100], pipeOutcome),
  ]);
} finally {
  await rm(dir, { recursive: true, force: true });
}
