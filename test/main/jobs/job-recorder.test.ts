import { describe, expect, it } from 'vitest';
import { memoryJournal } from '../../../main/jobs/job-journal';
import { JobRecorder } from '../../../main/jobs/job-recorder';
import type { JobSlot } from '../../../main/jobs/job-slot';
import { newJob, reduceJob } from '../../../main/jobs/job-state';
import { LastRead } from '../../../main/jobs/last-read';
import { workflowSource } from '../../../main/jobs/workflow-source';

function setup() {
  const journal = memoryJournal();
  const clock = { now: () => 1_000 };
  const recorder = new JobRecorder({
    journal,
    clock,
    sessionId: 'session-1',
    appVersion: '9.9.9',
    profile: { current: () => ({ path: '/p', payloadIdentifier: 'com.contoso.mdm', sha256: 'abc' }) },
    supervision: { current: () => ({ organizationName: 'Contoso Schools' }) },
    device: (ecid) =>
      ecid === '0x1001'
        ? { ecid, mode: 'normal', model: 'iPad (10th generation)', portLabel: 'Port 1 › 2', attachedAt: 0 }
        : undefined,
  });
  const workflow = workflowSource().get('supervise-and-enroll');
  if (!workflow) throw new Error('no preset');
  const slot: JobSlot = {
    view: newJob({
      jobId: 'job-1',
      ecid: '0x1001',
      workflowId: workflow.id,
      stepCount: workflow.steps.length,
    }),
    workflow,
    profileSha256: 'abc',
    lastRead: new LastRead(),
    rebootUntil: 0,
    words: new Set(),
    values: { firmwareVersion: '17.5' },
  };
  return { journal, recorder, slot };
}

describe('JobRecorder', () => {
  it('journals the session, a job’s creation and its end with the bench-log record’s context', () => {
    const { journal, recorder, slot } = setup();
    recorder.sessionStarted('Cart Room 2');
    recorder.created(slot);
    slot.view = reduceJob(slot.view, { type: 'skipped', at: 1_000, reason: 'ignore-list' });
    recorder.transition(slot);
    recorder.ended(slot, 'Cart Room 2');
    expect(journal.entries.map((e) => e.kind)).toEqual([
      'session-started',
      'job-created',
      'job-transition',
      'job-ended',
    ]);
    expect(journal.entries[0]).toMatchObject({
      sessionId: 'session-1',
      stationName: 'Cart Room 2',
      appVersion: '9.9.9',
    });
    expect(journal.entries[1]).toMatchObject({ jobId: 'job-1', ecid: '0x1001', sessionId: 'session-1' });
    expect(journal.entries[3]).toMatchObject({
      kind: 'job-ended',
      jobId: 'job-1',
      record: {
        stationName: 'Cart Room 2',
        organization: 'Contoso Schools',
        profileIdentifier: 'com.contoso.mdm',
        portLabel: 'Port 1 › 2',
        iosVersion: '17.5',
        sessionId: 'session-1',
      },
    });
  });

  it('passes the journal’s health on, when the journal reports it', () => {
    const { recorder } = setup();
    expect(recorder.onHealth(() => {})).toBeUndefined();
    const listeners: ((p: string | undefined) => void)[] = [];
    const healthy = new JobRecorder({
      journal: { append: () => {}, close: async () => {}, onHealth: (l) => (listeners.push(l), () => {}) },
      clock: { now: () => 0 },
      sessionId: 's',
      appVersion: 'dev',
      profile: { current: () => undefined },
      supervision: { current: () => ({}) },
      device: () => undefined,
    });
    const told: (string | undefined)[] = [];
    healthy.onHealth((p) => told.push(p));
    listeners[0]?.('disk full');
    expect(told).toEqual(['disk full']);
  });
});
