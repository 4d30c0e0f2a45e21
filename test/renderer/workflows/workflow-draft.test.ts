import { describe, expect, it } from 'vitest';
import type { Workflow } from '../../../preload/jobs-domain';
import {
  checkDraft,
  duplicateWorkflow,
  moveStep,
  newStep,
  stepKinds,
} from '../../../renderer/workflows/workflow-draft';

const preset: Workflow = {
  id: 'supervise-and-enroll',
  name: 'Supervise and enroll',
  description: '',
  preset: true,
  steps: [newStep('erase'), newStep('prepare'), newStep('rename')],
};

describe('workflow drafts', () => {
  it('duplicates a preset under a free id, no longer a preset', () => {
    const copy = duplicateWorkflow(preset, ['supervise-and-enroll', 'supervise-and-enroll-copy']);
    expect(copy).toMatchObject({
      id: 'supervise-and-enroll-copy-2',
      name: 'Supervise and enroll (copy)',
      preset: false,
    });
    expect(copy.steps).toEqual(preset.steps);
  });

  it('moves steps within bounds', () => {
    expect(moveStep(preset.steps, 2, -1).map((s) => s.kind)).toEqual(['erase', 'rename', 'prepare']);
    expect(moveStep(preset.steps, 0, -1).map((s) => s.kind)).toEqual(['erase', 'prepare', 'rename']);
  });

  it('gives every step kind safe defaults (erase never another organization, pairing forbidden)', () => {
    expect(stepKinds.map((kind) => newStep(kind).kind)).toEqual(stepKinds);
    expect(newStep('erase')).toEqual({ kind: 'erase', allowOtherOrganization: false });
    expect(newStep('prepare')).toMatchObject({ allowPairing: false, skipPanes: 'all' });
  });

  it('names the field of each problem', () => {
    const bad = { ...preset, id: 'Cart 7', name: ' ', steps: [] };
    expect(checkDraft(bad, []).map((p) => p.field)).toEqual(['id', 'name', 'steps']);
    expect(checkDraft({ ...preset, id: 'cart-7' }, ['cart-7'])[0]).toMatchObject({ field: 'id' });
    expect(checkDraft({ ...preset, id: 'cart-7' }, ['other'])).toEqual([]);
  });
});
