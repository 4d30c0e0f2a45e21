/**
 * Issue 19 through `enroll-bench run`: a second run on one data folder is refused naming the first, a phone
 * in use waits for a person unless `--erase-in-use`, and a device that does not show who manages it is held
 * (a scenario file makes the simulator's cfgutil answer `isSupervised` as the string "true").
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runRunCommand } from '../../../main/cli/run-command';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'run-safety-'));
  dirs.push(dir);
  return dir;
}

const scenario = {
  name: 'cart with a phone in use and an unclear one',
  devices: [
    { class: 'iPhone', name: 'Logan’s iPhone', state: 'in-use', paired: true },
    {
      class: 'iPad',
      state: 'in-use',
      paired: true,
      supervisedBy: 'Someone Else Inc',
      oddReads: { isSupervised: { value: 'true' } },
    },
  ],
};

interface Report {
  devices: { model: string; outcome: string; steps: { step: string; outcome?: string }[] }[];
}

async function run(dir: string, extra: string[]) {
  const file = path.join(dir, 'scenario.json');
  await writeFile(file, JSON.stringify(scenario));
  const out: string[] = [];
  const err: string[] = [];
  const code = await runRunCommand(
    [
      '--simulate',
      '--scenario',
      file,
      '--workflow',
      'supervise-and-enroll',
      '--time-scale',
      '0.005',
      '--until-idle',
      '--json',
      ...extra,
    ],
    { out: (t) => out.push(t), err: (t) => err.push(t), env: { ENROLL_BENCH_DATA: dir } },
  );
  return { code, report: JSON.parse(out.join('')) as Report, err: err.join('\n') };
}

describe('enroll-bench run and cart safety', () => {
  it('holds the phone in use and the unclear iPad: nothing is erased, exit 3 (they wait for a person)', async () => {
    const { code, report, err } = await run(await dataDir(), []);
    expect(code).toBe(3);
    expect(report.devices.map((d) => d.outcome).sort()).toEqual([
      'waiting-for-operator',
      'waiting-for-operator',
    ]);
    for (const device of report.devices)
      expect(device.steps.filter((s) => s.outcome === 'succeeded')).toEqual([]);
    expect(err).toContain("In use: erase 'Logan’s iPhone'?");
    expect(err).toContain('The bench cannot tell who manages this device');
  });

  it('--erase-in-use answers the phone in use only: the unclear iPad is still held', async () => {
    const { report } = await run(await dataDir(), ['--erase-in-use']);
    const phone = report.devices.find((d) => d.model.includes('iPhone'));
    const pad = report.devices.find((d) => d.model.includes('iPad'));
    // The phone goes on past its erase (it may then wait for a person to approve the profile).
    expect(phone?.steps.find((s) => s.step === 'erase')?.outcome).toBe('succeeded');
    expect(pad?.outcome).toBe('waiting-for-operator');
    expect(pad?.steps.filter((s) => s.outcome === 'succeeded')).toEqual([]);
  });

  it('a second run on the same data folder is refused, naming the first', async () => {
    const dir = await dataDir();
    let stop: () => void = () => {};
    const interrupted = new Promise<void>((resolve) => (stop = resolve));
    const first = runRunCommand(
      ['--simulate', '--cart', '1', '--workflow', 'supervise-and-enroll', '--time-scale', '0.005'],
      { out: () => {}, err: () => {}, env: { ENROLL_BENCH_DATA: dir }, interrupted },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(
      runRunCommand(['--simulate', '--cart', '1', '--workflow', 'supervise-and-enroll'], {
        out: () => {},
        err: () => {},
        env: { ENROLL_BENCH_DATA: dir },
      }),
    ).rejects.toMatchObject({
      info: {
        title: 'Another bench is using this data folder',
        detail: expect.stringContaining(`enroll-bench run (pid ${process.pid})`),
      },
    });
    stop();
    await first;
  });
});
