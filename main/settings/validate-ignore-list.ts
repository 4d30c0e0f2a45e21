/**
 * The ignore list, entry by entry: it protects devices, so one typo must never cost the rest of it. A bad
 * entry is named by its place and value and dropped alone; the others still count. A list longer than the
 * limit is refused as a whole when it is saved (the saved list stays), and kept whole when an existing file
 * is read (dropping any of it would un-protect someone's device).
 */
import { sanitizeText } from '../text/sanitize-text';
import { ignoreEntrySchemas, MAX_IGNORED, type IgnoreList } from './settings-schema';

export type ValidationMode = 'load' | 'save';

export interface CheckedIgnoreList {
  /** Undefined when the field is not a list object at all (the problem says so). */
  readonly list?: IgnoreList;
  readonly problems: readonly string[];
  /** The list must not be saved (over the limit, or a bad entry in a save). */
  readonly refuse: boolean;
}

const KEYS = ['serials', 'ecids'] as const;
const WHAT = { serials: 'serial numbers', ecids: 'ECIDs' } as const;

export function checkIgnoreList(value: unknown, mode: ValidationMode): CheckedIgnoreList {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      problems: [
        'Setting ignore: must be an object with "serials" and "ecids" lists; nothing in it was used.',
      ],
      refuse: true,
    };
  }
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  let refuse = false;
  const unknown = Object.keys(record).filter((key) => !(KEYS as readonly string[]).includes(key));
  if (unknown.length > 0) {
    problems.push(
      `Setting ignore: "${sanitizeText(unknown[0], { maxLength: 40 })}" is not a list it has; use "serials" and "ecids".`,
    );
    refuse = true;
  }
  const lists = { serials: [] as string[], ecids: [] as string[] };
  for (const key of KEYS) {
    const entries = record[key];
    if (entries === undefined) continue;
    if (!Array.isArray(entries)) {
      problems.push(`Setting ignore.${key}: must be a list; it was not used.`);
      refuse = true;
      continue;
    }
    if (entries.length > MAX_IGNORED) {
      refuse = true;
      problems.push(
        mode === 'save'
          ? `Setting ignore.${key}: ${entries.length} entries is more than the ${MAX_IGNORED} ${WHAT[key]} a bench takes; nothing was saved and the list saved before still counts.`
          : `Setting ignore.${key}: ${entries.length} entries is more than the ${MAX_IGNORED} a bench takes; every valid entry still counts, but the list cannot be saved until it is shortened.`,
      );
    }
    entries.forEach((entry: unknown, index) => {
      const parsed = ignoreEntrySchemas[key].safeParse(entry);
      if (parsed.success) {
        if (!lists[key].includes(parsed.data)) lists[key].push(parsed.data);
        return;
      }
      refuse = refuse || mode === 'save';
      const shown = sanitizeText(
        typeof entry === 'string' ? `"${entry}"` : (JSON.stringify(entry) ?? 'nothing'),
        {
          maxLength: 40,
        },
      );
      const fix =
        mode === 'save'
          ? 'nothing was saved; correct or remove it, and the list saved before still counts.'
          : 'that entry was ignored, the rest of the list still counts.';
      problems.push(
        `Setting ignore.${key}[${index}] (entry ${index + 1}) ${shown}: ${parsed.error.issues[0]?.message ?? 'not valid'}; ${fix}`,
      );
    });
  }
  return { list: { serials: lists.serials, ecids: lists.ecids }, problems, refuse };
}
