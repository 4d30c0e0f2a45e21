/**
 * Judges the parsed settings file field by field: a bad field is dropped with a problem that names it and
 * says the default is used, and the rest of the file still counts (one typo must not reset the ignore list).
 */
import { sanitizeText } from '../text/sanitize-text';
import { checkIgnoreList, type ValidationMode } from './validate-ignore-list';
import { settingsFields, settingsFieldSchemas, type Settings, type SettingsField } from './settings-schema';

export interface LoadedSettings {
  readonly settings: Settings;
  /** Plain-language problems found while reading, for the log and the preflight screen. */
  readonly problems: readonly string[];
}

/** The first issue of a field, with the index of a bad list entry (`ignore.serials[3]`). */
function fieldProblem(field: SettingsField, value: unknown): string | undefined {
  const result = settingsFieldSchemas[field].safeParse(value);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  const where = [field, ...(issue?.path ?? [])]
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('')
    .slice(1);
  return `Setting ${where}: ${issue?.message ?? 'not valid'}; it was ignored and the default is used.`;
}

/**
 * `load` (a file on disk) keeps every good ignore-list entry whatever else is wrong in the list; `save` refuses
 * a list with any problem, so what is written is exactly what was asked for.
 */
export function validateSettings(raw: unknown, mode: ValidationMode = 'load'): LoadedSettings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { settings: {}, problems: ['The settings file does not hold a JSON object; defaults are used.'] };
  }
  const record = raw as Record<string, unknown>;
  const problems: string[] = [];
  const settings: Record<string, unknown> = {};
  for (const field of settingsFields) {
    if (record[field] === undefined) continue;
    if (field === 'ignore') {
      const checked = checkIgnoreList(record[field], mode);
      problems.push(...checked.problems);
      if (checked.list && !(mode === 'save' && checked.refuse)) settings[field] = checked.list;
      continue;
    }
    const problem = fieldProblem(field, record[field]);
    if (problem) problems.push(problem);
    else settings[field] = settingsFieldSchemas[field].parse(record[field]);
  }
  const unknown = Object.keys(record).filter((key) => !(settingsFields as string[]).includes(key));
  if (unknown.length > 0) {
    const names = unknown.slice(0, 5).map((key) => `"${sanitizeText(key, { maxLength: 40 })}"`);
    problems.push(
      `The settings file has fields this version does not know (${names.join(', ')}); they were ignored.`,
    );
  }
  return { settings: settings as Settings, problems };
}
