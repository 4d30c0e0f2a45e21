/**
 * The `ade-reenroll` preset on the simulated cfgutil (issue 26): a mixed cart where each device ends in its
 * right state, judged from the device. ADE devices are supervised by their Apple Business/School Manager
 * organization (here Northwind Academy, listed in the workflow), never by the bench's own name.
 */
import { describe, expect, it } from 'vitest';
import type { Workflow } from '../../../preload/jobs-domain';
import { foldJournal } from '../../../main/jobs/job-journal';
import type { JournalEntry } from '../../../main/jobs/journal-entry';
import { ADE_ATTEMPTS } from '../../../main/jobs/steps/prepare-ade-step';
import { ADE_REENROLL, presetWorkflows } from '../../../main/jobs/workflow/presets';
import { jobOf, jobsBench, until, type JobsBench } from './jobs-sim-harness';

const NORTHWIND = 'Northwind Academy';
const preset = presetWorkflows.find((w) => w.id === ADE_REENROLL) as Workflow;
const adeCart: Workflow = { ...preset, id: 'ade-cart', preset: false, adeOrganizations: [NORTHWIND] };

/** Last year's ADE device: supervised by its organization, assigned to it again. */
const lastYears = (org: string) => ({
  paired: true,
  supervisedBy: { organizationName: org, certificate: Buffer.from(`ade:${org}`) },
});

/** The runs of `command` the device took: a refusal as busy (still settling after a reboot) did nothing. */
const commands = (bench: JobsBench, ecid: string, command: string) =>
  bench.runs.filter((r) => r.ecid === ecid && r.command === command && r.errorCode !== 'device-busy');

describe('ade-reenroll on a mixed cart', () => {
  it('re-enrolls the assigned device, holds the unassigned one with the checklist, never erases another organization’s', async () => {
    const bench = await jobsBench({ workflows: [adeCart], workflowId: 'ade-cart' });
    const world = bench.handle.world;
    const assigned = world.attach({ ...lastYears(NORTHWIND), dep: 'available', depOrganization: NORTHWIND });
    const unassigned = world.attach({ paired: true, dep: 'none' });
    const foreign = world.attach({ ...lastYears('Fabrikam'), dep: 'available', depOrganization: 'Fabrikam' });
    const transient = world.attach({
      ...lastYears(NORTHWIND),
      dep: 'transiently-unavailable',
      depUnavailablePrepares: 1,
      depOrganization: NORTHWIND,
    });
    const ids = [assigned, unassigned, foreign, transient].map((d) => d.ecid);
    const jobs = await until(
      bench,
      (j) => ids.every((e) => ['succeeded', 'failed', 'skipped'].includes(jobOf(j, e)?.phase ?? '')),
      60_000,
    );

    // Assigned: ends at what the device shows, supervised by its ADE organization, Setup Assistant next.
    expect(jobOf(jobs, assigned.ecid)).toMatchObject({ phase: 'succeeded', adeStanding: 'ready-for-user' });
    expect(world.device(assigned.ecid)).toMatchObject({ isSupervised: true, organizationName: NORTHWIND });
    const prepares = commands(bench, assigned.ecid, 'prepare');
    expect(prepares).toHaveLength(1);
    expect(prepares[0]?.args).toContain('--dep');
    // The ADE profile decides supervision and panes: no identity, no --supervised, no --skip-*.
    expect(prepares[0]?.argv).not.toContain('-C');
    expect(prepares[0]?.args.some((a) => a === '--supervised' || a.startsWith('--skip'))).toBe(false);

    // Unassigned: 33001 on every try, each retry after a fresh erase, then held with the checklist.
    const held = jobOf(jobs, unassigned.ecid);
    expect(held).toMatchObject({ phase: 'failed', error: { code: 'configuration-unavailable' } });
    expect(held?.error?.title).toBe('This device has no Automated Device Enrollment configuration');
    expect(held?.error?.detail).toMatch(/Apple Business Manager or Apple School Manager/);
    expect(held?.error?.detail).toMatch(/enrollment profile/);
    expect(held?.error?.detail).toMatch(/online/);
    expect(commands(bench, unassigned.ecid, 'prepare')).toHaveLength(ADE_ATTEMPTS);
    expect(commands(bench, unassigned.ecid, 'erase')).toHaveLength(ADE_ATTEMPTS);

    // Another organization's device: never erased, never prepared.
    expect(jobOf(jobs, foreign.ecid)).toMatchObject({ phase: 'skipped', skipReason: 'other-organization' });
    expect(commands(bench, foreign.ecid, 'erase')).toHaveLength(0);
    expect(world.device(foreign.ecid)).toMatchObject({ organizationName: 'Fabrikam', isSupervised: true });

    // Transient: one 33001 right after the assignment, an erase, and the second prepare --dep works.
    expect(jobOf(jobs, transient.ecid)).toMatchObject({ phase: 'succeeded', adeStanding: 'ready-for-user' });
    expect(commands(bench, transient.ecid, 'prepare')).toHaveLength(2);
    expect(commands(bench, transient.ecid, 'erase')).toHaveLength(2);

    // The bench log says which path each device took.
    const ended = (bench.journal.entries as JournalEntry[]).filter((e) => e.kind === 'job-ended');
    expect(ended.length).toBeGreaterThanOrEqual(4);
    for (const entry of ended) expect(entry.kind === 'job-ended' && entry.record.enrollmentPath).toBe('ade');
  }, 90_000);

  it('holds a device whose ADE assignment supervises it for an organization the workflow does not list', async () => {
    const bench = await jobsBench({ workflows: [adeCart], workflowId: 'ade-cart' });
    const device = bench.handle.world.attach({ paired: true, dep: 'available', depOrganization: 'Fabrikam' });
    const jobs = await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'failed', 30_000);
    expect(jobOf(jobs, device.ecid)?.error).toMatchObject({
      title: 'Its ADE configuration belongs to another organization',
      retryable: false,
    });
    expect(jobOf(jobs, device.ecid)?.adeStanding).toBeUndefined();
  }, 40_000);

  it('says Enrolled when the device shows its MDM enrollment (the user went through Setup Assistant)', async () => {
    const bench = await jobsBench({
      workflows: [adeCart],
      workflowId: 'ade-cart',
      world: { autoFinishSetupSeconds: 1 },
    });
    const device = bench.handle.world.attach({ paired: true, dep: 'available', depOrganization: NORTHWIND });
    // Enrollment happens on the device after the reboot (the simulated user finishes Setup Assistant at once).
    const jobs = await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'succeeded', 30_000);
    expect(jobOf(jobs, device.ecid)?.adeStanding).toBe('enrolled');
    expect(bench.handle.world.device(device.ecid)?.profiles.map((p) => p.isMdm)).toEqual([true]);
  }, 40_000);

  it('goes on after a restart mid-cart from the journal: Retry resumes at prepare --dep without a second erase', async () => {
    const bench = await jobsBench({ workflows: [adeCart], workflowId: 'ade-cart' });
    const device = bench.handle.world.attach({
      ...lastYears(NORTHWIND),
      dep: 'available',
      depOrganization: NORTHWIND,
    });
    await until(bench, (j) => jobOf(j, device.ecid)?.step === 'prepare-ade', 30_000);
    const onDisk = foldJournal([...(bench.journal.entries as JournalEntry[])]);
    const board = await bench.restart(onDisk, {});
    await until({ board }, (j) => jobOf(j, device.ecid)?.phase === 'interrupted', 30_000);
    board.jobAction(device.ecid, 'retry');
    const jobs = await until({ board }, (j) => jobOf(j, device.ecid)?.phase === 'succeeded', 30_000);
    expect(jobOf(jobs, device.ecid)).toMatchObject({ adeStanding: 'ready-for-user', workflowId: 'ade-cart' });
    expect(commands(bench, device.ecid, 'erase')).toHaveLength(1);
    expect(bench.handle.world.device(device.ecid)).toMatchObject({ organizationName: NORTHWIND });
  }, 60_000);

  it.each([
    // Unknown on a real Mac (cfgutil README, ADE section): whether a prepare works after a failed prepare --dep.
    { after: 'works' as const, extraErases: 0 },
    { after: 'needs-erase' as const, extraErases: 1 },
  ])(
    'switches a device with no ADE configuration to direct enrollment with one action (prepare after a failed --dep $after)',
    async ({ after, extraErases }) => {
      const bench = await jobsBench({
        workflows: [adeCart],
        workflowId: 'ade-cart',
        world: { quirks: { mdmSilentOnSupervised: true, prepareAfterFailedDep: after } },
      });
      const device = bench.handle.world.attach({ paired: true, dep: 'none' });
      await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'failed', 40_000);
      const erases = commands(bench, device.ecid, 'erase').length;
      expect(erases).toBe(ADE_ATTEMPTS);

      const switched = bench.board.jobAction(device.ecid, 'switch-to-direct');
      expect(switched.workflowId).toBe('supervise-and-enroll');
      const jobs = await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'succeeded', 40_000);
      const job = jobOf(jobs, device.ecid);
      // The erase step sees the device at Setup Assistant already (its effect is on the device) and sends
      // nothing; only a 612 from prepare costs an erase.
      expect(job?.steps[0]).toMatchObject({ step: 'erase', outcome: 'succeeded' });
      expect(job?.adeStanding).toBeUndefined();
      expect(commands(bench, device.ecid, 'erase')).toHaveLength(erases + extraErases);
      // Supervised by this bench now, with the Intune profile it installed.
      expect(bench.handle.world.device(device.ecid)).toMatchObject({
        isSupervised: true,
        organizationName: 'Contoso Schools',
      });
      const ended = (bench.journal.entries as JournalEntry[]).filter((e) => e.kind === 'job-ended');
      expect(ended.map((e) => e.kind === 'job-ended' && e.record.enrollmentPath)).toEqual(['ade', 'direct']);
    },
    90_000,
  );

  it('refuses the switch for a job still running, and for one that is not an ADE job', async () => {
    const bench = await jobsBench({ world: { quirks: { mdmSilentOnSupervised: true } } });
    const device = bench.handle.world.attach({ paired: true });
    await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'running', 30_000);
    expect(() => bench.board.jobAction(device.ecid, 'switch-to-direct')).toThrow(/Cannot switch now/);
    bench.board.jobAction(device.ecid, 'cancel');
    await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'cancelled', 30_000);
    expect(() => bench.board.jobAction(device.ecid, 'switch-to-direct')).toThrow(/Not an ADE job/);
    expect(jobOf(bench.board.views(), device.ecid)?.workflowId).toBe('supervise-and-enroll');
  }, 60_000);
});
