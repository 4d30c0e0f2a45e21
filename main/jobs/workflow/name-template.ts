/**
 * Device names from a rename template: `{serial}`, `{model}`, `{class}` (iPad, iPhone), `{n:3}` (a counter,
 * zero-padded to 3), and any literal text such as a cart name (`Cart7-{n:2}`). Counters come from the name
 * book (./name-book.ts), which never gives one name to two devices.
 *
 * A template must be able to tell devices apart: one that has neither `{serial}` nor a counter would give
 * every device the same name, and one that expands to nothing gives none. Both are refused when saved, and so
 * is one whose literal text is so long that the 63-character cap would cut off the part that differs.
 */

export interface NameFields {
  readonly serialNumber?: string;
  /** Human model name, for example `iPad (10th generation)`. */
  readonly model?: string;
  /** The device class: `iPad`, `iPhone`, `iPod`. */
  readonly deviceClass?: string;
  /** 1-based position of this device among the devices named with this template. */
  readonly counter: number;
}

const TOKEN = /\{(serial|model|class|n(?::(\d))?)\}/g;
/** Longest name kept; iOS shows about this much and cfgutil passes it as one argument. */
export const MAX_DEVICE_NAME = 63;
/** Longest template accepted (the IPC validator allows 200; a name is at most 63 characters anyway). */
export const MAX_NAME_TEMPLATE = 120;

/**
 * Two devices that differ in every field a template can use, with the longest values a bench meets: if
 * their names come out equal, the cap cut off what differs. Serials are 10-12 characters; the longest
 * model names are around 40; a cart stays under a thousand devices.
 */
const PROBE_A: NameFields = {
  serialNumber: 'F9FXQ0A1HG7Q',
  model: 'iPad Pro 12.9-inch (6th generation) Wi-Fi',
  deviceClass: 'iPhone',
  counter: 998,
};
const PROBE_B: NameFields = { ...PROBE_A, serialNumber: 'F9FXQ0A1HG7R', counter: 999 };

/** Why the template cannot be used, or `undefined` when it can. */
export function checkNameTemplate(template: string): string | undefined {
  if (template.trim() === '') return 'The name template is empty: every device would get no name.';
  if (template.length > MAX_NAME_TEMPLATE) {
    return `The name template is longer than ${MAX_NAME_TEMPLATE} characters; a device name holds at most ${MAX_DEVICE_NAME}.`;
  }
  if ([...template].some((ch) => isControl(ch.codePointAt(0) ?? 0))) {
    return 'The name template holds a control character (a line break, tab or direction override); remove it.';
  }
  const unknown = template.replace(TOKEN, '').match(/\{[^}]*\}?|\}/);
  if (unknown) return `${unknown[0]} is not a name field; use {serial}, {model}, {class} or {n:3}.`;
  if (!/\{serial\}|\{n(?::\d)?\}/.test(template)) {
    return 'Every device would get the same name: add {serial} or a counter such as {n:3}.';
  }
  const name = expandNameTemplate(template, PROBE_A);
  if (name.startsWith('-'))
    return 'A device name must not start with "-"; start the template with other text.';
  if (name === expandNameTemplate(template, PROBE_B)) {
    return `The text around {serial} or the counter is too long: names are cut at ${MAX_DEVICE_NAME} characters and would come out the same. Shorten it.`;
  }
  return undefined;
}

/** The name for one device; characters cfgutil would reject are dropped, and the name is capped. */
export function expandNameTemplate(template: string, fields: NameFields): string {
  const name = template.replace(TOKEN, (_match, token: string, width?: string) => {
    if (token === 'serial') return fields.serialNumber ?? '';
    if (token === 'model') return fields.model ?? '';
    if (token === 'class') return fields.deviceClass ?? '';
    return String(fields.counter).padStart(width ? Number(width) : 1, '0');
  });
  // Control characters never reach a device name (or the argument list).
  const printable = [...name].filter((ch) => !isControl(ch.codePointAt(0) ?? 0)).join('');
  // Cut by code point, so an emoji in a cart name is never split in half.
  return [...printable.trim()].slice(0, MAX_DEVICE_NAME).join('').trim();
}

/** Whether the template has a counter (`{n}`, `{n:3}`), so a taken name can move on to the next number. */
export function templateHasCounter(template: string): boolean {
  return /\{n(?::\d)?\}/.test(template);
}

/** The device class a template's `{class}` gives, from the product type or model (`iPhone14,6` → iPhone). */
export function deviceClassOf(...hints: readonly (string | undefined)[]): string | undefined {
  for (const hint of hints) {
    const match = hint === undefined ? null : /^(iPad|iPhone|iPod)/i.exec(hint.trim());
    if (match?.[1]) return { ipad: 'iPad', iphone: 'iPhone', ipod: 'iPod' }[match[1].toLowerCase()];
  }
  return undefined;
}

/** Whether the template names devices by serial number (so a device without a known serial cannot be named). */
export function templateNeedsSerial(template: string): boolean {
  return template.includes('{serial}');
}

/** C0 and C1 controls, line and paragraph separators, and direction overrides (which reorder what is read). */
function isControl(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}
