import { describe, expect, it } from 'vitest';
import { parseWorkflow, parseWorkflowText } from '../../../../main/jobs/workflow/parse-workflow';
import { presetWorkflows } from '../../../../main/jobs/workflow/presets';

const cart = {
  id: 'cart-7',
  name: 'Cart 7',
  steps: [
    { kind: 'erase' },
    { kind: 'wait-until-settled' },
    { kind: 'prepare', language: 'fr', locale: 'fr_CA', skipPanes: ['language', 'region'] },
    { kind: 'wait-until-settled' },
    { kind: 'finish-setup-assistant' },
    { kind: 'install-enrollment-profile' },
    { kind: 'verify-enrollment' },
    { kind: 'rename', template: 'Cart7-{n:2}' },
    { kind: 'shut-down' },
  ],
};

function refusal(raw: unknown): string {
  const parsed = parseWorkflow(raw);
  if (parsed.ok) throw new Error('expected a refusal');
  return parsed.message;
}

function withStep(index: number, step: object) {
  return { ...cart, steps: cart.steps.map((s, i) => (i === index ? step : s)) };
}

describe('parseWorkflow', () => {
  it('reads a hand-written file and fills the safe defaults', () => {
    const parsed = parseWorkflow(cart);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.workflow).toMatchObject({ id: 'cart-7', description: '', preset: false });
    expect(parsed.workflow.steps[0]).toEqual({ kind: 'erase', allowOtherOrganization: false });
    expect(parsed.workflow.steps[2]).toMatchObject({
      allowPairing: false,
      skipPanes: ['language', 'region'],
    });
  });

  it('reads the presets back as they are, but never as presets', () => {
    for (const preset of presetWorkflows) {
      expect(parseWorkflow({ ...preset, preset: false })).toEqual({
        ok: true,
        workflow: { ...preset, preset: false },
      });
      expect(refusal(preset)).toBe('preset: preset must be false (only the shipped presets are presets)');
    }
  });

  it('names the field at fault', () => {
    expect(refusal({ ...cart, id: 'Cart 7' })).toMatch(/^id: id must be lower-case letters/);
    expect(refusal({ ...cart, name: undefined })).toBe('name: name must be text');
    expect(refusal({ ...cart, name: 'Cart \u202e7' })).toBe(
      'name: name must not hold line breaks or control characters',
    );
    expect(refusal({ ...cart, steps: [] })).toBe('steps: steps must hold at least one step');
    expect(refusal(withStep(2, { ...cart.steps[2], locale: 'fr-CA' }))).toMatch(
      /^steps\[2\]\.locale: locale must be a locale such as "en_US"/,
    );
    expect(refusal(withStep(2, { ...cart.steps[2], language: '--erase' }))).toMatch(
      /^steps\[2\]\.language: /,
    );
    expect(refusal(withStep(0, { kind: 'erase', allowOtherOrganization: 'yes' }))).toBe(
      'steps[0].allowOtherOrganization: allowOtherOrganization must be true or false',
    );
    expect(refusal(withStep(1, { kind: 'reboot' }))).toMatch(
      /^steps\[1\]\.kind: kind must be one of erase, prepare/,
    );
    expect(refusal([cart])).toMatch(/^\(the file\): /);
  });

  it('names a misspelt field instead of ignoring it', () => {
    expect(refusal(withStep(2, { ...cart.steps[2], allowPairng: true }))).toBe(
      'steps[2]: unknown field "allowPairng"; check the spelling (workflow fields are listed in the README)',
    );
  });

  it('checks the form of pane names (a newer cfgutil may add keys), and scrubs the name it quotes', () => {
    expect(refusal(withStep(2, { ...cart.steps[2], skipPanes: ['language', 'wifi\u001b[31m'] }))).toBe(
      'steps[2].skipPanes[1]: "wifi␛[31m" is not a pane this cfgutil knows. Choose from the list.',
    );
    expect(parseWorkflow(withStep(2, { ...cart.steps[2], skipPanes: ['language', 'new-pane'] })).ok).toBe(
      true,
    );
    expect(refusal(withStep(2, { ...cart.steps[2], skipPanes: ['siri', 'siri'] }))).toBe(
      'steps[2].skipPanes: skipPanes names a pane twice',
    );
    expect(refusal(withStep(2, { ...cart.steps[2], skipPanes: 'some' }))).toMatch(
      /^steps\[2\]\.skipPanes: skipPanes must be "all"/,
    );
  });

  it('accepts language and locale forms with a script or a numeric region', () => {
    for (const [language, locale] of [
      ['zh-Hans', 'zh_Hans_CN'],
      ['es', 'es_419'],
      ['pt-BR', 'pt_BR'],
    ]) {
      expect(parseWorkflow(withStep(2, { ...cart.steps[2], language, locale })).ok).toBe(true);
    }
  });

  it('refuses extra profile names that leave profiles/extra/', () => {
    const step = (files: string[]) => ({
      ...cart,
      steps: [...cart.steps.slice(0, 8), { kind: 'install-extra-profiles', files }],
    });
    expect(parseWorkflow(step(['wifi.mobileconfig'])).ok).toBe(true);
    expect(refusal(step(['../secret.mobileconfig']))).toMatch(/^steps\[8\]\.files\[0\]: /);
    expect(refusal(step([]))).toMatch(/at least one profile/);
  });

  it('passes the step order to the rules', () => {
    expect(refusal({ ...cart, steps: [{ kind: 'verify-enrollment' }] })).toMatch(
      /^steps\[0\]: verify-enrollment needs/,
    );
  });
});

describe('parseWorkflowText', () => {
  it('refuses a file over 64 KB before parsing it, and bad JSON without echoing control characters', () => {
    expect(parseWorkflowText(`{"x":"${'a'.repeat(70_000)}"}`)).toMatchObject({
      ok: false,
      message: '(the file): larger than 64 KB; a workflow is a short list of steps',
      forPeople: { field: 'form' },
    });
    const bad = parseWorkflowText('{"id": "a\u001b[2J');
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.message).toMatch(/^\(the file\): not valid JSON/);
      expect(bad.message).not.toContain('\u001b');
    }
  });
});

describe('parseWorkflow: ADE (issue 26)', () => {
  const ade = {
    id: 'ade-cart',
    name: 'ADE cart',
    adeOrganizations: ['Contoso Schools', 'Northwind Academy'],
    steps: [
      { kind: 'erase' },
      { kind: 'wait-until-settled' },
      { kind: 'prepare-ade' },
      { kind: 'wait-until-settled' },
      { kind: 'confirm-ade-enrollment' },
    ],
  };

  it('reads the organizations that count as ours and fills language and locale', () => {
    const parsed = parseWorkflow(ade);
    expect(parsed.ok && parsed.workflow.adeOrganizations).toEqual(['Contoso Schools', 'Northwind Academy']);
    expect(parsed.ok && parsed.workflow.steps[2]).toEqual({
      kind: 'prepare-ade',
      language: 'en',
      locale: 'en_US',
    });
    const without = parseWorkflow({ ...ade, adeOrganizations: undefined });
    expect(without.ok && 'adeOrganizations' in without.workflow).toBe(false);
  });

  it('names a bad organization list', () => {
    expect(refusal({ ...ade, adeOrganizations: 'Contoso' })).toMatch(/^adeOrganizations: .*list/);
    expect(refusal({ ...ade, adeOrganizations: ['Contoso', 'Contoso'] })).toMatch(/names one twice/);
    expect(refusal({ ...ade, adeOrganizations: [''] })).toMatch(
      /^adeOrganizations\[0\]: .*must not be empty/,
    );
    expect(refusal({ ...ade, adeOrganizations: ['Con\u202etoso'] })).toMatch(/control characters/);
    expect(refusal({ ...ade, steps: [{ kind: 'prepare-ade', skipPanes: 'all' }] })).toMatch(
      /unknown field "skipPanes"/,
    );
  });
});
