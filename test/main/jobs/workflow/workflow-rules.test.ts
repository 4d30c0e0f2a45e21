import { describe, expect, it } from 'vitest';
import type { WorkflowStep } from '../../../../preload/jobs-domain';
import { presetWorkflows } from '../../../../main/jobs/workflow/presets';
import { checkStepOrder } from '../../../../main/jobs/workflow/workflow-rules';

const erase: WorkflowStep = { kind: 'erase', allowOtherOrganization: false };
const settle: WorkflowStep = { kind: 'wait-until-settled' };
const prepare: WorkflowStep = {
  kind: 'prepare',
  language: 'en',
  locale: 'en_US',
  skipPanes: 'all',
  allowPairing: false,
};
const finish: WorkflowStep = { kind: 'finish-setup-assistant' };
const install: WorkflowStep = { kind: 'install-enrollment-profile' };
const verify: WorkflowStep = { kind: 'verify-enrollment' };
const rename: WorkflowStep = { kind: 'rename', template: 'iPad-{serial}' };
const shutDown: WorkflowStep = { kind: 'shut-down' };

describe('checkStepOrder', () => {
  it('accepts both presets', () => {
    for (const preset of presetWorkflows) expect(checkStepOrder(preset.steps)).toBeUndefined();
  });

  it('refuses prepare without erase before it, with the reason', () => {
    expect(checkStepOrder([prepare, install])).toEqual({
      field: 'steps[0]',
      message:
        'prepare needs erase before it in the same workflow: cfgutil prepares only a freshly erased device (error 612 otherwise).',
    });
  });

  it('refuses verify-enrollment without install-enrollment-profile before it', () => {
    expect(checkStepOrder([verify, install])?.message).toMatch(
      /^verify-enrollment needs install-enrollment-profile before it/,
    );
    expect(checkStepOrder([install, verify])).toBeUndefined();
  });

  it('wants erase first and a wait for the device to settle right after it', () => {
    expect(checkStepOrder([settle, rename, erase])).toMatchObject({
      field: 'steps[2]',
      message: /first step/,
    });
    expect(checkStepOrder([erase, prepare])).toMatchObject({
      field: 'steps[0]',
      message: /wait-until-settled/,
    });
    expect(checkStepOrder([erase])).toBeUndefined();
  });

  it('wants Setup Assistant finished before a profile in a workflow that erases', () => {
    expect(checkStepOrder([erase, settle, prepare, settle, install])).toMatchObject({
      field: 'steps[4]',
      message: /needs finish-setup-assistant before it/,
    });
    expect(checkStepOrder([finish, install])?.message).toMatch(/belongs in a workflow that erases/);
    const extras: WorkflowStep = { kind: 'install-extra-profiles', files: ['wifi.mobileconfig'] };
    expect(checkStepOrder([erase, settle, extras])?.message).toMatch(/^install-extra-profiles needs finish/);
  });

  it('refuses a step twice, except waiting', () => {
    expect(checkStepOrder([install, verify, rename, rename])).toMatchObject({
      field: 'steps[3]',
      message: /twice/,
    });
    expect(checkStepOrder([erase, settle, settle, prepare, settle, finish])).toBeUndefined();
  });

  it('wants shut-down last', () => {
    expect(checkStepOrder([install, shutDown, verify])).toMatchObject({
      field: 'steps[1]',
      message: /last step/,
    });
    expect(checkStepOrder([install, verify, shutDown])).toBeUndefined();
  });

  it('names the template of a rename that cannot tell devices apart', () => {
    expect(checkStepOrder([install, { kind: 'rename', template: 'Cart 7' }])).toEqual({
      field: 'steps[1].template',
      message: 'Every device would get the same name: add {serial} or a counter such as {n:3}.',
    });
  });
});

describe('checkStepOrder: ADE steps (issue 26)', () => {
  const prepareAde: WorkflowStep = { kind: 'prepare-ade', language: 'en', locale: 'en_US' };
  const confirm: WorkflowStep = { kind: 'confirm-ade-enrollment' };

  it('accepts erase, settle, prepare-ade, settle, confirm', () => {
    expect(checkStepOrder([erase, settle, prepareAde, settle, confirm])).toBeUndefined();
  });

  it('refuses prepare-ade without erase, beside prepare, and confirm without prepare-ade', () => {
    expect(checkStepOrder([prepareAde, confirm])?.message).toMatch(/^prepare-ade needs erase before it/);
    expect(checkStepOrder([erase, settle, prepare, prepareAde])?.message).toMatch(
      /^prepare-ade and prepare cannot share a workflow/,
    );
    expect(checkStepOrder([erase, settle, confirm])).toEqual({
      field: 'steps[2]',
      message:
        'confirm-ade-enrollment needs prepare-ade before it: it judges what prepare --dep did to the device.',
    });
  });
});
