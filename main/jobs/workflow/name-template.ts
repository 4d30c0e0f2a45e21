/**
 * Device names from a rename template: `{serial}`, `{model}`, `{n:3}` (a counter, zero-padded to 3), and any
 * literal text such as a cart name (`Cart7-{n:2}`).
 *
 * A template must be able to tell devices apart: one that has neither `{serial}` nor a counter would give
 * every device the same name, and one that expands to nothing gives none. Both are refused when saved.
 */

export interface NameFields {
  readonly serialNumber?: string;
  /** Human model name, for example `iPad (10th generation)`. */
  readonly model?: string;
  /** 1-based position of this device among the devices named with this template. */
  readonly counter: number;
}

const TOKEN = /\{(serial|model|n(?::(\d))?)\}/g;
const MAX_NAME = 63;

/** Why the template cannot be used, or `undefined` when it can. */
export function checkNameTemplate(template: string): string | undefined {
  if (template.trim() === '') return 'The name template is empty: every device would get no name.';
  const unknown = template.replace(TOKEN, '').match(/\{[^}]*\}/);
  if (unknown) return `${unknown[0]} is not a name field; use {serial}, {model} or {n:3}.`;
  if (!/\{serial\}|\{n(?::\d)?\}/.test(template)) {
    return 'Every device would get the same name: add {serial} or a counter such as {n:3}.';
  }
  return undefined;
}

/** The name for one device; characters cfgutil would reject are dropped, and the name is capped. */
export function expandNameTemplate(template: string, fields: NameFields): string {
  const name = template.replace(TOKEN, (_match, token: string, width?: string) => {
    if (token === 'serial') return fields.serialNumber ?? '';
    if (token === 'model') return fields.model ?? '';
    return String(fields.counter).padStart(width ? Number(width) : 1, '0');
  });
  // Control characters never reach a device name (or the argument list).
  const printable = [...name].filter((ch) => !isControl(ch.codePointAt(0) ?? 0)).join('');
  return printable.trim().slice(0, MAX_NAME);
}

function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}
