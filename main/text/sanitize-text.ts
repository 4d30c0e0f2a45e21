/**
 * The one sanitiser for text from outside (a profile, a .p12, cfgutil output, a file name, a request) on its way
 * to a message, the CLI, a log line or the UI.
 *
 * Outside text is data, never layout: an ESC sequence in a PayloadType must not repaint the terminal, a newline
 * must not start a forged line, U+202E must not turn `invoice<U+202E>gifnoc.mobileconfig` around, and a 600 KB
 * value must not become a 600 KB finding. So control characters are made visible (or, for tab, CR, LF and the
 * Unicode line and paragraph separators, turned into a space), bidirectional controls are shown by their code
 * point, zero-width and other invisible characters are shown by their code point too (so `ad<U+200B>min` cannot
 * pass for `admin`), broken surrogates become U+FFFD, and the result is capped at about 200 characters with "…".
 * The one invisible character kept is the zero-width joiner between two emoji, where it draws one picture
 * (👩‍💻) rather than hiding anything.
 */

/** Long enough for a host, a display name or a certificate subject; short enough for one line of a message. */
export const MAX_TEXT_LENGTH = 200;

export interface SanitizeOptions {
  /** Cap in code points, the "…" included. Defaults to {@link MAX_TEXT_LENGTH}. */
  readonly maxLength?: number;
}

/** C0 (except the three layout characters below), DEL and C1: never printed raw. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Tab, LF, CR, and U+2028/U+2029, which JSON leaves raw and some viewers and notifications break lines at. */
const LINE_LAYOUT = /[\t\n\r\u2028\u2029]/g;
/** Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), and the invisible marks LRM, RLM, ALM. */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
/**
 * Characters that take no room: zero-width space and non-joiner, word joiner and the invisible operators, the
 * byte-order mark, the Mongolian vowel separator, the soft hyphen, and a zero-width joiner that is not joining
 * two emoji (an emoji may carry a variation selector or a skin tone before the joiner).
 */
const INVISIBLE =
  /[\u200b\u200c\u2060-\u2064\ufeff\u180e\u00ad]|(?<!\p{Extended_Pictographic}|\ufe0f|\p{Emoji_Modifier})\u200d|\u200d(?!\p{Extended_Pictographic})/gu;

/** A surrogate without its partner cannot be printed or encoded as UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** ␀…␟ for C0, ␡ for DEL: the Unicode "control pictures" show what was there without acting on it. */
function visibleControl(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return codePoint(char);
}

function codePoint(char: string): string {
  return `<U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** Truncates to `max` code points, the last one being "…", without splitting a surrogate pair. */
function cap(text: string, max: number): string {
  const points = Array.from(text);
  if (points.length <= max) return text;
  return `${points.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/**
 * Any value as one safe line of text. Non-strings are named by type (an untrusted field may hold anything).
 * The work is bounded by the cap: at most a few times `maxLength` characters of the input are ever looked at.
 */
export function sanitizeText(value: unknown, options: SanitizeOptions = {}): string {
  const max = Math.max(1, options.maxLength ?? MAX_TEXT_LENGTH);
  const text = typeof value === 'string' ? value : describeNonString(value);
  // Each character becomes at most 8 ("<U+202E>"), so 8 × max input characters decide the capped output.
  const head = text.length > max * 8 ? text.slice(0, max * 8 + 1) : text;
  const clean = head
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(LINE_LAYOUT, ' ')
    .replace(CONTROL, visibleControl)
    .replace(BIDI, codePoint)
    .replace(INVISIBLE, codePoint);
  return cap(clean, max);
}

function describeNonString(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return `(${Array.isArray(value) ? 'list' : typeof value})`;
}

/** True when the text would pass the sanitiser unchanged (for assertions and cheap fast paths). */
export function isSanitized(text: string, options: SanitizeOptions = {}): boolean {
  return sanitizeText(text, options) === text;
}
