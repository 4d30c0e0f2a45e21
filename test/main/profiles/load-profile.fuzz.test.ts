import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfile, type LoadResult } from '../../../main/profiles/load-profile';
import { summarizeProfile } from '../../../main/profiles/summarize-profile';
import { fuzzSeedFiles, makeWorkDir } from './profile-fixtures';

/** mulberry32: a small deterministic PRNG, so a failing case reproduces from the seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 0x5eed2026;

let work: Awaited<ReturnType<typeof makeWorkDir>>;
let valid: { name: string; bytes: Uint8Array }[];

beforeAll(async () => {
  work = await makeWorkDir();
  valid = await fuzzSeedFiles(work.dir);
});
afterAll(async () => {
  await work.cleanup();
});

/** Loads with a time limit and checks the result is one of the typed outcomes and summarises cleanly. */
async function expectTyped(bytes: Uint8Array, label: string): Promise<LoadResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`loadProfile hung on ${label}`)), 5000);
  });
  try {
    const result = await Promise.race([loadProfile(bytes, 'fuzz.mobileconfig'), timeout]);
    expect(typeof result.ok, label).toBe('boolean');
    if (!result.ok) {
      expect(['error'], label).toContain(result.finding.severity);
      expect(result.finding.message.length, label).toBeGreaterThan(20);
    }
    const summary = summarizeProfile(result, { fileName: 'fuzz', importedAt: 0, now: Date.now() });
    expect(JSON.parse(JSON.stringify(summary)).verdict, label).toBe(summary.verdict);
    return result;
  } finally {
    clearTimeout(timer);
  }
}

describe('loadProfile fuzz (deterministic seed)', () => {
  it('gives a typed result for every truncation of every valid fixture', async () => {
    const random = prng(SEED);
    let cases = 0;
    for (const { name, bytes } of valid) {
      const cuts = new Set([0, 1, 2, 8, bytes.length - 1, bytes.length - 32]);
      while (cuts.size < 40) cuts.add(Math.floor(random() * bytes.length));
      for (const cut of cuts) {
        if (cut < 0) continue;
        await expectTyped(bytes.subarray(0, cut), `${name} cut at ${cut}`);
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(250);
  });

  it('gives a typed result for random bytes and bit flips', async () => {
    const random = prng(SEED + 1);
    const prefixes = [
      [],
      [0x30, 0x80],
      [0x30, 0x82],
      ...['bplist00', '<?xml ', '%PDF', 'PK\u0003\u0004', '-----BEGIN '].map((s) =>
        Array.from(s, (c) => c.charCodeAt(0)),
      ),
    ];
    for (let i = 0; i < 200; i++) {
      const prefix = prefixes[i % prefixes.length] ?? [];
      const body = Array.from({ length: Math.floor(random() * 600) }, () => Math.floor(random() * 256));
      await expectTyped(new Uint8Array([...prefix, ...body]), `random #${i}`);
    }
    for (let i = 0; i < 150; i++) {
      const source = valid[i % valid.length];
      if (!source) continue;
      const copy = source.bytes.slice();
      for (let flips = 0; flips < 1 + (i % 4); flips++) {
        const at = Math.floor(random() * copy.length);
        copy[at] = (copy[at] ?? 0) ^ (1 << Math.floor(random() * 8));
      }
      await expectTyped(copy, `${source.name} flipped #${i}`);
    }
  });

  it('still accepts the untouched fixtures (the fuzz inputs start from real files)', async () => {
    for (const { name, bytes } of valid.slice(0, 5)) {
      expect((await expectTyped(bytes, name)).ok, name).toBe(true);
    }
  });
});
