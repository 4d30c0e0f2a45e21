import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/cli';
import { runRunCommand } from '../../../main/cli/run-command';
import { EXIT } from '../../../main/cli/exit-codes';
import { INSTRUCTIONS } from '../../../main/jobs/guidance';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function io() {
  const dir = await mkdtemp(path.join(tmpdir(), 'run-cmd-'));
  dirs.push(dir);
  const out: string[] = [];
  const err: string[] = [];
  const live: string[] = [];
  return {
    out,
    err,
    live,
    io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), env: { ENROLL_BENCH_DATA: dir } },
  };
}

describe('enroll-bench run', () => {
  it('runs a simulated clean cart until idle and prints the JSON report; exit 0 when all succeeded', async () => {
    const { out, err, live, io: streams } = await io();
    const code = await runRunCommand(
      [
        '--simulate',
        '--cart',
        '3',
        '--workflow',
        'supervise-and-enroll',
        '--time-scale',
        '0.005',
        '--until-idle',
        '--json',
      ],
      { ...streams, live: (t: string) => live.push(t) },
    );
    expect(code).toBe(0);
    const report = JSON.parse(out.join('')) as {
      devices: {
        ecid: string;
        serial: string;
        model: string;
        outcome: string;
        errorCode: unknown;
        steps: { step: string; startedAt: number; endedAt: number; outcome: string }[];
      }[];
      counts: Record<string, number>;
    };
    expect(report.counts).toEqual({
      succeeded: 3,
      failed: 0,
      'waiting-for-operator': 0,
      skipped: 0,
      cancelled: 0,
      interrupted: 0,
    });
    for (const device of report.devices) {
      expect(device).toMatchObject({ outcome: 'succeeded', errorCode: null });
      expect(device.ecid).toMatch(/^0x[0-9A-F]+$/);
      expect(device.model).toMatch(/^iPad/);
      expect(device.steps.map((s) => s.step)).toEqual([
        'erase',
        'wait-until-settled',
        'prepare',
        'wait-until-settled',
        'finish-setup-assistant',
        'install-enrollment-profile',
        'verify-enrollment',
        'rename',
      ]);
    }
    expect(err.join('\n')).toMatch(/ephemeral one/);
    // With --json, plain lines only: no live line redrawn in place.
    expect(live).toEqual([]);
    expect(err.join('\n')).toMatch(/running 3\/8 prepare/);
  }, 60_000);

  it('exits 3 when a device waits for a person (enroll-in-place waits for approval on an unsupervised cart)', async () => {
    const { out, io: streams } = await io();
    const code = await runRunCommand(
      [
        '--simulate',
        '--cart',
        '1',
        '--workflow',
        'enroll-in-place',
        '--time-scale',
        '0.005',
        '--until-idle',
        '--json',
      ],
      streams,
    );
    expect(code).toBe(EXIT.waiting);
    const report = JSON.parse(out.join('')) as {
      devices: { outcome: string; reason: string; instruction: string }[];
    };
    expect(report.devices).toMatchObject([
      {
        outcome: 'waiting-for-operator',
        reason: 'approve-profile',
        instruction: INSTRUCTIONS['approve-profile'],
      },
    ]);
  }, 60_000);

  it('says why each device waits, with the card’s instruction; a device already done does not fail the next run', async () => {
    const { out, io: streams } = await io();
    const dir = streams.env.ENROLL_BENCH_DATA;
    const scenario = path.join(dir, 'why.json');
    await writeFile(
      scenario,
      JSON.stringify({
        name: 'why',
        switches: { mdmInstallsSilently: true },
        devices: [
          { class: 'iPad', state: 'in-use', paired: true, passcodeLocked: true },
          { class: 'iPhone', state: 'in-use', paired: true, findMy: true },
          { class: 'iPad', state: 'fresh' },
        ],
      }),
    );
    const argv = ['--simulate', '--scenario', scenario, '--workflow', 'supervise-and-enroll'];
    const fast = ['--time-scale', '0.005', '--until-idle', '--json'];
    expect(await runRunCommand([...argv, ...fast], streams)).toBe(EXIT.waiting);
    type Device = { serial: string | null; outcome: string; reason?: string; instruction?: string };
    const first = (JSON.parse(out.join('')) as { devices: Device[] }).devices;
    expect(first.map((d) => [d.outcome, d.reason, d.instruction])).toEqual([
      ['waiting-for-operator', 'unlock', INSTRUCTIONS['unlock-device']],
      ['waiting-for-operator', 'activation-lock', INSTRUCTIONS['activation-lock']],
      ['succeeded', undefined, undefined],
    ]);

    // The same cart again: the enrolled iPad is already done (the two cut off are interrupted, see --resume).
    out.length = 0;
    await runRunCommand([...argv, ...fast], streams);
    const second = (JSON.parse(out.join('')) as { devices: Device[] }).devices;
    expect(second[2]).toMatchObject({
      serial: first[2]?.serial,
      outcome: 'skipped',
      reason: 'already-done',
      instruction: 'Skipped: already enrolled',
    });
  }, 90_000);

  it('exits 0 when the only device on the cart was already done (a re-plugged, enrolled iPad)', async () => {
    const { out, io: streams } = await io();
    // A slower clock than the other tests: the serial read that recognises the iPad must not time out under load.
    const argv = ['--simulate', '--cart', '1', '--workflow', 'supervise-and-enroll', '--time-scale', '0.02'];
    const live: string[] = [];
    expect(await runRunCommand([...argv, '--until-idle'], { ...streams, live: (t) => live.push(t) })).toBe(
      EXIT.ok,
    );
    // On a terminal: one live summary line, cleared at the end.
    expect(live.some((line) => line.startsWith('1 done · 0 running · 0 waiting for you · 0 failed'))).toBe(
      true,
    );
    expect(live.at(-1)).toBe('');
    const code = await runRunCommand([...argv, '--until-idle', '--json'], streams);
    expect(JSON.parse(out.join(''))).toMatchObject({
      devices: [{ outcome: 'skipped', reason: 'already-done' }],
      counts: { skipped: 1 },
    });
    expect(code).toBe(EXIT.ok);
  }, 60_000);

  it('exits 2 on usage errors', async () => {
    await expect(runCli(['run', '--simulate'])).resolves.toBe(2);
    await expect(runCli(['run', '--workflow', 'nope', '--simulate'])).resolves.toBe(2);
    await expect(runCli(['run', '--workflow', 'supervise-and-enroll', '--cart', '3'])).resolves.toBe(2);
    await expect(
      runCli(['run', '--workflow', 'supervise-and-enroll', '--simulate', '--concurrency', '0']),
    ).resolves.toBe(2);
  });
});
