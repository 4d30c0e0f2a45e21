/**
 * Issue 22 "done when": a `run` SIGKILLed mid-cart, then `run --resume`, finishes the cut-off job at its step
 * and erases nothing twice. The devices live in a `sim world` of their own (as real devices outlive the
 * bench), reached through a cfgutil wrapper that records every command the bench sends.
 */
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIdentityCommand } from '../../../main/cli/identity-command';
import { runProfileImportCommand } from '../../../main/cli/profile-import-command';
import { profileDict, xmlBytes } from '../profiles/profile-fixtures';
import { runCliChild, startCli, type RunningChild } from './cli-child';

let dir = '';
let world: RunningChild | undefined;
const env = () => ({ ENROLL_BENCH_DATA: path.join(dir, 'data') });

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  ms = 60_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'eb-resume-'));
  const io = { out: () => {}, err: () => {}, env: env() };
  expect(await runIdentityCommand(['create', '--organization', 'Resume Test'], io)).toBe(0);
  await writeFile(path.join(dir, 'enrollment.mobileconfig'), xmlBytes(profileDict()));
  expect(await runProfileImportCommand([path.join(dir, 'enrollment.mobileconfig')], io)).toBe(0);
}, 60_000);

afterAll(async () => {
  world?.kill('SIGTERM');
  await world?.exited;
  await rm(dir, { recursive: true, force: true });
});

describe('run --resume after a SIGKILL', () => {
  it('continues the cut-off job at its step and does not erase the device twice', async () => {
    const scenario = path.join(dir, 'cart.json');
    await writeFile(
      scenario,
      JSON.stringify({ name: 'cart', devices: [{ class: 'iPad', state: 'in-use', paired: true }] }),
    );
    world = await startCli(['sim', 'world', '--scenario', scenario, '--time-scale', '0.01'], env());
    const cfgutil = await until('the world', () => /^cfgutil: (.+)$/m.exec(world?.stdout() ?? '')?.[1]);
    const log = path.join(dir, 'commands.log');
    const wrapper = path.join(dir, 'cfgutil');
    await writeFile(wrapper, `#!/bin/sh\necho "$*" >> '${log}'\nexec '${cfgutil}' "$@"\n`);
    await chmod(wrapper, 0o755);
    await writeFile(log, '');
    const workflow = path.join(dir, 'erase-then-settle.json');
    await writeFile(
      workflow,
      JSON.stringify({
        id: 'erase-then-settle',
        name: 'Erase, then wait for the restart',
        steps: [{ kind: 'erase' }, { kind: 'wait-until-settled' }],
      }),
    );
    const erases = async () =>
      (await readFile(log, 'utf8')).split('\n').filter((l) => / erase\b/.test(l)).length;
    const argv = ['run', '--cfgutil', wrapper, '--workflow', workflow, '--until-idle', '--json'];

    const first = await startCli(argv, env());
    await until('the erase to be sent', async () => ((await erases()) > 0 ? true : undefined));
    first.kill('SIGKILL');
    expect((await first.exited).code).toBeNull();

    const told = await runCliChild(argv, env());
    expect(told.code).toBe(1);
    expect(JSON.parse(told.stdout)).toMatchObject({ devices: [{ outcome: 'interrupted', step: 'erase' }] });
    expect(told.stderr).toContain(`To continue it at its step: enroll-bench run --cfgutil ${wrapper}`);

    const resumed = await runCliChild([...argv, '--resume'], env());
    expect(resumed.stderr).toMatch(/continues where it was interrupted/);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ devices: [{ outcome: 'succeeded' }] });
    expect(resumed.code).toBe(0);
    expect(await erases()).toBe(1);
  }, 180_000);

  it('enrolls with the shipped preset when cut off after prepare was sent, each command once', async () => {
    const scenario = path.join(dir, 'cart2.json');
    await writeFile(
      scenario,
      JSON.stringify({
        name: 'cart2',
        seed: 7,
        switches: { mdmInstallsSilently: true },
        devices: [{ class: 'iPad', state: 'in-use', paired: true }],
      }),
    );
    world?.kill('SIGTERM');
    await world?.exited;
    world = await startCli(['sim', 'world', '--scenario', scenario, '--time-scale', '0.01'], env());
    const cfgutil = await until('the world', () => /^cfgutil: (.+)$/m.exec(world?.stdout() ?? '')?.[1]);
    const log = path.join(dir, 'commands2.log');
    const wrapper = path.join(dir, 'cfgutil2');
    await writeFile(wrapper, `#!/bin/sh\necho "$*" >> '${log}'\nexec '${cfgutil}' "$@"\n`);
    await chmod(wrapper, 0o755);
    await writeFile(log, '');
    // `help prepare` (read once per cfgutil to learn its flags) asks, it does not prepare: not counted.
    const sent = async (command: string) =>
      (await readFile(log, 'utf8')).split('\n').filter((l) => new RegExp(`(?<!help) ${command}\\b`).test(l))
        .length;
    const argv = [
      'run',
      '--cfgutil',
      wrapper,
      '--workflow',
      'supervise-and-enroll',
      '--until-idle',
      '--json',
    ];
    const first = await startCli(argv, env());
    await until('prepare to be sent', async () => ((await sent('prepare')) > 0 ? true : undefined), 120_000);
    first.kill('SIGKILL');
    await first.exited;
    const resumed = await runCliChild([...argv, '--resume'], env());
    expect(JSON.parse(resumed.stdout)).toMatchObject({ devices: [{ outcome: 'succeeded' }] });
    expect(resumed.code).toBe(0);
    expect(await sent('erase')).toBe(1);
    expect(await sent('prepare')).toBe(1);
  }, 240_000);
});
