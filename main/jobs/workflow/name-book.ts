/**
 * Which device holds which counter of a rename template, and which names this bench has given: the promise
 * is that no name is ever given to two devices.
 *
 * - A counter is reserved when a job is admitted, in port order for devices that arrive together (Port 1 › 1
 *   before 1 › 2 before 2 › 1), so the editor's preview (first slot, first number) comes true; a device keeps
 *   its number through retries, reruns and restarts.
 * - Counters are kept per template in the data folder (`names/names-000001.jsonl`, append-only, one line per
 *   reservation or name, written and synced before the number is used), so they go on across runs.
 * - A name the bench log already holds for another serial is never given again: the device takes the next
 *   counter instead; a template without a counter cannot do that, so the rename fails saying why.
 */
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import type { Ecid } from '../../../preload/domain';
import { jsonlFileName, readJsonlFiles } from '../../storage/jsonl-files';
import { JOURNAL_DIR, JOURNAL_PREFIX } from '../../journal/journal-entry';

export const NAMES_DIR = 'names';
export const NAMES_PREFIX = 'names';

/** One line of the names file. */
export interface NameLine {
  readonly v: 1;
  readonly template: string;
  readonly ecid: Ecid;
  readonly n: number;
  /** Set once the device's name is decided (its serial known). */
  readonly name?: string;
  readonly serial?: string;
}

/** Where reservations go; the file writer in a bench, an array in tests. */
export type NameLineSink = (line: NameLine) => void;

export class NameBook {
  private readonly highest = new Map<string, number>();
  private readonly held = new Map<string, Map<Ecid, number>>();
  /** name → the serial (or, before the serial is known, the ECID) it was given to. */
  private readonly owners = new Map<string, string>();

  constructor(
    lines: readonly NameLine[] = [],
    private readonly sink: NameLineSink = () => {},
    loggedNames: readonly { readonly name: string; readonly serial: string }[] = [],
  ) {
    for (const line of lines) this.apply(line);
    for (const { name, serial } of loggedNames) if (!this.owners.has(name)) this.owners.set(name, serial);
  }

  /** Reserves a counter for each device, in the order given (port order: {@link byPort}). Idempotent. */
  admit(template: string, ecids: readonly Ecid[]): void {
    for (const ecid of ecids) this.counterOf(template, ecid);
  }

  /** The counter this device holds for `template`, reserved now when it holds none. */
  counterOf(template: string, ecid: Ecid): number {
    const held = this.held.get(template)?.get(ecid);
    return held ?? this.reserve(template, ecid);
  }

  /**
   * The device's name: `expand(counter)` with its counter, moving on to a fresh counter while the name is
   * held by another device. Undefined when the name is taken and the template has no counter to move on.
   */
  nameFor(
    template: string,
    device: { readonly ecid: Ecid; readonly serial?: string },
    expand: (counter: number) => string,
    hasCounter: boolean,
  ): string | undefined {
    const owner = device.serial ?? device.ecid;
    let counter = hasCounter ? this.counterOf(template, device.ecid) : 1;
    for (let tries = 0; tries < 10_000; tries += 1) {
      const name = expand(counter);
      const holder = this.owners.get(name);
      if (holder === undefined || holder === owner || holder === device.ecid) {
        this.write({
          v: 1,
          template,
          ecid: device.ecid,
          n: counter,
          name,
          ...(device.serial ? { serial: device.serial } : {}),
        });
        return name;
      }
      if (!hasCounter) return undefined;
      counter = this.reserve(template, device.ecid);
    }
    return undefined;
  }

  private reserve(template: string, ecid: Ecid): number {
    const n = (this.highest.get(template) ?? 0) + 1;
    this.write({ v: 1, template, ecid, n });
    return n;
  }

  /** Written (and synced) before it is applied: a number in use is always on disk. */
  private write(line: NameLine): void {
    this.sink(line);
    this.apply(line);
  }

  private apply(line: NameLine): void {
    this.highest.set(line.template, Math.max(this.highest.get(line.template) ?? 0, line.n));
    const held = this.held.get(line.template) ?? new Map<Ecid, number>();
    held.set(line.ecid, line.n);
    this.held.set(line.template, held);
    if (line.name !== undefined) this.owners.set(line.name, line.serial ?? line.ecid);
  }
}

/** Port labels compared as a person reads them: `Port 2 › 10` after `Port 2 › 9`; unknown ports last. */
export function byPort(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  const numbers = (label: string) => (label.match(/\d+/g) ?? []).map(Number);
  const [x, y] = [numbers(a), numbers(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return a < b ? -1 : 1;
}

function acceptLine(value: unknown): NameLine | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (v.v !== 1 || typeof v.template !== 'string' || typeof v.ecid !== 'string') return undefined;
  if (typeof v.n !== 'number' || !Number.isSafeInteger(v.n) || v.n < 1) return undefined;
  if (v.name !== undefined && typeof v.name !== 'string') return undefined;
  if (v.serial !== undefined && typeof v.serial !== 'string') return undefined;
  return value as NameLine;
}

/** A finished job's name and serial from the bench log's journal (only the two fields read here). */
function acceptLoggedName(value: unknown): { name: string; serial: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const entry = value as { kind?: unknown; record?: { finalName?: unknown; serialNumber?: unknown } };
  if (entry.kind !== 'job-ended') return undefined;
  const { finalName, serialNumber } = entry.record ?? {};
  return typeof finalName === 'string' && typeof serialNumber === 'string'
    ? { name: finalName, serial: serialNumber }
    : { name: '', serial: '' };
}

/**
 * Appends one line and syncs it, so a reservation survives a crash right after it was handed out. Like the
 * journal, it never writes through a link: the folder must be a real folder and the file is opened with
 * O_NOFOLLOW and must be a regular file.
 */
function appendSynced(file: string): NameLineSink {
  return (line) => {
    const dir = path.dirname(file);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!lstatSync(dir).isDirectory())
      throw new Error(
        `${dir} is a symbolic link, not a folder; the bench does not write names through a link.`,
      );
    const flags = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW;
    const fd = openSync(file, flags, 0o600);
    try {
      if (!fstatSync(fd).isFile())
        throw new Error(`${file} is not a regular file; the bench does not append to it.`);
      writeSync(fd, `${JSON.stringify(line)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  };
}

/** The bench's name book from its data folder: the names file and the names in the bench log. */
export async function loadNameBook(
  dataDir: string,
): Promise<{ readonly book: NameBook; readonly warnings: readonly string[] }> {
  const dir = path.join(dataDir, NAMES_DIR);
  const own = await readJsonlFiles(dir, NAMES_PREFIX, acceptLine);
  const logged = await readJsonlFiles(
    path.join(dataDir, JOURNAL_DIR),
    JOURNAL_PREFIX,
    acceptLoggedName,
    undefined,
    '"finalName"',
  );
  const names = logged.records.filter((r) => r.name !== '');
  const book = new NameBook(own.records, appendSynced(path.join(dir, jsonlFileName(NAMES_PREFIX, 1))), names);
  return { book, warnings: own.warnings };
}
