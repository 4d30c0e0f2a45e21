/**
 * The profile feature as one plain Node object the app composes: import (from the renderer, "Open With" or the
 * command line), the current verdict, the age override and the gate that decides whether runs may start.
 *
 * Everything it hands out is a `ProfileSummary` (allow-listed by key path, no secrets; values from the file
 * sanitised), and its log lines are built from those summaries (issue 4 requirements 1–4, issue 7 item 2;
 * ./README.md P14).
 */
import path from 'node:path';
import type { ErrorInfo, ProfileOrigin, ProfileSummary } from '../../preload/domain';
import { BenchError, invalidRequest } from '../errors/bench-error';
import { loadProfile, type LoadedProfile } from './load-profile';
import { ProfileStore, type ProfileImportSource, type StoredProfileMeta } from './profile-store';
import { readProfileFile } from './read-profile-file';
import { redactOperatorText } from './redact-secrets';
import { sanitizeText } from '../text/sanitize-text';
import { SerialQueue } from '../async/serial-queue';
import { summarizeProfile } from './summarize-profile';

export interface ProfileLogEntry {
  readonly level: 'info' | 'warn' | 'error';
  /** Stable event name, for example `profile.imported`. */
  readonly event: string;
  readonly message: string;
}

export interface ProfileServiceOptions {
  readonly dataDir: string;
  readonly now?: () => Date;
  readonly log?: (entry: ProfileLogEntry) => void;
}

export interface ImportRequest {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** Epoch milliseconds of the file's modified time, when the source knows it. */
  readonly fileModifiedAt?: number;
  readonly source: ProfileImportSource;
  /** Set by the Intune pull: which Intune profile these bytes came from, and when. */
  readonly origin?: ProfileOrigin;
}

export type RunGate =
  { readonly ok: true; readonly profilePath: string } | { readonly ok: false; readonly error: ErrorInfo };

/** Longest override reason kept; enough for a sentence, too short to paste a file into. */
export const MAX_OVERRIDE_REASON = 500;

interface Current {
  readonly loaded: LoadedProfile;
  readonly meta: StoredProfileMeta;
}

function withOrigin(summary: ProfileSummary, origin: ProfileOrigin | undefined): ProfileSummary {
  return origin ? { ...summary, origin } : summary;
}

function refusal(title: string, detail: string): ErrorInfo {
  return { code: 'invalid-request', title, detail, retryable: false };
}

export class ProfileService {
  private readonly store: ProfileStore;
  private readonly now: () => Date;
  private readonly logSink: (entry: ProfileLogEntry) => void;
  private readonly listeners = new Set<(profile: ProfileSummary | null) => void>();
  private state: Current | null = null;
  /** Every change to `state` and the stored files goes through here, so memory and disk hold the same import. */
  private readonly queue = new SerialQueue();

  constructor(options: ProfileServiceOptions) {
    this.store = new ProfileStore(options.dataDir);
    this.now = options.now ?? (() => new Date());
    this.logSink = options.log ?? (() => {});
  }

  /** Loads the profile saved by an earlier session, if its bytes are intact. Call once at start-up. */
  restore(): Promise<ProfileSummary | null> {
    return this.queue.run(() => this.restoreNow());
  }

  private async restoreNow(): Promise<ProfileSummary | null> {
    const stored = await this.store.load();
    if (!stored) return null;
    const loaded = await loadProfile(stored.bytes, stored.meta.fileName);
    if (!loaded.ok) return null;
    this.state = { loaded, meta: stored.meta };
    this.emit();
    return this.current();
  }

  /**
   * Judges a file and, when it is usable (expired counts: an override may still allow it), makes it current.
   * A refused file never replaces a good current profile; its summary is returned for the operator to read.
   * Imports run one at a time, in call order.
   */
  importBytes(request: ImportRequest): Promise<ProfileSummary> {
    return this.queue.run(() => this.importNow(request));
  }

  /**
   * Re-importing the current file (same sha256) keeps its earliest import and modified times and its override:
   * otherwise dropping the same unsigned file again, or a browser copy whose modified time is "now", would
   * silently restart the two weeks.
   */
  private keptHistory(
    sha256: string,
    now: number,
    fileModifiedAt: number | undefined,
  ): Pick<StoredProfileMeta, 'importedAt' | 'fileModifiedAt' | 'override'> & { readonly again: boolean } {
    const previous = this.state?.meta.sha256 === sha256 ? this.state.meta : undefined;
    if (!previous) return { importedAt: now, fileModifiedAt, again: false };
    const modified = [previous.fileModifiedAt, fileModifiedAt].filter((t) => t !== undefined);
    return {
      importedAt: Math.min(previous.importedAt, now),
      fileModifiedAt: modified.length ? Math.min(...modified) : undefined,
      override: previous.override,
      again: true,
    };
  }

  private async importNow(request: ImportRequest): Promise<ProfileSummary> {
    const now = this.now().getTime();
    const loaded = await loadProfile(request.bytes, request.fileName);
    const { again, ...history } = this.keptHistory(loaded.sha256, now, request.fileModifiedAt);
    const summary = withOrigin(
      summarizeProfile(loaded, { fileName: request.fileName, ...history, now }),
      request.origin,
    );
    const codes = summary.findings.filter((f) => f.severity !== 'info').map((f) => f.code);
    if (!loaded.ok || summary.verdict === 'unusable') {
      this.log(
        'warn',
        'profile.refused',
        `Refused ${summary.fileName} (${summary.fileKind}, sha256 ${summary.sha256}) from ${request.source}: ${codes.join(', ')}`,
      );
      return summary;
    }
    const meta: StoredProfileMeta = {
      fileName: summary.fileName,
      sha256: loaded.sha256,
      ...history,
      source: request.source,
      ...(request.origin ? { origin: request.origin } : {}),
    };
    await this.store.save(loaded.bytes, meta);
    this.state = { loaded, meta };
    this.log(
      'info',
      'profile.imported',
      `${again ? 'Re-imported the current file' : 'Imported'} ${summary.fileName} (${summary.variant.toUpperCase()}, ${summary.mdmHost ?? 'no host'}, sha256 ${summary.sha256}) from ${request.source}: ${summary.verdict}${codes.length ? `; ${codes.join(', ')}` : ''}${again ? `; age still counted from ${new Date(history.importedAt).toISOString()} at the latest` : ''}`,
    );
    this.emit();
    return summary;
  }

  /** Imports a file from disk ("Open With", the command line), using its modified time for the age rule. */
  async importPath(filePath: string, source: ProfileImportSource = 'open-with'): Promise<ProfileSummary> {
    const { bytes, modifiedAt } = await readProfileFile(filePath);
    return this.importBytes({ fileName: path.basename(filePath), bytes, fileModifiedAt: modifiedAt, source });
  }

  /** The current profile judged at this moment (its age changes), or null. */
  current(): ProfileSummary | null {
    if (!this.state) return null;
    const { loaded, meta } = this.state;
    return withOrigin(summarizeProfile(loaded, { ...meta, now: this.now().getTime() }), meta.origin);
  }

  /** Main-only: where the original bytes are, for `cfgutil install-profile`. Null without a profile. */
  profilePath(): string | null {
    return this.state ? this.store.profilePath : null;
  }

  /** Lets runs start with an expired profile; the decision, with its reason, is logged and kept on disk. */
  overrideAge(reason: string): Promise<ProfileSummary> {
    return this.queue.run(() => this.overrideAgeNow(reason));
  }

  private async overrideAgeNow(reason: string): Promise<ProfileSummary> {
    const trimmed = reason.trim();
    if (trimmed.length === 0 || trimmed.length > MAX_OVERRIDE_REASON) {
      throw invalidRequest(
        `Say in 1 to ${MAX_OVERRIDE_REASON} characters why the expired profile should be used anyway.`,
      );
    }
    const summary = this.current();
    if (!this.state || !summary)
      throw new BenchError(refusal('No profile to override', 'Import the Intune enrollment profile first.'));
    if (summary.age?.state !== 'expired') {
      throw new BenchError(
        refusal('Nothing to override', 'The profile has not expired, so runs are already allowed.'),
      );
    }
    const at = this.now().getTime();
    const secrets = this.state.loaded.secrets;
    // The operator's own words: no key path to go by, so a pasted secret is found by its value.
    const safeReason = redactOperatorText(sanitizeText(trimmed, { maxLength: MAX_OVERRIDE_REASON }), secrets);
    const meta: StoredProfileMeta = { ...this.state.meta, override: { reason: safeReason, at } };
    await this.store.saveMeta(meta);
    await this.store.appendOverride({
      at,
      reason: safeReason,
      fileName: meta.fileName,
      sha256: meta.sha256,
      ageDays: summary.age.ageDays,
    });
    this.state = { ...this.state, meta };
    this.log(
      'warn',
      'profile.age-override',
      `Operator overrode the two-week age check for ${meta.fileName} (${summary.age.ageDays} days old, sha256 ${meta.sha256}): "${safeReason}"`,
    );
    this.emit();
    return this.current() ?? summary;
  }

  /** Whether a run may start now, and if not, why, in words for the operator. */
  canStartRun(now: Date = this.now()): RunGate {
    if (!this.state) {
      return {
        ok: false,
        error: refusal(
          'Import the enrollment profile first',
          'Drop the .mobileconfig downloaded from Intune (Export Profile › Direct enrollment) on the window.',
        ),
      };
    }
    const summary = summarizeProfile(this.state.loaded, { ...this.state.meta, now: now.getTime() });
    if (summary.verdict === 'expired') {
      return {
        ok: false,
        error: refusal(
          'The enrollment profile is more than two weeks old',
          `${summary.headline} Intune's direct-enrollment file is valid for two weeks; download a fresh one, or override the age check and say why.`,
        ),
      };
    }
    if (summary.verdict === 'unusable') {
      return { ok: false, error: refusal('The enrollment profile cannot be used', summary.headline) };
    }
    return { ok: true, profilePath: this.store.profilePath };
  }

  onChanged(listener: (profile: ProfileSummary | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    const summary = this.current();
    for (const listener of [...this.listeners]) {
      try {
        listener(summary);
      } catch {
        // A failing subscriber must not break the import.
      }
    }
  }

  /**
   * Log lines are built only from summary fields (already shown through shown-value.ts), codes, hashes and the
   * sanitised override reason, so nothing here searches the text for secret values (which hid the truth).
   */
  private log(level: ProfileLogEntry['level'], event: string, message: string): void {
    this.logSink({ level, event, message: sanitizeText(message, { maxLength: 2000 }) });
  }
}
