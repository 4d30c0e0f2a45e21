/**
 * Keeps the imported profile across restarts: the original bytes (what cfgutil installs), when and how it was
 * imported, and the operator's age override, in `<dataDir>/profile/`.
 *
 * The file holds the SCEP challenge, so the folder is 0700 and the files 0600. Writes go to a temporary file
 * and are renamed into place, so a crash never leaves half a file. The bytes are written first and the meta,
 * which records their sha256, last; `load` checks that hash, so bytes and meta from two different imports (a
 * crash between the two renames) read as "no profile" rather than as a mixed pair. Override decisions are also
 * appended to `overrides.jsonl`, which is never rewritten (issue 4 requirement 3: "log the override").
 *
 * Not safe for concurrent callers on its own: ProfileService runs every save through one queue.
 */
import { createHash } from 'node:crypto';
import { appendFile, chmod, mkdir } from 'node:fs/promises';
import { readSafeFile, readSafeText } from '../storage/safe-file';
import { MAX_PROFILE_BYTES } from './detect-file-kind';
import path from 'node:path';
import type { ProfileOrigin, ProfileOverride } from '../../preload/domain';
import { writePrivateFile } from './write-private-file';

/** How the file reached the bench (kept for the log). */
export type ProfileImportSource = 'renderer' | 'open-with' | 'command-line' | 'intune';

export interface StoredProfileMeta {
  readonly fileName: string;
  readonly sha256: string;
  readonly importedAt: number;
  readonly fileModifiedAt?: number;
  readonly source: ProfileImportSource;
  readonly override?: ProfileOverride;
  readonly origin?: ProfileOrigin;
}

const SOURCES: readonly ProfileImportSource[] = ['renderer', 'open-with', 'command-line', 'intune'];

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Validates what was read back from disk; a damaged or foreign file reads as "no profile". */
function parseMeta(text: string): StoredProfileMeta | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.fileName !== 'string' || typeof r.sha256 !== 'string' || !isFiniteNumber(r.importedAt))
    return undefined;
  if (!SOURCES.includes(r.source as ProfileImportSource)) return undefined;
  const o = r.override as Record<string, unknown> | undefined;
  const override =
    typeof o === 'object' && o !== null && typeof o.reason === 'string' && isFiniteNumber(o.at)
      ? { reason: o.reason, at: o.at }
      : undefined;
  const g = r.origin as Record<string, unknown> | undefined;
  const origin: ProfileOrigin | undefined =
    typeof g === 'object' &&
    g !== null &&
    g.kind === 'intune' &&
    typeof g.profileName === 'string' &&
    typeof g.profileId === 'string' &&
    isFiniteNumber(g.fetchedAt)
      ? { kind: 'intune', profileName: g.profileName, profileId: g.profileId, fetchedAt: g.fetchedAt }
      : undefined;
  return {
    fileName: r.fileName,
    sha256: r.sha256,
    importedAt: r.importedAt,
    fileModifiedAt: isFiniteNumber(r.fileModifiedAt) ? r.fileModifiedAt : undefined,
    source: r.source as ProfileImportSource,
    override,
    ...(origin ? { origin } : {}),
  };
}

/** The meta record is a few hundred bytes; an override reason is short. */
const MAX_META_BYTES = 64 * 1024;

export class ProfileStore {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'profile');
  }

  /** Absolute path of the stored original bytes: the argument to `cfgutil install-profile`. */
  get profilePath(): string {
    return path.join(this.dir, 'current.mobileconfig');
  }

  private get metaPath(): string {
    return path.join(this.dir, 'current.json');
  }

  private async ensureDir(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await chmod(this.dir, 0o700);
  }

  /** Bytes first, meta (with their sha256) last: see the file comment. */
  async save(bytes: Uint8Array, meta: StoredProfileMeta): Promise<void> {
    await this.ensureDir();
    await writePrivateFile(this.profilePath, bytes);
    await writePrivateFile(this.metaPath, JSON.stringify(meta, null, 2));
  }

  async saveMeta(meta: StoredProfileMeta): Promise<void> {
    await this.ensureDir();
    await writePrivateFile(this.metaPath, JSON.stringify(meta, null, 2));
  }

  /** The stored profile, or null when there is none or the bytes no longer match their recorded hash. */
  async load(): Promise<{ readonly bytes: Uint8Array; readonly meta: StoredProfileMeta } | null> {
    try {
      // Regular files inside the profile folder only, each capped: a pipe or a /dev/zero link here ends as
      // "no stored profile" at once instead of hanging or filling memory.
      const meta = parseMeta(
        await readSafeText(this.metaPath, { maxBytes: MAX_META_BYTES, insideFolder: this.dir }),
      );
      if (!meta) return null;
      const bytes = new Uint8Array(
        await readSafeFile(this.profilePath, { maxBytes: MAX_PROFILE_BYTES, insideFolder: this.dir }),
      );
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      return sha256 === meta.sha256 ? { bytes, meta } : null;
    } catch {
      return null;
    }
  }

  /** Appends one override decision to the permanent record. */
  async appendOverride(entry: {
    readonly at: number;
    readonly reason: string;
    readonly fileName: string;
    readonly sha256: string;
    readonly ageDays: number;
  }): Promise<void> {
    await this.ensureDir();
    const file = path.join(this.dir, 'overrides.jsonl');
    await appendFile(file, `${JSON.stringify({ ...entry, atIso: new Date(entry.at).toISOString() })}\n`, {
      mode: 0o600,
    });
  }
}
