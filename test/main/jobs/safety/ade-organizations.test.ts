/**
 * The change guard's "ours" with a workflow's `adeOrganizations` (issue 26 on issue 19): a device supervised by
 * an Automated Device Enrollment organization is erased only when the workflow lists that organization, by
 * exact name; any other organization is never erased, and a supervisor the device does not show is held.
 * One rule (main/jobs/ade-ownership.ts) decides for the guard and for the erase step before pairing.
 */
import { describe, expect, it } from 'vitest';
import type { Workflow } from '../../../../preload/jobs-domain';
import { judgeChange, type ChangeRequest } from '../../../../main/jobs/safety/change-verdict';
import { ADE_REENROLL, presetWorkflows } from '../../../../main/jobs/workflow/presets';
import { jobOf, jobsBench, until, type JobsBench } from '../jobs-sim-harness';

const NORTHWIND = 'Northwind Academy';
const preset = presetWorkflows.find((w) => w.id === ADE_REENROLL) as Workflow;
const listed: Workflow = { ...preset, id: 'ade-listed', preset: false, adeOrganizations: [NORTHWIND] };
const unlisted: Workflow = { ...preset, id: 'ade-unlisted', preset: false };

const adeDevice = {
  paired: true,
  dep: 'available',
  depOrganization: NORTHWIND,
  supervisedBy: { organizationName: NORTHWIND, certificate: Buffer.from(`ade:${NORTHWIND}`) },
} as const;

const erases = (bench: JobsBench, ecid: string) =>
  bench.runs.filter((r) => r.ecid === ecid && r.command === 'erase' && r.errorCode !== 'device-busy');

const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the guard’s verdict for an ADE organization', () => {
  const request = (over: Partial<ChangeRequest>): ChangeRequest => ({
    command: 'erase',
    ecid: '0x1A2B3C',
    values: {
      serialNumber: 'F9FXK2ABCD',
      isSupervised: true,
      organizationName: NORTHWIND,
      activationState: 'Activated',
      name: 'iPad',
      passcodeProtected: false,
    },
    ours: { organizationName: 'Contoso IT' },
    lists: { ignoreSerials: [], ignoreEcids: [] },
    eraseInUse: 'ask',
    ...over,
  });

  it.each(['erase', 'prepare'] as const)(
    '%s goes only when the organization is listed, by exact name',
    (command) => {
      expect(judgeChange(request({ command, adeOrganizations: [NORTHWIND] }))).toEqual({ kind: 'go' });
      expect(judgeChange(request({ command }))).toEqual({ kind: 'skip', reason: 'other-organization' });
      for (const near of [NORTHWIND.toLowerCase(), `${NORTHWIND} `, 'Northwind'])
        expect(judgeChange(request({ command, adeOrganizations: [near] }))).toEqual({
          kind: 'skip',
          reason: 'other-organization',
        });
    },
  );

  it('a listed organization does not make an unreadable supervisor ours', () => {
    const values = { ...request({}).values, organizationName: undefined };
    expect(judgeChange(request({ values, adeOrganizations: [NORTHWIND] }))).toEqual({
      kind: 'unknown',
      what: 'manager',
    });
  });
});

describe('through the job and the simulator’s cfgutil', () => {
  it('an ADE-organization device is erased when the workflow lists its organization', async () => {
    const bench = await jobsBench({ workflows: [listed], workflowId: listed.id });
    const device = bench.handle.world.attach(adeDevice);
    await until(bench, () => erases(bench, device.ecid).length > 0, 30_000);
    expect(erases(bench, device.ecid).length).toBeGreaterThan(0);
  });

  it('the same device under a workflow that does not list it: skipped, never erased', async () => {
    const bench = await jobsBench({ workflows: [unlisted], workflowId: unlisted.id });
    const device = bench.handle.world.attach(adeDevice);
    const jobs = await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'skipped', 30_000);
    expect(jobOf(jobs, device.ecid)?.skipReason).toBe('other-organization');
    expect(erases(bench, device.ecid)).toEqual([]);
  });

  it('listed, but its supervisor unreadable: held as cannot-tell, never erased', async () => {
    const bench = await jobsBench({ workflows: [listed], workflowId: listed.id });
    const device = bench.handle.world.attach({
      ...adeDevice,
      readShapes: { organizationName: { kind: 'error' } },
    });
    await until(bench, (j) => jobOf(j, device.ecid)?.waiting?.reason === 'cannot-tell', 30_000);
    await settle();
    expect(erases(bench, device.ecid)).toEqual([]);
    expect(bench.handle.world.device(device.ecid)).toMatchObject({ activationState: 'Activated' });
  });
});
