/**
 * Issue 21 item 5: every refusal a workflow save can get names a field the editor renders, in a sentence
 * without a bracket path (`steps[2].skipPanes[0]` is for files and the CLI, never for the editor).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SKIP_PANES } from '../../../../main/cfgutil/prepare-options';
import { parseWorkflow } from '../../../../main/jobs/workflow/parse-workflow';
import { forPeople, pathOfFieldText } from '../../../../main/jobs/workflow/workflow-problem';
import { workflowStepKinds } from '../../../../preload/jobs-domain';
import { workflowFieldKeys } from '../../../../preload/workflow-fields';

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '',
    'en',
    'en_US',
    'en-US',
    'cart-7',
    'Cart 7',
    '{serial}',
    '{n:3}',
    'a\u001b[31m',
    'x'.repeat(90),
  ),
);
const value = fc.oneof(text, fc.boolean(), fc.integer(), fc.constant(null), fc.constant(undefined));
const panes = fc.oneof(
  fc.constantFrom<'all' | string>('all', 'some'),
  fc.array(fc.oneof(fc.constantFrom(...SKIP_PANES), text), { maxLength: 4 }),
);

/** A step as the editor builds it, each field possibly wrong, sometimes with a stray key or not an object. */
const step = fc.oneof(
  fc.record(
    {
      kind: fc.oneof(fc.constantFrom(...workflowStepKinds), text),
      allowOtherOrganization: fc.oneof(fc.boolean(), value),
      language: text,
      locale: text,
      skipPanes: panes,
      allowPairing: fc.oneof(fc.boolean(), value),
      template: text,
      files: fc.oneof(fc.array(text, { maxLength: 3 }), value),
    },
    { requiredKeys: ['kind'] },
  ),
  fc.anything({ maxDepth: 1 }),
);

const workflow = fc.record(
  {
    id: text,
    name: text,
    description: text,
    preset: fc.oneof(fc.constant(false), value),
    steps: fc.oneof(fc.array(step, { maxLength: 26 }), value),
    eraseInUse: value,
    adeOrganizations: fc.oneof(fc.array(text, { maxLength: 3 }), value),
    extra: value,
  },
  { requiredKeys: [] },
);

describe('workflow refusals for people', () => {
  it('name a field the editor renders, in a sentence without a bracket path', () => {
    fc.assert(
      fc.property(workflow, (raw) => {
        const parsed = parseWorkflow(raw);
        if (parsed.ok) return;
        const steps = Array.isArray(raw.steps) ? (raw.steps as unknown[]) : [];
        expect(workflowFieldKeys(steps)).toContain(parsed.forPeople.field);
        expect(parsed.forPeople.sentence).not.toMatch(/\[\d*\]|steps\.\d|\(the file\)/);
        expect(parsed.forPeople.sentence).toMatch(/^[^:]+: [A-Z"0-9]/);
      }),
      { numRuns: 2000 },
    );
  });

  it('words the examples of issue 21', () => {
    const raw = {
      steps: [
        { kind: 'erase' },
        { kind: 'wait-until-settled' },
        { kind: 'prepare', language: 'en', locale: 'en-US', skipPanes: ['foo'] },
      ],
    };
    expect(
      forPeople(
        ['steps', 2, 'skipPanes', 0],
        '"foo" is not a pane this cfgutil knows. Choose from the list.',
        raw,
      ),
    ).toEqual({
      field: 'steps.2.skipPanes',
      sentence:
        'Step 3 (Prepare) › Panes to skip: "foo" is not a pane this cfgutil knows. Choose from the list.',
    });
    expect(forPeople(['steps', 2, 'locale'], 'locale must be a locale such as "en_US"', raw)).toEqual({
      field: 'steps.2.locale',
      sentence: 'Step 3 (Prepare) › Locale: Must be a locale such as "en_US".',
    });
    expect(forPeople(['name'], 'name must not be empty', raw).sentence).toBe('Name: Must not be empty.');
    expect(forPeople(['eraseInUse'], 'eraseInUse must be "ask"', raw).field).toBe('form');
    expect(pathOfFieldText('steps[2].template')).toEqual(['steps', 2, 'template']);
    expect(pathOfFieldText('(the file)')).toEqual([]);
  });
});
