import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startRunSession, type RunSession } from '../../../main/app/run-session';
import { JOURNAL_DIR } from '../../../main/journal/journal-entry';
import { workflowSource } from '../../../main/jobs/workflow-source';
import { SimWorld } from '../../../main/sim/sim-world';
import { EnrollmentJournal } from '../../../main/intune/enrollment/enrollment-journal';
import { startTenant } from '../intune/enrollment/enrollment-fixtures';
import { devicesOnBench } from '../../../preload/counts';
import type { Device } from '../../../preload/domain';
import type { JobView, RunStatus } from '../../../preload/jobs-domain';
import { TRAINING_PROFILE_IDENTIFIER } from '../../../preload/domain';
import { IdentityService } from '../../../main/identity/identity-service';
import { ProfileChannels } from '../../../main/profiles/profile-channels';
import { ProfileService } from '../../../main/profiles/profile-service';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const SCALE = 0.005;

/** The devices `run --simulate --cart N` plugs in: same seed, same order, so the same ECIDs and serials. */
function cartDevices(count: number) {
  const probe = new SimWorld({ timeScale: SCALE, seed: 1 });
  return Array.from({ length: count }, () => probe.attach({ deviceClass: 'iPad', paired: true }));
}

async function dataFolder(settings: object): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'run-session-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await writeFile(path.join(dir, 'settings.json'), JSON.stringify(settings));
  return dir;
}

async function journalEntries(dataDir: string): Promise<Record<string, unknown>[]> {
  const dir = path.join(dataDir, JOURNAL_DIR);
  const lines: string[] = [];
  for (const file of await readdir(dir))
    lines.push(...(await readFile(path.join(dir, file), 'utf8')).split('\n'));
  return lines.filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
}

async function untilEnded(session: RunSession, count: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  const ended = ['succeeded', 'failed', 'skipped', 'cancelled', 'interrupted'];
  while (session.board.views().filter((j) => ended.includes(j.phase)).length < count) {
    if (Date.now() > deadline) throw new Error(`not ended: ${JSON.stringify(session.board.views())}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('startRunSession follows the data folder settings, as the app does', () => {
  it('never touches a device on the ignore list, and takes the cap and station name from settings.json', async () => {
    const [mine, other] = cartDevices(2);
    if (!mine || !other) throw new Error('no probe devices');
    const dataDir = await dataFolder({
      ignore: { serials: [mine.serialNumber], ecids: [] },
      concurrency: 3,
      stationName: 'Cart Room 2',
      countdownSeconds: 0,
    });
    const notes: string[] = [];
    const workflow = workflowSource().get('supervise-and-enroll');
    if (!workflow) throw new Error('no preset');
    const session = await startRunSession({
      dataDir,
      workflow,
      simulate: { cart: 2, timeScale: SCALE },
      note: (text) => notes.push(text),
    });
    cleanups.push(() => session.close());
    expect(session.board.runStatus().concurrency).toBe(3);
    await untilEnded(session, 2);
    const jobs = session.board.views();
    const skipped = jobs.find((j) => j.ecid === mine.ecid);
    expect(skipped).toMatchObject({ phase: 'skipped', skipReason: 'ignore-list' });
    expect(jobs.find((j) => j.ecid === other.ecid)?.phase).toBe('succeeded');
    // The ignored device was left as it was: still activated, never erased.
    expect(session.world?.world.device(mine.ecid)?.activationState).toBe('Activated');
    await session.close();
    const entries = await journalEntries(dataDir);
    expect(entries.find((e) => e.kind === 'session-started')).toMatchObject({ stationName: 'Cart Room 2' });
    expect(
      entries
        .filter((e) => e.kind === 'job-ended')
        .map((e) => (e.record as { stationName?: string }).stationName),
    ).toEqual(['Cart Room 2', 'Cart Room 2']);
  });

  it('--concurrency chooses for this run only, over the settings', async () => {
    const dataDir = await dataFolder({ concurrency: 3 });
    const workflow = workflowSource().get('supervise-and-enroll');
    if (!workflow) throw new Error('no preset');
    const session = await startRunSession({
      dataDir,
      workflow,
      simulate: { cart: 0, timeScale: SCALE },
      concurrency: 2,
      note: () => {},
    });
    cleanups.push(() => session.close());
    expect(session.board.runStatus().concurrency).toBe(2);
  });
});

describe('startRunSession joins Intune as the app does (issue 25)', () => {
  it('with Intune connected and push on, every prepared serial is pushed once and confirmed enrolled', async () => {
    const tenant = await startTenant();
    cleanups.push(() => tenant.fake.close());
    tenant.fake.enrollment.enrollDelayMs = 20;
    const dataDir = await dataFolder({ countdownSeconds: 0 });
    const workflow = workflowSource().get('supervise-and-enroll');
    if (!workflow) throw new Error('no preset');
    const session = await startRunSession({
      dataDir,
      workflow,
      simulate: { cart: 3, timeScale: SCALE, world: { quirks: { mdmSilentOnSupervised: true } } },
      note: () => {},
      intune: {
        service: { ...tenant.intune, status: async () => ({ connected: true }) },
        fakeTenant: tenant.fake.enrollment,
        timing: { firstWaitMs: 20, pollMs: 20 },
      },
    });
    cleanups.push(() => session.close());
    await untilEnded(session, 3);
    const serials = session.board.views().map((j) => j.serialNumber ?? '');
    expect(session.board.views().every((j) => j.phase === 'succeeded')).toBe(true);
    const journal = new EnrollmentJournal(dataDir);
    cleanups.push(() => journal.close());
    const deadline = Date.now() + 20_000;
    const enrolled = async () => {
      const { columns } = await journal.read();
      return serials.every((s) => columns.get(s)?.enrollment === 'enrolled');
    };
    while (!(await enrolled()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    const { columns } = await journal.read();
    for (const s of serials) {
      expect(tenant.fake.enrollment.timesSent(s), s).toBe(1);
      expect(columns.get(s), s).toMatchObject({ push: 'pushed', enrollment: 'enrolled' });
    }
  });
});

describe('the header’s device count through a whole cart (issue 21 item 4)', () => {
  it('never drops below the cart while erase and prepare restart every device and no one unplugs', async () => {
    const cart = 30;
    const dataDir = await dataFolder({ countdownSeconds: 0 });
    const workflow = workflowSource().get('supervise-and-enroll');
    if (!workflow) throw new Error('no preset');
    let devices: readonly Device[] = [];
    const jobs = new Map<string, JobView>();
    // The count as the header computes it, sampled at every change the bench sends.
    const samples: { onBench: number; attached: number }[] = [];
    const runs: RunStatus[] = [];
    const sample = () =>
      samples.push({ onBench: devicesOnBench(devices, jobs.values()), attached: devices.length });
    const session = await startRunSession({
      dataDir,
      workflow,
      simulate: { cart, timeScale: SCALE },
      note: () => {},
      devices: {
        devicesChanged: (list) => {
          devices = list;
          sample();
        },
        watcherChanged: () => {},
      },
      events: {
        jobChanged: (job) => {
          jobs.set(job.ecid, job);
          sample();
        },
        jobRemoved: (ecid) => {
          jobs.delete(ecid);
          sample();
        },
        factsChanged: () => {},
        runChanged: (run) => runs.push(run),
      },
    });
    cleanups.push(() => session.close());
    const deadline = Date.now() + 240_000;
    while (session.board.views().filter((j) => j.phase === 'succeeded').length < cart) {
      if (Date.now() > deadline)
        throw new Error(`not done: ${JSON.stringify(session.board.views().map((j) => j.phase))}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const full = samples.findIndex((s) => s.onBench === cart);
    expect(full).toBeGreaterThanOrEqual(0);
    const after = samples.slice(full);
    // Devices did leave USB while the cart ran (the restarts): a count of attached devices alone would jump.
    expect(Math.min(...after.map((s) => s.attached))).toBeLessThan(cart);
    expect(Math.min(...after.map((s) => s.onBench))).toBe(cart);
    expect(Math.max(...after.map((s) => s.onBench))).toBe(cart);
    // The cart's time left: not known until a step was timed here, then measured, and it moved as steps ended.
    const busy = runs.filter((r) => r.counts.running > 0);
    expect(busy[0]?.cartEtaUnknown).toBe(true);
    expect(busy[0]?.cartEtaMs).toBeUndefined();
    const estimates = busy.flatMap((r) => (r.cartEtaMs === undefined ? [] : [r.cartEtaMs]));
    expect(new Set(estimates).size).toBeGreaterThan(1);
  }, 300_000);
});

describe('startRunSession with the training profile (issue 21 item 7)', () => {
  async function withTrainingProfile(): Promise<string> {
    const dataDir = await dataFolder({ countdownSeconds: 0 });
    const channels = new ProfileChannels(
      new ProfileService({ dataDir }),
      new IdentityService({ dataDir }),
      () => ({ kind: 'simulator' }),
    );
    await channels.useTrainingProfile();
    return dataDir;
  }

  it('a simulated run uses it, and its bench log rows carry the training profile', async () => {
    const dataDir = await withTrainingProfile();
    const workflow = workflowSource().get('supervise-and-enroll');
    if (!workflow) throw new Error('no preset');
    const session = await startRunSession({
      dataDir,
      workflow,
      simulate: { cart: 1, timeScale: SCALE },
      note: () => {},
    });
    cleanups.push(() => session.close());
    await untilEnded(session, 1);
    await session.close();
    const ended = (await journalEntries(dataDir)).filter((e) => e.kind === 'job-ended');
    expect(ended).toHaveLength(1);
    expect(ended[0]?.record).toMatchObject({ profileIdentifier: TRAINING_PROFILE_IDENTIFIER });
  });

  it('a real cfgutil run refuses it before any device is touched', async () => {
    const dataDir = await withTrainingProfile();
    const workflow = workflowSource().get('supervise-and-enroll');
    if (!workflow) throw new Error('no preset');
    await expect(
      startRunSession({ dataDir, workflow, cfgutilPath: process.execPath, note: () => {} }),
    ).rejects.toMatchObject({ info: { title: 'The training profile is for the simulator only' } });
  });
});
