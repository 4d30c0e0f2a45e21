/**
 * The shape of a workflow file, as a zod schema: every field's type, bounds and form.
 *
 * Strict objects: an unknown key is refused by name, because a misspelt `allowPairng` that was silently
 * ignored would prepare a cart with the opposite of what the admin wrote. Fields whose safe value is obvious
 * (`allowOtherOrganization: false`, forbid pairing, skip every pane) may be left out. The order of the steps
 * and the rename template are judged afterwards, in ./workflow-rules.ts.
 */
import { z } from 'zod';
import { isPaneKey, SKIP_PANES } from '../../cfgutil/prepare-options';
import { sanitizeText } from '../../text/sanitize-text';

/** File stem and id: lower-case letters and digits in dash-separated words, at most 64 characters. */
export const WORKFLOW_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_WORKFLOW_ID = 64;
export const MAX_STEPS = 24;
export const MAX_EXTRA_PROFILES = 16;

/** `en`, `fr`, `zh-Hans`, `pt-BR`: an ISO 639 language, then an optional script and region. */
export const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-[A-Z]{2})?$/;
/** `en_US`, `fr_CA`, `zh_Hans_CN`, `es_419`: a language, an optional script, then a region. */
export const LOCALE_CODE = /^[a-z]{2,3}(?:_[A-Z][a-z]{3})?_(?:[A-Z]{2}|\d{3})$/;
/** A file name inside `profiles/extra/`: no folders, no leading dot, a profile's extension. */
const EXTRA_PROFILE_FILE = /^[A-Za-z0-9][A-Za-z0-9 ._()-]{0,99}\.mobileconfig$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Room for the panes newer cfgutils add beyond today's list. */
const MAX_SKIP_PANES = Math.max(100, SKIP_PANES.length);

const flag = (field: string) => z.boolean({ error: `${field} must be true or false` });

const plainText = (what: string, min: number, max: number) =>
  z
    .string({ error: `${what} must be text` })
    .min(min, { error: `${what} must not be empty` })
    .max(max, { error: `${what} must be at most ${max} characters` })
    .refine((text) => !CONTROL.test(text), {
      error: `${what} must not hold line breaks or control characters`,
    });

/** The words for a pane key that is not one this cfgutil can skip (also from ./workflow-channels.ts). */
export function unknownPaneMessage(key: unknown): string {
  return `"${sanitizeText(key, { maxLength: 60 })}" is not a pane this cfgutil knows. Choose from the list.`;
}

const pane = z.string({ error: 'a pane name must be text' }).refine((name) => isPaneKey(name), {
  error: (issue) => unknownPaneMessage(issue.input),
});

const eraseStep = z.strictObject({
  kind: z.literal('erase'),
  allowOtherOrganization: flag('allowOtherOrganization').default(false),
});

const prepareStep = z.strictObject({
  kind: z.literal('prepare'),
  language: z
    .string({ error: 'language must be text such as "en"' })
    .regex(LANGUAGE_CODE, { error: 'language must be a language code such as "en", "fr" or "zh-Hans"' }),
  locale: z.string({ error: 'locale must be text such as "en_US"' }).regex(LOCALE_CODE, {
    error: 'locale must be a locale such as "en_US" or "fr_CA" (an underscore, not a dash)',
  }),
  skipPanes: z
    .union(
      [z.literal('all'), z.array(pane).max(MAX_SKIP_PANES, { error: `at most ${MAX_SKIP_PANES} panes` })],
      {
        error: 'skipPanes must be "all" or a list of pane names',
      },
    )
    .default('all')
    .refine((list) => list === 'all' || new Set(list).size === list.length, {
      error: 'skipPanes names a pane twice',
    }),
  allowPairing: flag('allowPairing').default(false),
});

const prepareAdeStep = z.strictObject({
  kind: z.literal('prepare-ade'),
  language: z
    .string({ error: 'language must be text such as "en"' })
    .regex(LANGUAGE_CODE, { error: 'language must be a language code such as "en", "fr" or "zh-Hans"' })
    .default('en'),
  locale: z
    .string({ error: 'locale must be text such as "en_US"' })
    .regex(LOCALE_CODE, {
      error: 'locale must be a locale such as "en_US" or "fr_CA" (an underscore, not a dash)',
    })
    .default('en_US'),
});

/** An organization name exactly as Apple Business/School Manager shows it on a supervised device. */
const organizationName = plainText('an organization name', 1, 100);

const extraProfilesStep = z.strictObject({
  kind: z.literal('install-extra-profiles'),
  files: z
    .array(
      z.string({ error: 'a profile file name must be text' }).regex(EXTRA_PROFILE_FILE, {
        error: 'each file must be a .mobileconfig name inside profiles/extra/ (no folders)',
      }),
      { error: 'files must be a list of .mobileconfig file names' },
    )
    .min(1, { error: 'files must name at least one profile' })
    .max(MAX_EXTRA_PROFILES, { error: `files may name at most ${MAX_EXTRA_PROFILES} profiles` })
    .refine((files) => new Set(files).size === files.length, { error: 'files names a profile twice' }),
});

const bare = <K extends string>(kind: K) => z.strictObject({ kind: z.literal(kind) });

export const workflowStepSchema = z.discriminatedUnion(
  'kind',
  [
    eraseStep,
    prepareStep,
    bare('wait-until-settled'),
    bare('finish-setup-assistant'),
    bare('install-enrollment-profile'),
    bare('verify-enrollment'),
    z.strictObject({ kind: z.literal('rename'), template: z.string({ error: 'template must be text' }) }),
    extraProfilesStep,
    bare('shut-down'),
    prepareAdeStep,
    bare('confirm-ade-enrollment'),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? 'kind must be one of erase, prepare, prepare-ade, wait-until-settled, confirm-ade-enrollment, finish-setup-assistant, install-enrollment-profile, verify-enrollment, rename, install-extra-profiles, shut-down'
        : 'each step must be an object with a kind',
  },
);

export const workflowFileSchema = z.strictObject({
  id: z
    .string({ error: 'id must be text' })
    .max(MAX_WORKFLOW_ID, { error: `id must be at most ${MAX_WORKFLOW_ID} characters` })
    .regex(WORKFLOW_ID, {
      error: 'id must be lower-case letters, digits and single dashes, such as "cart-7"',
    }),
  name: plainText('name', 1, 80),
  description: plainText('description', 0, 500).default(''),
  steps: z
    .array(workflowStepSchema, { error: 'steps must be a list' })
    .min(1, { error: 'steps must hold at least one step' })
    .max(MAX_STEPS, { error: `steps may hold at most ${MAX_STEPS} steps` }),
  /** Organizations whose supervised devices count as ours for erase (Automated Device Enrollment). */
  adeOrganizations: z
    .array(organizationName, { error: 'adeOrganizations must be a list of organization names' })
    .max(16, { error: 'adeOrganizations may name at most 16 organizations' })
    .refine((names) => new Set(names).size === names.length, { error: 'adeOrganizations names one twice' })
    .optional(),
  /** What erase does with a device in use; left out means `ask` (a person decides each one). */
  eraseInUse: z
    .enum(['ask', 'erase', 'never'], { error: 'eraseInUse must be "ask", "erase" or "never"' })
    .optional(),
  /** Files are never presets; `false` is accepted so a saved workflow can be read back as it was sent. */
  preset: z
    .literal(false, { error: 'preset must be false (only the shipped presets are presets)' })
    .optional(),
});

export type WorkflowFile = z.output<typeof workflowFileSchema>;

/** `steps[2].locale`, or `(the file)` for the top level. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path)
    text += typeof part === 'number' ? `[${part}]` : `${text ? '.' : ''}${String(part)}`;
  return text || '(the file)';
}

/** The first issue zod found: where, and what is wrong there. */
export function firstIssue(error: z.ZodError): {
  readonly path: readonly PropertyKey[];
  readonly message: string;
} {
  const issue = error.issues[0];
  if (!issue) return { path: [], message: 'not a workflow' };
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${sanitizeText(k, { maxLength: 40 })}"`).join(', ');
    return {
      path: issue.path,
      message: `unknown field ${keys}; check the spelling (workflow fields are listed in the README)`,
    };
  }
  return { path: issue.path, message: issue.message };
}

/** The first issue zod found, as "field: what is wrong". */
export function describeIssue(error: z.ZodError): string {
  const { path, message } = firstIssue(error);
  return `${fieldPath(path)}: ${message}`;
}
