/**
 * The bench's saved settings: a small JSON file in the app's data folder.
 *
 * The file is untrusted (edited by hand, half-written by a crash, from a newer version): every field is
 * validated, a bad field is dropped with a named problem, and an unreadable file is kept aside rather than
 * overwritten, so nothing the operator saved is lost. Writes go to a temporary file and are renamed into
 * place, so a crash mid-write leaves the old file intact.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface Settings {
  /** Absolute path of cfgutil chosen by the operator; overrides the standard locations. */
  readonly cfgutilPath?: string;
}

export interface LoadedSettings {
  readonly settings: Settings;
  /** Plain-language problems found while reading, for the log and the preflight screen. */
  readonly problems: readonly string[];
}

export function validateSettings(raw: unknown): LoadedSettings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { settings: {}, problems: ['The settings file does not hold a JSON object; defaults are used.'] };
  }
  const record = raw as Record<string, unknown>;
  const problems: string[] = [];
  let settings: Settings = {};
  if (record.cfgutilPath !== undefined) {
    if (typeof record.cfgutilPath === 'string' && path.isAbsolute(record.cfgutilPath)) {
      settings = { ...settings, cfgutilPath: record.cfgutilPath };
    } else {
      problems.push('The saved cfgutil path is not an absolute path; it was ignored. Choose cfgutil again.');
    }
  }
  return { settings, problems };
}

export class SettingsStore {
  constructor(private readonly file: string) {}

  async load(): Promise<LoadedSettings> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: {}, problems: [] };
      return {
        settings: {},
        problems: [`The settings file could not be read (${(error as Error).message}).`],
      };
    }
    try {
      return validateSettings(JSON.parse(text));
    } catch {
      const aside = `${this.file}.unreadable-${Date.now()}`;
      await rename(this.file, aside).catch(() => {});
      return {
        settings: {},
        problems: [
          `The settings file was not valid JSON; it was kept as ${path.basename(aside)} and defaults are used.`,
        ],
      };
    }
  }

  async save(settings: Settings): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const temp = `${this.file}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temp, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
    await rename(temp, this.file);
  }
}
