/**
 * `status`, `jobs`, `arm`, `disarm` and `log tail` against a real `enroll-bench serve --simulate`, each command
 * its own process, as an operator at the bench's Mac mini would type them over SSH.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTRUCTIONS } from '../../../main/jobs/guidance';
import { actOnJobs, planJobTargets, selectJobs } from '../../../main/cli/remote-commands';
import type { JobView } from '../../../preload/jobs-domain';
import { runCliChild, startCli, type RunningChild } from './cli-child';
import { runIdentityCommand } from '../../../main/cli/identity-command';
import { runProfileImportCommand } from '../../../main/cli/profile-import-command';
import { profileDict, xmlBytes } from '../profiles/profile-fixtures';

let dataDir = '';
let serve: RunningChild | undefined;
const env = () => ({ ENROLL_BENCH_DATA: dataDir });

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface StatusJson {
  run: { armed: boolean };
  attention: { needsYou: number; cartFinished: { done: number; failed: number; other: number } | null };
  devices: { ecid: string; serial: string | null; phase: string; reason?: string; instruction?: string }[];
}

async function status(): Promise<StatusJson> {
  const result = await runCliChild(['status', '--json'], env());
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as StatusJson;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'eb-remote-'));
  // A working bench: an identity to supervise with and an Intune profile, set up with the CLI itself.
  const io = { out: () => {}, err: () => {}, env: env() };
  expect(await runIdentityCommand(['create', '--organization', 'Remote Test'], io)).toBe(0);
  const profile = path.join(dataDir, 'enrollment.mobileconfig');
  await writeFile(profile, xmlBytes(profileDict()));
  expect(await runProfileImportCommand([profile], io)).toBe(0);
}, 60_000);

afterAll(async () => {
  serve?.kill('SIGTERM');
  await serve?.exited;
  await rm(dataDir, { recursive: true, force: true });
});

describe('steering a running bench from a terminal', () => {
  it('says no bench is running, exit 4, when none is', async () => {
    for (const argv of [['status'], ['jobs', 'retry', '--all-failed'], ['arm'], ['log', 'tail']]) {
      const result = await runCliChild(argv, env());
      expect(result.code, argv.join(' ')).toBe(4);
      expect(result.stderr).toMatch(/no bench is running for the data folder/);
    }
  }, 60_000);

  it('status shows a device waiting with the card’s instruction; jobs retry and cancel act on it; disarm and arm', async () => {
    serve = await startCli(['serve', '--simulate', '--port', '0', '--time-scale', '0.02'], env());
    await until('serve to start', async () => (/is serving/.test(serve?.stdout() ?? '') ? true : undefined));
    expect((await runCliChild(['arm'], env())).stdout).toMatch(/^Armed: new devices start/);

    const attach = await runCliChild(['sim', 'attach', '--class', 'iPad', '--paired', '--locked'], env());
    expect(attach.code).toBe(0);
    const waiting = await until('the locked iPad to wait for its passcode', async () => {
      const s = await status();
      return s.devices.find((d) => d.phase === 'waiting-for-operator');
    });
    expect(waiting).toMatchObject({ reason: 'unlock', instruction: INSTRUCTIONS['unlock-device'] });
    expect((await status()).attention).toEqual({ needsYou: 1, cartFinished: null });
    const text = await runCliChild(['status'], env());
    expect(text.stdout).toContain(INSTRUCTIONS['unlock-device']);

    // Retry on a waiting job is the operator's word: the step looks again (still locked, so it waits again).
    const retry = await runCliChild(['jobs', 'retry', waiting.serial ?? waiting.ecid], env());
    expect(retry.code).toBe(0);
    expect(retry.stdout).toMatch(/retry done/);
    // continue answers the wait the status shows (the card's "It's unlocked"): the job reads the device again.
    const answered = await until('the job to wait again after the retry', async () => {
      const s = await status();
      return s.devices.find((d) => d.ecid === waiting.ecid && d.phase === 'waiting-for-operator');
    });
    const go = await runCliChild(['jobs', 'continue', answered.serial ?? answered.ecid, '--json'], env());
    expect(go.code).toBe(0);
    expect(JSON.parse(go.stdout)).toMatchObject({
      action: 'continue',
      results: [{ ecid: waiting.ecid, ok: true }],
    });
    const cancel = await runCliChild(['jobs', 'cancel', '--all-waiting', '--json'], env());
    expect(cancel.code).toBe(0);
    expect(JSON.parse(cancel.stdout)).toMatchObject({
      action: 'cancel',
      results: [{ ecid: waiting.ecid, ok: true }],
    });
    const cancelled = await until('the job to be cancelled', async () =>
      (await status()).devices.find((d) => d.phase === 'cancelled'),
    );
    expect(cancelled.reason).toBe('cancelled');
    // Every job has ended (one, cancelled): the cart has finished, and nothing needs the operator.
    expect((await status()).attention).toEqual({
      needsYou: 0,
      cartFinished: { done: 0, failed: 0, other: 1 },
    });

    // The same rules as the card: skipping a cancelled (ended) job is refused, with the reason, exit 1.
    const skip = await runCliChild(['jobs', 'skip', waiting.ecid], env());
    expect(skip.code).toBe(1);
    expect(skip.stderr).toMatch(/Cannot skip now/);
    const unknown = await runCliChild(['jobs', 'retry', 'NOSUCHSERIAL'], env());
    expect(unknown.code).toBe(1);
    // Several in one call (the window's bulk action): the same device named twice acts once, a name with no
    // job is refused in words, the others still act; exit 1 because one was refused.
    const several = await runCliChild(
      ['jobs', 'retry', waiting.ecid, 'NOSUCHSERIAL', waiting.serial ?? waiting.ecid, '--json'],
      env(),
    );
    expect(several.code).toBe(1);
    expect(JSON.parse(several.stdout)).toEqual({
      action: 'retry',
      results: [
        expect.objectContaining({ ecid: waiting.ecid, outcome: 'done', ok: true }),
        expect.objectContaining({
          id: 'NOSUCHSERIAL',
          ecid: null,
          outcome: 'refused',
          reason: expect.stringMatching(/no job for "NOSUCHSERIAL"/),
        }),
      ],
    });
    await until('the retried job to wait for its passcode again', async () =>
      (await status()).devices.find((d) => d.ecid === waiting.ecid && d.phase === 'waiting-for-operator'),
    );

    expect((await runCliChild(['disarm'], env())).code).toBe(0);
    expect((await status()).run.armed).toBe(false);

    // A second bench on the same data folder does not take the socket over: it says so and exits 4.
    const second = await runCliChild(['serve', '--simulate', '--port', '0'], env());
    expect(second.code).toBe(4);
    // The data-folder lock refuses it first, naming the bench that holds the folder (exit 4).
    expect(second.stderr).toMatch(/Another bench is using this data folder/);
    expect((await status()).run.armed).toBe(false);
  }, 120_000);

  it('jobs start --all-in-use erases every device held as in use, and only those', async () => {
    expect((await runCliChild(['arm'], env())).code).toBe(0);
    const none = await runCliChild(['jobs', 'start', '--all-in-use'], env());
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/No device is held as in use/);
    const watch = await startCli(['status', '--watch', '--json'], env());
    await until('the watch to print the status', async () =>
      /"attention"/.test(watch.stdout()) ? true : undefined,
    );
    // The device the test before left waiting for its passcode still needs you: one more is expected.
    const needBefore = (await status()).attention.needsYou;
    const phone = (
      await runCliChild(['sim', 'attach', '--class', 'iPhone', '--paired', '--name', 'Logan’s iPhone'], env())
    ).stdout.trim();
    await until('the phone to be held as in use', async () =>
      (await status()).devices.find((d) => d.ecid === phone && d.phase === 'waiting-for-operator'),
    );
    // --watch --json says when the number of devices that need you changes, in a line of its own.
    await until('the watch to say a device needs you', async () =>
      watch
        .stdout()
        .split('\n')
        .some((line) => line.startsWith(`{"attention":{"needsYou":${needBefore + 1},`))
        ? true
        : undefined,
    );
    watch.kill('SIGTERM');
    expect((await watch.exited).code).toBe(0);
    const before = (await status()).devices.find((d) => d.ecid === phone);
    expect(before?.reason).toBe('in-use');
    const usage = await runCliChild(['jobs', 'start', '--all-in-use', phone], env());
    expect(usage.code).not.toBe(0);
    const erase = await runCliChild(['jobs', 'start', '--all-in-use', '--json'], env());
    expect(erase.code).toBe(0);
    expect(JSON.parse(erase.stdout)).toMatchObject({
      action: 'start',
      allInUse: true,
      answered: 1,
      devices: [{ ecid: phone }],
    });
    const moved = await until('the phone to go past the in-use question', async () =>
      (await status()).devices.find((d) => d.ecid === phone && d.reason !== 'in-use'),
    );
    expect(moved.reason).not.toBe('in-use');
    expect((await runCliChild(['disarm'], env())).code).toBe(0);
  }, 120_000);

  it('log tail and status --watch follow the bench until it stops, then say so', async () => {
    const tail = await startCli(['log', 'tail'], env());
    const watch = await startCli(['status', '--watch'], env());
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await runCliChild(['arm'], env());
    await until('the tail to print the change', async () => (/armed/.test(tail.stdout()) ? true : undefined));
    serve?.kill('SIGTERM');
    const [t, w] = await Promise.all([tail.exited, watch.exited]);
    expect(t.code).toBe(4);
    expect(t.stderr).toMatch(/the bench stopped/);
    expect(w.code).toBe(4);
    expect(w.stdout).toMatch(/^Not armed/m);
    expect(w.stdout).toMatch(/\] armed$/m);
    serve = undefined;
  }, 60_000);
});

describe('selectJobs', () => {
  const job = (ecid: string, phase: JobView['phase'], serialNumber?: string): JobView => ({
    jobId: ecid,
    ecid,
    workflowId: 'w',
    phase,
    stepCount: 1,
    progress: 0,
    attempt: 1,
    steps: [],
    ...(serialNumber ? { serialNumber } : {}),
  });
  const jobs = [
    job('0xA1', 'failed', 'SER1'),
    job('0xB2', 'interrupted'),
    job('0xC3', 'waiting-for-operator', 'SER3'),
  ];

  it('names a job by ECID or serial in either case, or every failed (interrupted included) or waiting job', () => {
    expect(selectJobs(jobs, { id: '0xa1' }).map((j) => j.ecid)).toEqual(['0xA1']);
    expect(selectJobs(jobs, { id: 'ser3' }).map((j) => j.ecid)).toEqual(['0xC3']);
    expect(selectJobs(jobs, { allFailed: true }).map((j) => j.ecid)).toEqual(['0xA1', '0xB2']);
    expect(selectJobs(jobs, { allWaiting: true }).map((j) => j.ecid)).toEqual(['0xC3']);
    expect(selectJobs(jobs, { id: 'nope' })).toEqual([]);
  });
});

describe('several devices in one jobs call', () => {
  const job = (ecid: string, phase: JobView['phase'], serialNumber?: string): JobView => ({
    jobId: ecid,
    ecid,
    workflowId: 'w',
    phase,
    stepCount: 1,
    progress: 0,
    attempt: 1,
    steps: [],
    ...(serialNumber ? { serialNumber } : {}),
  });
  const jobs = [job('0xA1', 'failed', 'SER1'), job('0xB2', 'running', 'SER2'), job('0xC3', 'failed', 'SER3')];

  it('names each device once, in the order given, and keeps the names that match no job apart', () => {
    const plan = planJobTargets(jobs, ['ser3', 'NOPE', '0xA1', 'SER1', 'ser3']);
    expect(plan.targets.map((t) => [t.id, t.job.ecid])).toEqual([
      ['ser3', '0xC3'],
      ['0xA1', '0xA1'],
    ]);
    expect(plan.unknown).toEqual(['NOPE']);
  });

  it('reports each device done or refused with the bench’s reason; every target is asked once', async () => {
    const asked: string[] = [];
    const plan = planJobTargets(jobs, ['SER1', 'SER2', 'GONE', 'SER3']);
    const outcomes = await actOnJobs(plan.targets, plan.unknown, async (j) => {
      asked.push(j.ecid);
      return j.phase === 'failed'
        ? { ok: true, value: { ...j, phase: 'running' } }
        : {
            ok: false,
            error: {
              code: 'invalid-request',
              title: 'Nothing to retry',
              detail: 'Only a failed job can be retried.',
              retryable: false,
            },
          };
    });
    expect(asked).toEqual(['0xA1', '0xB2', '0xC3']);
    expect(outcomes).toEqual([
      { id: 'SER1', ecid: '0xA1', serial: 'SER1', outcome: 'done', ok: true, phase: 'running' },
      {
        id: 'SER2',
        ecid: '0xB2',
        serial: 'SER2',
        outcome: 'refused',
        ok: false,
        reason: 'Nothing to retry. Only a failed job can be retried.',
        error: 'Only a failed job can be retried.',
      },
      { id: 'SER3', ecid: '0xC3', serial: 'SER3', outcome: 'done', ok: true, phase: 'running' },
      expect.objectContaining({ id: 'GONE', ecid: null, outcome: 'refused', ok: false }),
    ]);
  });
});
