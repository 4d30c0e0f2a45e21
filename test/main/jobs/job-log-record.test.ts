import { describe, expect, it } from 'vitest';
import type { JobView, Workflow } from '../../../preload/jobs-domain';
import { enrollmentPathField, enrollmentPathOf, logRecordFor } from '../../../main/jobs/job-log-record';
import { presetWorkflows } from '../../../main/jobs/workflow/presets';

const context = {
  stationName: 'Bench 1',
  appVersion: '0.1.0',
  sessionId: 's1',
  workflowName: 'Supervise and enroll',
  profileIdentifier: 'com.contoso.enroll',
  organization: 'Contoso',
  model: 'iPad (10th generation)',
};

describe('logRecordFor', () => {
  it('builds the bench log record of a succeeded job from its state', () => {
    const view: JobView = {
      jobId: 'j1',
      ecid: '0xABC',
      serialNumber: 'F9FXXXX',
      workflowId: 'supervise-and-enroll',
      phase: 'succeeded',
      stepCount: 2,
      progress: 1,
      attempt: 1,
      startedAt: 1_000,
      endedAt: 61_000,
      finalName: 'iPad-F9FXXXX',
      steps: [
        { step: 'erase', startedAt: 1_000, endedAt: 31_000, outcome: 'succeeded' },
        { step: 'rename', startedAt: 31_000, endedAt: 61_000, outcome: 'skipped' },
      ],
    };
    expect(logRecordFor(view, context, 99_000)).toEqual({
      jobId: 'j1',
      startedAt: 1_000,
      finishedAt: 61_000,
      durationMs: 60_000,
      ecid: '0xABC',
      serialNumber: 'F9FXXXX',
      model: 'iPad (10th generation)',
      finalName: 'iPad-F9FXXXX',
      workflowId: 'supervise-and-enroll',
      workflowName: 'Supervise and enroll',
      profileIdentifier: 'com.contoso.enroll',
      organization: 'Contoso',
      outcome: 'succeeded',
      overrides: [],
      steps: [
        { step: 'erase', outcome: 'succeeded' },
        { step: 'rename', outcome: 'skipped' },
      ],
      stationName: 'Bench 1',
      appVersion: '0.1.0',
      sessionId: 's1',
    });
  });

  it('carries the error code and title of a failed job, and an unfinished step as interrupted', () => {
    const view: JobView = {
      jobId: 'j2',
      ecid: '0xABC',
      workflowId: 'w',
      phase: 'failed',
      stepCount: 1,
      progress: 0.2,
      attempt: 3,
      error: {
        code: 'activation-locked',
        title: 'Activation Lock is still on',
        detail: '…',
        retryable: true,
      },
      steps: [{ step: 'erase', startedAt: 5 }],
    };
    const record = logRecordFor(view, context, 50);
    expect(record).toMatchObject({
      outcome: 'failed',
      errorCode: 'activation-locked',
      errorMessage: 'Activation Lock is still on',
      startedAt: 5,
      finishedAt: 50,
    });
    expect(record.steps).toEqual([{ step: 'erase', outcome: 'interrupted' }]);
  });
});

describe('enrollmentPathOf (issue 26)', () => {
  it('says ade for a workflow with prepare-ade, direct for one that installs the profile, nothing otherwise', () => {
    const byId = new Map(presetWorkflows.map((w) => [w.id, w]));
    expect(enrollmentPathOf(byId.get('ade-reenroll') as Workflow)).toBe('ade');
    expect(enrollmentPathOf(byId.get('supervise-and-enroll') as Workflow)).toBe('direct');
    expect(enrollmentPathOf(byId.get('enroll-in-place') as Workflow)).toBe('direct');
    expect(enrollmentPathOf({ steps: [{ kind: 'shut-down' }] })).toBeUndefined();
    expect(enrollmentPathField({ steps: [{ kind: 'shut-down' }] })).toEqual({});
  });

  it('carries the path into the record', () => {
    const view: JobView = {
      jobId: 'j9',
      ecid: '0xABC',
      workflowId: 'ade-reenroll',
      phase: 'succeeded',
      stepCount: 5,
      progress: 1,
      attempt: 1,
      adeStanding: 'ready-for-user',
      steps: [],
    };
    expect(logRecordFor(view, { ...context, enrollmentPath: 'ade' }, 5).enrollmentPath).toBe('ade');
    expect('enrollmentPath' in logRecordFor(view, context, 5)).toBe(false);
  });
});
