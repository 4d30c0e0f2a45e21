import { describe, expect, it } from 'vitest';
import type { CfgutilClient } from '../../../main/cfgutil/cfgutil-client';
import { admissionEvent, readOnArrival } from '../../../main/jobs/job-admission';
import { ARRIVAL_PROPERTIES } from '../../../main/jobs/device-read';
import type { JobSlot } from '../../../main/jobs/job-slot';
import { newJob } from '../../../main/jobs/job-state';
import { LastRead } from '../../../main/jobs/last-read';
import { workflowSource } from '../../../main/jobs/workflow-source';

describe('admissionEvent', () => {
  it('ends admission for ignored, done and interrupted devices, and lets a new one through', () => {
    expect(admissionEvent({ kind: 'ignore' }, 5)).toEqual({ type: 'skipped', at: 5, reason: 'ignore-list' });
    expect(admissionEvent({ kind: 'already-done' }, 5)).toEqual({
      type: 'skipped',
      at: 5,
      reason: 'already-done',
    });
    expect(admissionEvent({ kind: 'interrupted', stepIndex: 2 }, 5)).toEqual({ type: 'interrupted', at: 5 });
    expect(admissionEvent({ kind: 'new' }, 5)).toBeUndefined();
  });
});

describe('readOnArrival', () => {
  it('asks for the arrival properties once and remembers the read for this appearance of the device', async () => {
    const asked: (readonly string[])[] = [];
    const client = {
      get: async (_ecid: string, properties: readonly string[]) => {
        asked.push(properties);
        return { values: { serialNumber: 'F9FXQ0A1HG7Q' }, errors: {} };
      },
    } as unknown as CfgutilClient;
    const workflow = workflowSource().get('supervise-and-enroll');
    if (!workflow) throw new Error('no preset');
    const slot: JobSlot = {
      view: newJob({ jobId: 'j', ecid: '0x1001', workflowId: workflow.id, stepCount: workflow.steps.length }),
      workflow,
      lastRead: new LastRead(),
      rebootUntil: 0,
      words: new Set(),
    };
    const read = await readOnArrival({
      client,
      ecid: '0x1001',
      slot,
      ours: {},
      now: () => 100,
      generation: 2,
    });
    expect(read.values.serialNumber).toBe('F9FXQ0A1HG7Q');
    expect(asked).toEqual([ARRIVAL_PROPERTIES]);
    expect(slot.lastRead.valid(['serialNumber'], 2, 100, 1_000)).toBe(read);
    // Another appearance of the device (it left and came back) does not reuse it.
    expect(slot.lastRead.valid(['serialNumber'], 3, 100, 1_000)).toBeUndefined();
  });
});
