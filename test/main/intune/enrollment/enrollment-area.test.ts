/**
 * Issue 25 through the Intune area as createBench composes it: job endings from the composition's recorder
 * (`onJobEnded`, never the UI hub) drive the push and the watch, each change is announced (the
 * `intuneEnrollmentChanged` event), the install gate pushes an ACME serial first, and in the simulator the fake tenant sees each finished device check in after a delay
 * (or never, or twice, by ENROLL_BENCH_FAKE_INTUNE_ENROLL).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { InstallGate } from '../../../../main/intune/enrollment/install-gate';
import { createIntuneArea, type IntuneArea } from '../../../../main/intune/intune-area';
import { ProfileService } from '../../../../main/profiles/profile-service';
import type { IntuneEnrollmentView } from '../../../../preload/intune-domain';
import type { JobView } from '../../../../preload/jobs-domain';
import { makeWorkDir } from '../../profiles/profile-fixtures';

let work: Awaited<ReturnType<typeof makeWorkDir>> | undefined;
let area: IntuneArea | undefined;
afterEach(async () => {
  await area?.close();
  await work?.cleanup();
  area = undefined;
});

const value = <T>(r: { ok: true; value: T } | { ok: false }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
};

function done(serial: string, n: number): JobView {
  return {
    jobId: `job-${n}`,
    ecid: `0x${(0x1000 + n).toString(16).toUpperCase()}`,
    serialNumber: serial,
    workflowId: 'supervise-and-enroll',
    phase: 'succeeded',
    stepCount: 8,
    progress: 1,
    attempt: 1,
    steps: [],
    endedAt: Date.now(),
  };
}

async function start(env: NodeJS.ProcessEnv = {}) {
  work = await makeWorkDir();
  const profiles = new ProfileService({ dataDir: work.dir });
  // The composition's onJobEnded, as main/app/compose-provisioning.ts gives it.
  const listeners = new Set<(job: JobView) => void>();
  const recorder = { ended: (job: JobView) => listeners.forEach((l) => l(job)) };
  const announced: IntuneEnrollmentView[] = [];
  const installGate = new InstallGate();
  area = await createIntuneArea({
    dataDir: work.dir,
    profiles,
    log: () => undefined,
    simulate: true,
    env,
    onJobEnded: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    installGate,
    announce: (e) => announced.push(e),
    fakeEnrollDelayMs: 20,
    enrollmentTiming: { firstWaitMs: 20, pollMs: 20 },
  });
  const c = area.channels;
  value(await c.connectIntune({ tenantId: 't', clientId: 'c', cloud: 'global' }));
  const list = value(await c.listIntuneProfiles());
  return { recorder, announced, installGate, profiles, c, list };
}

const until = async (check: () => boolean, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(check()).toBe(true);
};

describe('Intune enrollment through the area', () => {
  it('SCEP: finished jobs are pushed once and announced "enrolled"; the channel lists the same', async () => {
    const { recorder, announced, c, list } = await start();
    value(await c.pullIntuneProfile({ profileId: list.find((p) => p.name.includes('SCEP'))!.id }));
    expect(value(await c.setIntunePushSerials({ on: true })).pushSerials).toBe(true);
    const serials = ['F9FXQ0A1HG01', 'F9FXQ0A1HG02', 'F9FXQ0A1HG03'];
    serials.forEach((s, i) => {
      recorder.ended(done(s, i));
      recorder.ended(done(s, i)); // the same job told twice is one device
    });
    const enrolled = () => new Set(announced.filter((e) => e.enrollment === 'enrolled').map((e) => e.serial));
    await until(() => enrolled().size === 3);
    const listed = value(await c.getIntuneEnrollments());
    for (const s of serials)
      expect(listed.find((e) => e.serial === s)).toMatchObject({ push: 'pushed', enrollment: 'enrolled' });
  });

  it('ACME: the install gate pushes the serial before the install; without push on it does nothing', async () => {
    const { installGate, c, list, announced } = await start();
    value(await c.pullIntuneProfile({ profileId: list.find((p) => p.name.includes('ACME'))!.id }));
    const signal = new AbortController().signal;
    await installGate.run('F9FXQ0A1HG10', signal);
    expect(announced).toEqual([]);
    value(await c.setIntunePushSerials({ on: true }));
    await installGate.run('F9FXQ0A1HG11', signal);
    expect(announced).toContainEqual(expect.objectContaining({ serial: 'F9FXQ0A1HG11', push: 'pushed' }));
    await expect(installGate.run('BAD', signal)).rejects.toThrow(/serial/);
  });

  it('the simulator switch: some devices never appear, some twice', async () => {
    const { recorder, announced, c, list } = await start({ ENROLL_BENCH_FAKE_INTUNE_ENROLL: 'twice' });
    value(await c.pullIntuneProfile({ profileId: list[0]!.id }));
    recorder.ended(done('F9FXQ0A1HG20', 20));
    await until(() => announced.some((e) => e.enrollment === 'several'));
    expect(announced.find((e) => e.enrollment === 'several')).toMatchObject({ records: 2 });
  });
});
