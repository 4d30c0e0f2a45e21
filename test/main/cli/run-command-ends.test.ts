/**
 * `run` always ends in words: a journal that cannot be written (disk full, read-only folder) pauses the jobs
 * with one message, repeats are counted, and under --until-idle the run ends with exit 4 and the sentence.
 * Jobs interrupted before the run are listed with the exact command that continues them.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobView, RunStatus } from '../../../preload/jobs-domain';
import { EXIT } from '../../../main/cli/exit-codes';
import { resumeCommand, runRunCommand, type RunSessionLike } from '../../../main/cli/run-command';
import type { RunSessionOptions } from '../../../main/app/run-session';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function streams() {
  const dir = await mkdtemp(path.join(tmpdir(), 'run-ends-'));
  dirs.push(dir);
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    dir,
    io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), env: { ENROLL_BENCH_DATA: dir } },
  };
}

const running: JobView = {
  jobId: 'j1',
  ecid: '0x1A',
  serialNumber: 'F9FXQ0A1HG7Q',
  workflowId: 'supervise-and-enroll',
  phase: 'running',
  step: 'prepare',
  stepIndex: 2,
  stepCount: 8,
  progress: 0.3,
  attempt: 1,
  steps: [],
};

function status(recordingProblem?: string): RunStatus {
  return {
    armed: true,
    paused: false,
    workflowId: 'supervise-and-enroll',
    countdownSeconds: 5,
    concurrency: 8,
    counts: {
      queued: 0,
      running: 1,
      waitingForOperator: 0,
      succeeded: 0,
      failed: 0,
      inUse: 0,
      skipped: 0,
      cancelled: 0,
      total: 0,
    },
    ...(recordingProblem ? { recordingProblem } : {}),
  };
}

/** A session whose journal hits a full disk: the board pauses, the journal's retry reports every 20 ms. */
function fullDiskSession(problem: string) {
  let paused = false;
  return async (options: RunSessionOptions): Promise<RunSessionLike> => {
    options.events?.jobChanged(running, true);
    const timer = setInterval(() => {
      options.note('The journal could not be written: Error: ENOSPC: no space left on device, write');
      if (!paused) {
        paused = true;
        options.events?.runChanged(status(problem));
      }
    }, 20);
    return {
      timeScale: 0.01,
      board: {
        views: () => [running],
        isIdle: () => false,
        deviceTypeOf: () => 'iPad13,1',
        runStatus: () => status(paused ? problem : undefined),
        jobAction: () => running,
      },
      close: async () => clearInterval(timer),
    };
  };
}

describe('run when nothing can be recorded', () => {
  it('pauses with one message, counts the repeats, and ends --until-idle with exit 4 and the sentence', async () => {
    const { out, err, io } = await streams();
    // The board's words (main/journal/journal-retry.ts) for a full disk.
    const problem =
      'Jobs are paused: the disk is full, so the next steps could not be recorded. Free some space or fix the data folder; work resumes by itself once the journal can be written.';
    const code = await runRunCommand(
      ['--simulate', '--workflow', 'supervise-and-enroll', '--until-idle', '--json'],
      { ...io, startSession: fullDiskSession(problem) },
    );
    expect(code).toBe(EXIT.cannotRun);
    const text = err.join('\n');
    expect(err.filter((l) => l.startsWith('enroll-bench: The journal could not be written'))).toHaveLength(1);
    expect(text).toMatch(/\(repeated \d+ more times: enroll-bench: The journal could not be written/);
    expect(text.match(/Jobs are paused: the disk is full/g)).toHaveLength(1);
    expect(err.at(-1)).toMatch(
      /^enroll-bench: the run stopped: the disk is full, .* fix the data folder\. Then continue with: enroll-bench run .*--resume$/,
    );
    expect(JSON.parse(out.join(''))).toMatchObject({
      stopped: problem,
      devices: [{ outcome: 'interrupted', step: 'prepare' }],
    });
  });
});

describe('interrupted jobs', () => {
  it('names how many were interrupted and the exact command; --json gives each its step; --resume continues them', async () => {
    const { out, err, dir, io } = await streams();
    const scenario = path.join(dir, 'locked.json');
    // A locked iPad waits for its passcode; closing the run cuts its job off at that step.
    await writeFile(
      scenario,
      JSON.stringify({
        name: 'locked',
        devices: [{ class: 'iPad', state: 'in-use', paired: true, passcodeLocked: true }],
      }),
    );
    const argv = [
      '--simulate',
      '--scenario',
      scenario,
      '--workflow',
      'supervise-and-enroll',
      '--time-scale',
      '0.005',
      '--until-idle',
      '--json',
    ];
    expect(await runRunCommand(argv, io)).toBe(EXIT.waiting);
    const first = JSON.parse(out.join('')) as { devices: { ecid: string; reason: string }[] };
    expect(first.devices[0]?.reason).toBe('unlock');

    out.length = 0;
    err.length = 0;
    expect(await runRunCommand(argv, io)).toBe(EXIT.failed);
    const second = JSON.parse(out.join('')) as { devices: { ecid: string; outcome: string; step: string }[] };
    expect(second.devices).toMatchObject([
      { ecid: first.devices[0]?.ecid, outcome: 'interrupted', step: 'erase' },
    ]);
    expect(err.join('\n')).toContain(
      `1 job was interrupted before this run (a crash or a restart). To continue it at its step: ${resumeCommand(argv)}`,
    );

    out.length = 0;
    err.length = 0;
    expect(await runRunCommand([...argv, '--resume'], io)).toBe(EXIT.waiting);
    const third = JSON.parse(out.join('')) as {
      devices: { outcome: string; reason: string; steps: { step: string }[] }[];
    };
    // Continued at its step (erase), where the device still waits for its passcode.
    expect(third.devices).toMatchObject([{ outcome: 'waiting-for-operator', reason: 'unlock' }]);
    expect(third.devices[0]?.steps.map((s) => s.step)).toEqual(['erase']);
    expect(err.join('\n')).toMatch(/continues where it was interrupted/);
  }, 90_000);

  it('quotes the resume command for a shell', () => {
    expect(resumeCommand(['--workflow', 'my flow.json', '--resume'])).toBe(
      "enroll-bench run --workflow 'my flow.json' --resume",
    );
    expect(resumeCommand(['--profile', "it's.mobileconfig"])).toBe(
      `enroll-bench run --profile 'it'\\''s.mobileconfig' --resume`,
    );
  });
});
