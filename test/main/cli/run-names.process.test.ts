/**
 * Issue 21, "names never repeat", through the command line as separate processes: two `enroll-bench run`s on
 * one data folder, each a cart of other devices (another seed) through a workflow naming them `CART3-{n:3}`.
 * The second run goes on from the first one's counter (kept in the data folder, not in memory), so the two
 * reports hold eight different names, numbered 001 to 008, one serial each.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliChild } from './cli-child';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const CART = 4;

interface Report {
  readonly devices: readonly { readonly serial: string | null; readonly name: string | null }[];
  readonly counts: Readonly<Record<string, number>>;
}

describe('enroll-bench run: names of consecutive carts never repeat', () => {
  it('a second run on the same data folder goes on from the first one’s counter', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'eb-run-names-'));
    dirs.push(dir);
    const workflow = path.join(dir, 'cart-names.json');
    await writeFile(
      workflow,
      JSON.stringify({
        id: 'cart-names',
        name: 'Cart names',
        description: 'Supervise and enroll, named by a counter.',
        preset: false,
        steps: [
          { kind: 'erase', allowOtherOrganization: false },
          { kind: 'wait-until-settled' },
          { kind: 'prepare', language: 'en', locale: 'en_US', skipPanes: 'all', allowPairing: false },
          { kind: 'wait-until-settled' },
          { kind: 'finish-setup-assistant' },
          { kind: 'install-enrollment-profile' },
          { kind: 'verify-enrollment' },
          { kind: 'rename', template: 'CART3-{n:3}' },
        ],
      }),
    );
    const runCart = async (seed: number): Promise<Report> => {
      const scenario = path.join(dir, `seed-${seed}.json`);
      await writeFile(
        scenario,
        JSON.stringify({ name: `seed-${seed}`, seed, switches: { mdmInstallsSilently: true }, devices: [] }),
      );
      const result = await runCliChild(
        [
          'run',
          '--simulate',
          '--cart',
          String(CART),
          '--scenario',
          scenario,
          '--workflow',
          workflow,
          '--time-scale',
          '0.02',
          '--until-idle',
          '--json',
        ],
        { ENROLL_BENCH_DATA: path.join(dir, 'data') },
      );
      expect(result.code, result.stderr.slice(-2000)).toBe(0);
      const report = JSON.parse(result.stdout) as Report;
      expect(report.counts.succeeded).toBe(CART);
      return report;
    };
    const first = await runCart(5);
    const second = await runCart(6);
    const all = [...first.devices, ...second.devices];
    expect(new Set(all.map((d) => d.serial)).size).toBe(2 * CART);
    expect(all.map((d) => d.name).sort()).toEqual(
      Array.from({ length: 2 * CART }, (_, i) => `CART3-${String(i + 1).padStart(3, '0')}`),
    );
    // The second cart's numbers all come after the first cart's.
    const numbers = (r: Report) => r.devices.map((d) => Number(d.name?.slice(-3)));
    expect(Math.min(...numbers(second))).toBeGreaterThan(Math.max(...numbers(first)));
  }, 120_000);
});
