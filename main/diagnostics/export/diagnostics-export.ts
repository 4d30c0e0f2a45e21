/**
 * "Export diagnostics": one zip an admin can attach to a bug report.
 *
 * Inside: what the bench is (versions), what it thinks of this Mac (preflight), its settings, the last lines of
 * the jobs' journal and of the diagnostics log, the latest field-check report and the latest `--record` bundle
 * (already pseudonymised). Never inside: the profile, the supervision identity, any password or token. Every
 * file passes ./scrub-secrets.ts on its way in, with the stored profile's secrets and every secret-named
 * setting as known secrets, so even a secret that reached a log by mistake does not reach the archive.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { JOURNAL_DIR, JOURNAL_PREFIX } from '../../journal/journal-entry';
import { storedProfileSecrets } from '../../log/profile-secrets';
import { EXCHANGES_PREFIX, MANIFEST_FILE } from '../../record/bundle-format';
import { lastRecordingNote } from '../../record/cli-recording';
import { settingsFile } from '../../settings/bench-settings';
import { listJsonlFiles } from '../../storage/jsonl-files';
import { writeFileAtomic } from '../../storage/atomic-write';
import { diagnosticsDir } from '../diagnostics-log';
import { scrubJson, scrubText, secretValues } from './scrub-secrets';
import { lastLinesOf } from './tail-lines';
import { buildZip, type ZipEntry } from './zip-writer';

export const DEFAULT_LINES = 500;
/** A bundle larger than this contributes only its manifest and last lines. */
const MAX_RECORDING_BYTES = 8 * 1024 * 1024;
const MAX_SETTINGS_BYTES = 256 * 1024;

export interface DiagnosticsExportOptions {
  readonly dataDir: string;
  /** The bench's version, from the composition (a service does not import app/). */
  readonly appVersion: string;
  /** How many journal, log and recording lines to keep. */
  readonly lines?: number;
  /** The preflight report (or what went wrong producing it). */
  readonly preflight: () => Promise<unknown>;
  readonly now?: Date;
}

export interface DiagnosticsArchive {
  readonly zip: Buffer;
  readonly names: readonly string[];
}

async function readSmall(file: string, max: number): Promise<string | undefined> {
  try {
    if ((await stat(file)).size > max) return undefined;
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

function parsed(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return { unreadable: 'the file is not JSON' };
  }
}

async function filesStartingWith(dir: string, prefix: string): Promise<string[]> {
  try {
    const names = (await readdir(dir)).filter((n) => n.startsWith(prefix));
    const withTimes = await Promise.all(
      names.map(async (n) => ({ file: path.join(dir, n), at: (await stat(path.join(dir, n))).mtimeMs })),
    );
    return withTimes.sort((a, b) => a.at - b.at).map((f) => f.file);
  } catch {
    return [];
  }
}

async function recordingEntries(dataDir: string, lines: number): Promise<{ name: string; text: string }[]> {
  const note = parsed(await readSmall(lastRecordingNote(dataDir), 64 * 1024)) as
    { dir?: unknown } | undefined;
  if (typeof note?.dir !== 'string') return [];
  const dir = note.dir;
  const manifest = await readSmall(path.join(dir, MANIFEST_FILE), 64 * 1024);
  if (manifest === undefined) return [];
  // A --record-raw bundle holds real serials and names: it stays on this Mac.
  if ((parsed(manifest) as { pseudonymised?: unknown } | undefined)?.pseudonymised !== true)
    return [
      {
        name: 'recording/LEFT-OUT.txt',
        text: 'The latest recording was made with --record-raw, so it is not included.\n',
      },
    ];
  const files = await listJsonlFiles(dir, EXCHANGES_PREFIX);
  let total = 0;
  for (const file of files) total += (await stat(file)).size;
  const out = [{ name: `recording/${MANIFEST_FILE}`, text: manifest }];
  if (total <= MAX_RECORDING_BYTES) {
    for (const file of files)
      out.push({ name: `recording/${path.basename(file)}`, text: await readFile(file, 'utf8') });
  } else {
    out.push({
      name: 'recording/exchanges-last.jsonl',
      text: `${(await lastLinesOf(files, lines)).join('\n')}\n`,
    });
  }
  return out;
}

async function fieldCheckEntries(dataDir: string): Promise<{ name: string; text: string }[]> {
  const reports = await filesStartingWith(path.join(dataDir, 'field-check'), 'field-check-');
  const latest = reports.at(-1);
  if (latest === undefined) return [];
  const stem = latest.replace(/\.(md|json)$/, '');
  const out: { name: string; text: string }[] = [];
  for (const ext of ['.md', '.json']) {
    const text = await readSmall(stem + ext, 1024 * 1024);
    if (text !== undefined) out.push({ name: `field-check/${path.basename(stem + ext)}`, text });
  }
  return out;
}

const README = `Enroll Bench diagnostics

versions.json            app, Node/Electron, macOS versions
preflight.json           the preflight checklist as the bench saw it
settings.json            the settings, secret-named values removed
journal-tail.jsonl       the last lines of the jobs' journal
diagnostics-tail.jsonl   the last lines of the diagnostics log
field-check/             the latest field-check report, if any
recording/               the latest --record bundle (serials, ECIDs, UDIDs, names replaced), if any

No profile, supervision identity, password or token is included; every file was filtered for them.
`;

export async function buildDiagnosticsArchive(
  options: DiagnosticsExportOptions,
): Promise<DiagnosticsArchive> {
  const lines = options.lines ?? DEFAULT_LINES;
  const settingsText = await readSmall(settingsFile(options.dataDir), MAX_SETTINGS_BYTES);
  const settings = parsed(settingsText);
  const known = [
    ...(await storedProfileSecrets(options.dataDir)
      .secrets()
      .catch(() => [])),
    ...secretValues(settings),
  ];
  let preflight: unknown;
  try {
    preflight = await options.preflight();
  } catch (error) {
    preflight = { error: error instanceof Error ? error.message : String(error) };
  }
  const versions = {
    app: options.appVersion,
    node: process.versions.node,
    electron: process.versions.electron ?? null,
    platform: process.platform,
    arch: process.arch,
    osRelease: os.release(),
    exportedAt: (options.now ?? new Date()).toISOString(),
  };
  const journal = await lastLinesOf(
    await listJsonlFiles(path.join(options.dataDir, JOURNAL_DIR), JOURNAL_PREFIX),
    lines,
  );
  const diagnostics = await lastLinesOf(
    await filesStartingWith(diagnosticsDir(options.dataDir), 'diagnostics'),
    lines,
  );
  const json = (value: unknown) => `${JSON.stringify(scrubJson(value ?? null, known), null, 2)}\n`;
  const text = (value: string) => scrubText(value, known);
  const files: { name: string; text: string }[] = [
    { name: 'README.txt', text: README },
    { name: 'versions.json', text: json(versions) },
    { name: 'preflight.json', text: json(preflight) },
    { name: 'settings.json', text: json(settings ?? { note: 'no settings file: defaults are in use' }) },
    { name: 'journal-tail.jsonl', text: text(journal.map((l) => `${l}\n`).join('')) },
    { name: 'diagnostics-tail.jsonl', text: text(diagnostics.map((l) => `${l}\n`).join('')) },
    ...(await fieldCheckEntries(options.dataDir)).map((f) => ({ name: f.name, text: text(f.text) })),
    ...(await recordingEntries(options.dataDir, lines)).map((f) => ({ name: f.name, text: text(f.text) })),
  ];
  const entries: ZipEntry[] = files.map((f) => ({ name: f.name, data: Buffer.from(f.text, 'utf8') }));
  return { zip: buildZip(entries, options.now), names: entries.map((e) => e.name) };
}

/** Writes the archive to `out` (atomically); returns the names inside. */
export async function exportDiagnostics(
  options: DiagnosticsExportOptions & { readonly out: string },
): Promise<readonly string[]> {
  const archive = await buildDiagnosticsArchive(options);
  await writeFileAtomic(options.out, archive.zip, 0o600);
  return archive.names;
}

/** `Enroll Bench diagnostics 2026-12-05 1045.zip`, in the given folder. */
export function defaultArchiveName(dir: string, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 16).replace('T', ' ').replace(':', '');
  return path.join(dir, `Enroll Bench diagnostics ${stamp}.zip`);
}
