import { describe, expect, it } from 'vitest';
import type { CfgutilClient } from '../../../main/cfgutil/cfgutil-client';
import { DevicePresence } from '../../../main/jobs/device-presence';
import { HeavyStepLimit } from '../../../main/jobs/heavy-step-limit';
import { JobContextFactory } from '../../../main/jobs/job-context-factory';
import type { JobSlot } from '../../../main/jobs/job-slot';
import { newJob, type JobEvent } from '../../../main/jobs/job-state';
import { DEVICE_TIMINGS } from '../../../main/jobs/job-timings';
import { LastRead } from '../../../main/jobs/last-read';
import { workflowSource } from '../../../main/jobs/workflow-source';
import { safetySource } from '../../../main/jobs/safety/safety-source';
import { NameBook } from '../../../main/jobs/workflow/name-book';

function slotFor(ecid: string): JobSlot {
  const workflow = workflowSource().get('supervise-and-enroll');
  if (!workflow) throw new Error('no preset');
  return {
    view: newJob({ jobId: `job-${ecid}`, ecid, workflowId: workflow.id, stepCount: workflow.steps.length }),
    workflow,
    lastRead: new LastRead(),
    rebootUntil: 0,
    words: new Set(),
  };
}

describe('JobContextFactory', () => {
  const clock = { at: 1_000, now: () => clock.at, setTimeout: () => 0, clearTimeout: () => {} };
  const presence = new DevicePresence();
  presence.update([{ ecid: '0x1001', mode: 'normal', model: 'iPad Air', attachedAt: 0 }]);
  const factory = new JobContextFactory({
    clock,
    timings: DEVICE_TIMINGS,
    limit: new HeavyStepLimit(2),
    presence,
    supervision: { current: () => ({ organizationName: 'Contoso Schools' }) },
    profile: { current: () => ({ path: '/p', payloadIdentifier: 'com.contoso.mdm' }) },
    extraProfilesDir: '/data/profiles/extra',
    safety: safetySource(() => ({ ignoreEcids: [], ignoreSerials: [] }), {}),
    names: new NameBook(),
    deviceType: (ecid) => (ecid === '0x1001' ? 'iPad13,1' : undefined),
  });
  const client = {} as CfgutilClient;

  it('gives a job its device, ours, the hooks of its board and the reboot window', () => {
    const slot = slotFor('0x1001');
    const events: JobEvent[] = [];
    const ctx = factory.contextFor(slot, new AbortController(), client, {
      dispatch: (e) => events.push(e),
      noteRead: () => {},
    });
    expect(ctx.ecid).toBe('0x1001');
    expect(ctx.ours).toEqual({ organizationName: 'Contoso Schools', profileIdentifier: 'com.contoso.mdm' });
    expect(ctx.extraProfilesDir).toBe('/data/profiles/extra');
    expect(ctx.isPresent()).toBe(true);
    expect(ctx.modelName()).toBe('iPad Air');
    expect(ctx.rebootExpected()).toBe(false);
    ctx.expectReboot(5_000);
    expect(slot.rebootUntil).toBe(5_000);
    expect(ctx.rebootExpected()).toBe(true);
    ctx.setWaiting('tap-trust');
    ctx.resume();
    expect(events.map((e) => e.type)).toEqual(['waiting-for-operator', 'resumed']);
  });

  it('names each job from the counter its device holds per template, never one name for two devices', () => {
    const hooks = { dispatch: () => {}, noteRead: () => {} };
    const a = factory.contextFor(slotFor('0x1001'), new AbortController(), client, hooks);
    const b = factory.contextFor(slotFor('0x1002'), new AbortController(), client, hooks);
    const cart = (n: number) => `Cart-${n}`;
    expect([
      a.nameFor('Cart-{n}', cart),
      b.nameFor('Cart-{n}', cart),
      a.nameFor('Cart-{n}', cart),
      a.nameFor('Other-{n}', (n) => `Other-${n}`),
    ]).toEqual(['Cart-1', 'Cart-2', 'Cart-1', 'Other-1']);
    // A template without a counter cannot give a second device the same name.
    expect(a.nameFor('Fixed', () => 'Fixed')).toBe('Fixed');
    expect(b.nameFor('Fixed', () => 'Fixed')).toBeUndefined();
    expect([a.deviceType(), b.deviceType()]).toEqual(['iPad13,1', undefined]);
  });

  it('keeps a word pressed between polls for the next poll of the same wait; resume drops it', async () => {
    const hooks = { dispatch: () => {}, noteRead: () => {} };
    const slot = slotFor('0x1001');
    const ctx = factory.contextFor(slot, new AbortController(), client, hooks);
    slot.wordPending = true;
    await expect(ctx.waitForOperatorWord(1_000)).resolves.toBe(true);
    expect(slot.wordPending).toBe(false);
    slot.wordPending = true;
    ctx.resume();
    expect(slot.wordPending).toBe(false);
  });
});
