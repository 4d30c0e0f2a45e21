/**
 * The bench's workflows: the shipped presets, and one JSON file per workflow in `<data>/workflows/<id>.json`.
 *
 * Files are untrusted input (edited by hand, copied from another bench, half-written by a crash): each is read
 * with a size bound, judged by the schema and the step rules, and a bad one becomes a named problem while the
 * file stays where it is, untouched, for the admin to fix. Saves go to a temporary file that is renamed into
 * place, so a crash mid-write leaves the old workflow intact. Presets are never overwritten or deleted.
 */
import { watch } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Workflow, WorkflowList, WorkflowProblem } from '../../../preload/jobs-domain';
import { SerialQueue } from '../../async/serial-queue';
import { BenchError } from '../../errors/bench-error';
import { writeFileAtomic } from '../../storage/atomic-write';
import { sanitizeText } from '../../text/sanitize-text';
import { MAX_WORKFLOW_BYTES, parseWorkflow, parseWorkflowText } from './parse-workflow';
import { presetWorkflows } from './presets';
import { readBoundedText } from './read-bounded-file';
import { MAX_WORKFLOW_ID, WORKFLOW_ID } from './workflow-schema';

/** More files than this in the folder are not read: listing stays cheap whatever lands there. */
export const MAX_WORKFLOW_FILES = 200;

export interface WorkflowStoreOptions {
  /** The folder of workflow files, normally `<data>/workflows`. */
  readonly dir: string;
  /** Defaults to the two shipped presets. */
  readonly presets?: readonly Workflow[];
}

function refuse(title: string, detail: string, field?: string): BenchError {
  return new BenchError({
    code: 'invalid-request',
    title,
    detail,
    retryable: false,
    ...(field === undefined ? {} : { field }),
  });
}

export function isWorkflowId(id: string): boolean {
  return id.length <= MAX_WORKFLOW_ID && WORKFLOW_ID.test(id);
}

export class WorkflowStore {
  private readonly dir: string;
  private readonly presets: readonly Workflow[];
  private readonly listeners = new Set<(list: WorkflowList) => void>();
  /** Saves and deletes run one at a time, so a list sent to the UI never mixes two of them. */
  private readonly writes = new SerialQueue();
  /** The last list sent to listeners, so the folder watcher does not repeat what a save already announced. */
  private lastAnnounced: string | undefined;

  constructor(options: WorkflowStoreOptions) {
    this.dir = options.dir;
    this.presets = options.presets ?? presetWorkflows;
  }

  /** The store for a data folder: `<dataDir>/workflows`. */
  static inDataDir(dataDir: string): WorkflowStore {
    return new WorkflowStore({ dir: path.join(dataDir, 'workflows') });
  }

  /** Where the file of a workflow id lives (it may not exist). */
  fileFor(id: string): string {
    return path.join(this.dir, `${id}.json`);
  }

  /** Presets first, then every usable file by id; a file that cannot be used is a problem in the list. */
  async list(): Promise<WorkflowList> {
    const names = await this.fileNames();
    const problems: WorkflowProblem[] = [];
    const workflows: Workflow[] = [];
    if (names.length > MAX_WORKFLOW_FILES) {
      problems.push({
        file: this.dir,
        message: `(the folder): holds ${names.length} workflow files; only the first ${MAX_WORKFLOW_FILES} were read. Remove the ones no longer used.`,
      });
    }
    for (const name of names.slice(0, MAX_WORKFLOW_FILES)) {
      const read = await this.readFile(name);
      if (read.ok) workflows.push(read.workflow);
      else
        problems.push({
          file: path.join(this.dir, sanitizeText(name, { maxLength: 100 })),
          message: read.message,
        });
    }
    return { workflows: [...this.presets, ...workflows], problems };
  }

  /** A preset or a usable file; `undefined` for an unknown id or a file with a problem (see `list()`). */
  async get(id: string): Promise<Workflow | undefined> {
    const preset = this.presets.find((w) => w.id === id);
    if (preset) return preset;
    if (!isWorkflowId(id)) return undefined;
    const read = await this.readFile(`${id}.json`);
    return read.ok ? read.workflow : undefined;
  }

  /**
   * Validates and saves a workflow sent by the editor or a script. A refusal is a BenchError naming the editor's
   * field (`info.field`) whose detail is one sentence for it, with the fix. Saving over a file that had a problem replaces it: that is how it gets fixed.
   */
  save(raw: unknown): Promise<Workflow> {
    return this.writes.run(async () => {
      const parsed = parseWorkflow(raw);
      if (!parsed.ok)
        throw refuse('The workflow was not saved', parsed.forPeople.sentence, parsed.forPeople.field);
      const { workflow } = parsed;
      if (this.presets.some((p) => p.id === workflow.id)) {
        throw refuse(
          'Presets cannot be changed',
          `File name: "${workflow.id}" is a shipped preset. Duplicate it under a new id (for example "${workflow.id}-copy") and edit that.`,
          'id',
        );
      }
      const { id, name, description, steps } = workflow;
      const text = `${JSON.stringify({ id, name, description, steps }, null, 2)}\n`;
      if (Buffer.byteLength(text, 'utf8') > MAX_WORKFLOW_BYTES) {
        throw refuse(
          'The workflow was not saved',
          'The workflow: larger than 64 KB; shorten the descriptions.',
          'form',
        );
      }
      await this.writeAtomically(this.fileFor(workflow.id), text);
      await this.announce();
      return workflow;
    });
  }

  /** Deletes a workflow file (also one with a problem). Presets cannot be deleted. */
  delete(id: string): Promise<WorkflowList> {
    return this.writes.run(async () => {
      if (this.presets.some((p) => p.id === id)) {
        throw refuse('Presets cannot be deleted', `"${id}" ships with the bench; it is always there.`);
      }
      const names = isWorkflowId(id) ? await this.fileNames() : [];
      if (!names.includes(`${id}.json`)) {
        throw refuse('No such workflow', `There is no workflow "${sanitizeText(id)}" in ${this.dir}.`);
      }
      await rm(this.fileFor(id), { force: true });
      return this.announce();
    });
  }

  /** Called with the new list after every save and delete. Returns an unsubscribe. */
  onChanged(listener: (list: WorkflowList) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Watches the folder for files added, edited or removed by hand (or by another bench process), and announces
   * the new list once things are quiet for `debounceMs`. Returns a stop function.
   */
  async watchFolder(debounceMs = 250): Promise<() => void> {
    let timer: NodeJS.Timeout | undefined;
    const changed = () => {
      clearTimeout(timer);
      timer = setTimeout(
        () => void this.writes.run(() => this.announce(true)).catch(() => undefined),
        debounceMs,
      );
    };
    try {
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      const watcher = watch(this.dir, { persistent: false }, changed);
      // A folder that disappears ends watching; lists are still read on demand.
      watcher.on('error', () => watcher.close());
      return () => {
        clearTimeout(timer);
        watcher.close();
      };
    } catch {
      // A data folder the bench cannot watch (or create) must not stop the bench from starting.
      return () => clearTimeout(timer);
    }
  }

  private async announce(onlyIfChanged = false): Promise<WorkflowList> {
    const list = await this.list();
    const text = JSON.stringify(list);
    if (onlyIfChanged && text === this.lastAnnounced) return list;
    this.lastAnnounced = text;
    for (const listener of [...this.listeners]) {
      try {
        listener(list);
      } catch {
        // A failing subscriber must not turn a saved workflow into an error.
      }
    }
    return list;
  }

  /** `*.json` entries that are plain files, sorted; temporary files start with a dot and are skipped. */
  private async fileNames(): Promise<string[]> {
    try {
      const entries = await readdir(this.dir, { withFileTypes: true });
      return entries
        .filter((e) => !e.isDirectory() && e.name.endsWith('.json') && !e.name.startsWith('.'))
        .map((e) => e.name)
        .sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  private async readFile(
    name: string,
  ): Promise<{ ok: true; workflow: Workflow } | { ok: false; message: string }> {
    const stem = name.slice(0, -'.json'.length);
    if (!isWorkflowId(stem)) {
      return {
        ok: false,
        message:
          '(the file name): must be the workflow id and .json, in lower-case letters, digits and dashes (such as cart-7.json)',
      };
    }
    let text: string;
    try {
      text = await readBoundedText(path.join(this.dir, name), MAX_WORKFLOW_BYTES);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { ok: false, message: '(the file): it is gone' };
      const why =
        code === 'ELOOP'
          ? 'it is a symbolic link, which the bench does not follow'
          : code === 'ENOTREGULAR'
            ? 'it is not a regular file (a named pipe, a device or a socket), which the bench does not read'
            : 'it could not be read';
      return { ok: false, message: `(the file): ${why}` };
    }
    const parsed = parseWorkflowText(text);
    if (!parsed.ok) return parsed;
    if (parsed.workflow.id !== stem) {
      return {
        ok: false,
        message: `id: is "${parsed.workflow.id}" but the file is named ${stem}.json; make them the same`,
      };
    }
    if (this.presets.some((p) => p.id === stem)) {
      return {
        ok: false,
        message: `id: "${stem}" is a shipped preset, which a file cannot replace; the preset is used. Give the file another id and name.`,
      };
    }
    return parsed;
  }

  private async writeAtomically(file: string, text: string): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(file, text);
  }
}
