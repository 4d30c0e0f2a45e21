/**
 * Issue 7 item 1's budget: any file up to the 5 MB cap judged in under 2 s and under 200 MB of extra memory,
 * without stalling the event loop for long. `npm run bench -- test/bench/profile-parse.bench.ts` prints the time
 * per file (vitest) and, once, a table of the peak extra memory and the longest event-loop stall per file.
 * Numbers are reported, never asserted (timing asserts flake on shared machines).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { loadProfile } from '../../main/profiles/load-profile';
import { summarizeProfile } from '../../main/profiles/summarize-profile';
import { hostileFiles, type HostileFile } from './hostile-profiles';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const made = await hostileFiles();
const files: readonly HostileFile[] = made.files;

async function judge(file: HostileFile): Promise<string> {
  const loaded = await loadProfile(file.bytes, 'bench.mobileconfig');
  return summarizeProfile(loaded, { fileName: 'bench', importedAt: 0, now: Date.now() }).verdict;
}

const inUse = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external + m.arrayBuffers;
};

/**
 * One measured judgement: wall time, peak extra memory (sampled every turn of the loop) and the longest stall,
 * the longest gap between two ticks of a 1 ms timer while the file was judged.
 */
async function measure(file: HostileFile): Promise<Record<string, string | number>> {
  gc();
  const before = inUse();
  let peak = before;
  let last = performance.now();
  let stall = 0;
  const sampler = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
    peak = Math.max(peak, inUse());
  }, 1);
  const started = performance.now();
  const verdict = await judge(file);
  const ms = performance.now() - started;
  peak = Math.max(peak, inUse());
  stall = Math.max(stall, performance.now() - last);
  clearInterval(sampler);
  return {
    file: file.name,
    KB: Math.round(file.bytes.length / 1024),
    verdict,
    ms: Math.round(ms),
    'extra MB': Math.round((peak - before) / 1e6),
    'longest stall ms': Math.round(stall),
  };
}

beforeAll(async () => {
  const rows = [];
  for (const file of files) rows.push(await measure(file));
  console.table(rows);
});

afterAll(async () => {
  await made.cleanup();
});

describe('judging any file up to the 5 MB cap', () => {
  for (const file of files) {
    bench(
      file.name,
      async () => {
        await judge(file);
      },
      { iterations: 3, time: 0 },
    );
  }
});
