import { describe, expect, it } from 'vitest';
import { admitByEcid, admitBySerial, type AdmissionRules } from '../../../main/jobs/admission';
import { doneKey, type LastJobState } from '../../../main/journal/job-journal';

function rules(last?: LastJobState, done: Record<string, string[]> = {}): AdmissionRules {
  return {
    ignoreEcids: ['0xabc'],
    ignoreSerials: ['MINE'],
    history: {
      lastByEcid: new Map(last ? [['0xDEF', last]] : []),
      doneBySerial: new Map(Object.entries(done).map(([k, v]) => [k, new Set(v)])),
      warnings: [],
    },
    workflowId: 'w',
    profileSha256: 'p1',
  };
}

const last = (fields: Partial<LastJobState>): LastJobState => ({
  jobId: 'j',
  workflowId: 'w',
  phase: 'running',
  ended: false,
  ...fields,
});

describe('admission', () => {
  it('ignores listed ECIDs in any case, and listed serials', () => {
    expect(admitByEcid('0xABC', rules())).toEqual({ kind: 'ignore' });
    expect(admitBySerial('MINE', rules())).toEqual({ kind: 'ignore' });
  });

  it('shows a job cut off by a crash or by closing as interrupted at its step, only for the same workflow', () => {
    expect(admitByEcid('0xDEF', rules(last({ stepIndex: 2 })))).toEqual({
      kind: 'interrupted',
      stepIndex: 2,
    });
    expect(admitByEcid('0xDEF', rules(last({ phase: 'interrupted', ended: true, stepIndex: 1 })))).toEqual({
      kind: 'interrupted',
      stepIndex: 1,
    });
    expect(admitByEcid('0xDEF', rules(last({ workflowId: 'other' })))).toEqual({ kind: 'new' });
    expect(admitByEcid('0xDEF', rules(last({ phase: 'failed', ended: true })))).toEqual({ kind: 'new' });
  });

  it('is Done only for the same workflow and profile on this serial', () => {
    expect(admitBySerial('S1', rules(undefined, { S1: [doneKey('w', 'p1')] }))).toEqual({
      kind: 'already-done',
    });
    expect(admitBySerial('S1', rules(undefined, { S1: [doneKey('w', 'p0')] }))).toEqual({ kind: 'new' });
    expect(admitBySerial('S1', rules(undefined, { S1: [doneKey('x', 'p1')] }))).toEqual({ kind: 'new' });
    expect(admitBySerial(undefined, rules())).toEqual({ kind: 'new' });
  });
});
