/**
 * Figure 7, profile checks: every file of test/bench/hostile-profiles.ts (the largest allowed profiles, up to
 * the 5 MB cap, and the worst hostile files of the security issue) loaded and judged as an import does. The
 * figures are the slowest file's time (target < 2 s) and the largest peak extra memory (target < 200 MB),
 * sampled every millisecond as heap + external + array buffers above the level before the file.
 * test/bench/profile-parse.bench.ts prints the same per file, with vitest's timing statistics.
 */
import { loadProfile } from '../../../main/profiles/load-profile';
import { summarizeProfile } from '../../../main/profiles/summarize-profile';
import { hostileFiles, type HostileFile } from '../hostile-profiles';
import { emit, figure, round, say } from './figure-record';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const inUse = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external + m.arrayBuffers;
};

async function measure(file: HostileFile): Promise<{ ms: number; extraMb: number; verdict: string }> {
  gc();
  const before = inUse();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, inUse())), 1);
  const started = performance.now();
  const loaded = await loadProfile(file.bytes, 'bench.mobileconfig');
  const verdict = summarizeProfile(loaded, { fileName: 'bench', importedAt: 0, now: Date.now() }).verdict;
  const ms = performance.now() - started;
  peak = Math.max(peak, inUse());
  clearInterval(sampler);
  return { ms, extraMb: (peak - before) / 1e6, verdict };
}

const made = await hostileFiles();
try {
  let slowest = { name: '', ms: 0 };
  let hungriest = { name: '', mb: 0 };
  for (const file of made.files) {
    const m = await measure(file);
    say(`${file.name}: ${Math.round(m.ms)} ms, ${Math.round(m.extraMb)} MB, ${m.verdict}`);
    if (m.ms > slowest.ms) slowest = { name: file.name, ms: m.ms };
    if (m.extraMb > hungriest.mb) hungriest = { name: file.name, mb: m.extraMb };
  }
  emit([
    figure(
      'profile checks: slowest file judged',
      round(slowest.ms / 1000, 3),
      's',
      ['<', 2],
      `${made.files.length} files up to 5 MB; slowest: ${slowest.name}`,
    ),
    figure(
      'profile checks: largest extra memory',
      round(hungriest.mb, 1),
      'MB',
      ['<', 200],
      `largest: ${hungriest.name}`,
    ),
  ]);
} finally {
  await made.cleanup();
}
