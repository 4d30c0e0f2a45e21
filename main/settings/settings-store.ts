/**
 * The bench's saved settings: a small JSON file in the app's data folder.
 *
 * The file is untrusted (edited by hand, half-written by a crash, from a newer version): it is size-bounded
 * before parsing and every field is validated (./validate-settings.ts). A file that cannot be read as settings
 * at all is moved aside as `settings.json.corrupt-<time>` rather than overwritten, defaults are used, and the
 * problem says so: nothing the operator saved is lost. Writes go to a temporary file that is flushed and
 * renamed into place, so a crash mid-write leaves the old file intact.
 */
import { randomBytes } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { SerialQueue } from '../async/serial-queue';
import { BenchError } from '../errors/bench-error';
import { readBoundedText } from '../jobs/workflow/read-bounded-file';
import { UnsafeFileError } from '../storage/safe-file';
import type { Settings } from './settings-schema';
import { validateSettings, type LoadedSettings } from './validate-settings';

export type { Settings } from './settings-schema';
export { validateSettings, type LoadedSettings } from './validate-settings';

/** Far more than a thousand ignored serials need; a bigger file is not a settings file. */
export const MAX_SETTINGS_BYTES = 256 * 1024;

/** A patch: a field set to `undefined` goes back to its default. */
export type SettingsPatch = { readonly [K in keyof Settings]?: Settings[K] | undefined };

/**
 * Which write a file on disk is: a save renames a fresh temporary file into place, so its inode, size and
 * nanosecond mtime name that one write (another process's save of the same bytes is another file).
 */
interface FileVersion {
  readonly dev: bigint;
  readonly ino: bigint;
  readonly size: bigint;
  readonly mtimeNs: bigint;
}

const versionOf = (s: BigIntStats): FileVersion => ({
  dev: s.dev,
  ino: s.ino,
  size: s.size,
  mtimeNs: s.mtimeNs,
});
const sameVersion = (a: FileVersion, b: FileVersion): boolean =>
  a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs;

/** `2026-12-01T19-44-16.123Z`: sortable, and legal in a file name on every system. */
function stamp(date: Date): string {
  return date.toISOString().replace(/:/g, '-');
}

export class SettingsStore {
  private readonly writes = new SerialQueue();
  /** This store's last write, so a follower of the file can tell it from another process's save. */
  private ownWrite: FileVersion | undefined;

  constructor(
    private readonly file: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async load(): Promise<LoadedSettings> {
    let text: string;
    try {
      // A link is followed only within the data folder; a pipe or a device is refused without hanging.
      text = await readBoundedText(this.file, MAX_SETTINGS_BYTES, { insideFolder: path.dirname(this.file) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: {}, problems: [] };
      return {
        settings: {},
        problems: [
          error instanceof UnsafeFileError
            ? `${error.message} Defaults are used.`
            : `The settings file could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); defaults are used.`,
        ],
      };
    }
    if (Buffer.byteLength(text, 'utf8') > MAX_SETTINGS_BYTES) return this.moveAside('is larger than 256 KB');
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return this.moveAside('was not valid JSON');
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return this.moveAside('does not hold a JSON object');
    }
    return validateSettings(raw);
  }

  /**
   * Reads the file unless it is still this store's own last write: whoever saved through this store has been
   * told of that save already (main/settings/follow-settings-file.ts), so the follower applies only the others'.
   */
  async loadChange(): Promise<LoadedSettings | undefined> {
    const own = this.ownWrite;
    if (own) {
      const now = await stat(this.file, { bigint: true }).catch(() => undefined);
      if (now && sameVersion(versionOf(now), own)) return undefined;
    }
    return this.load();
  }

  /** Validates and writes the whole file. Refuses (and writes nothing) when a field is not valid. */
  save(settings: Settings): Promise<void> {
    return this.writes.run(() => this.saveNow(settings));
  }

  /** Reads, applies the patch and writes, one update at a time. Resolves with what was saved. */
  update(patch: SettingsPatch): Promise<Settings> {
    return this.writes.run(async () => {
      const { settings } = await this.load();
      const merged = Object.fromEntries(
        Object.entries({ ...settings, ...patch }).filter(([, value]) => value !== undefined),
      ) as Settings;
      await this.saveNow(merged);
      return merged;
    });
  }

  private async saveNow(settings: Settings): Promise<void> {
    const checked = validateSettings(settings, 'save');
    if (checked.problems.length > 0) {
      throw new BenchError({
        code: 'invalid-request',
        title: 'The settings were not saved',
        detail: checked.problems[0] ?? '',
        retryable: false,
      });
    }
    await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const temp = `${this.file}.${randomBytes(4).toString('hex')}.tmp`;
    let written: FileVersion | undefined;
    try {
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(`${JSON.stringify(checked.settings, null, 2)}\n`, 'utf8');
        await handle.sync();
        written = versionOf(await handle.stat({ bigint: true }));
      } finally {
        await handle.close();
      }
      await rename(temp, this.file);
      this.ownWrite = written;
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  private async moveAside(why: string): Promise<LoadedSettings> {
    const aside = `${this.file}.corrupt-${stamp(this.now())}`;
    try {
      await rename(this.file, aside);
    } catch {
      return {
        settings: {},
        problems: [`The settings file ${why} and could not be moved aside; defaults are used.`],
      };
    }
    return {
      settings: {},
      problems: [`The settings file ${why}; it was kept as ${path.basename(aside)} and defaults are used.`],
    };
  }
}
