/**
 * `<data>/intune/enrollment-*.jsonl`: the append-only journal of serial pushes and enrollment checks. Every
 * fact is a new line (O_APPEND, fdatasync; ../../storage/jsonl-files.ts), nothing is rewritten, and the
 * current state is folded at read time, so a crash at any point loses at most the line being written.
 *
 * The push protocol is written so that a serial is never sent twice for the same profile: `push-started` is
 * written before the call and `push-result` after it. A start without a result (a crash, a killed process) is
 * settled by asking Intune whether it already holds the serial before anything is sent again.
 */
import path from 'node:path';
import { z } from 'zod';
import { openJsonlAppender, readJsonlFiles, type JsonlAppender } from '../../storage/jsonl-files';
import { cleanText } from '../../log/clean-text';
import { INTUNE_FOLDER } from '../token-cache-file';

export const ENROLLMENT_PREFIX = 'enrollment';

const serial = z.string().regex(/^[A-Z0-9]{6,32}$/);
const guid = z.string().regex(/^[0-9a-f-]{36}$/);
const time = z.number().finite().nonnegative();
const words = (max: number) => z.string().transform((s) => cleanText(s, max));

export const enrollmentStates = ['enrolled', 'not-yet-seen', 'not-seen', 'several'] as const;
export type EnrollmentState = (typeof enrollmentStates)[number];

const entrySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('push-queued'),
    serial,
    profileGuid: guid,
    at: time,
    via: z.enum(['acme', 'scep', 'command']),
  }),
  z.object({ kind: z.literal('push-started'), serial, profileGuid: guid, at: time }),
  z.object({
    kind: z.literal('push-result'),
    serial,
    profileGuid: guid,
    at: time,
    ok: z.boolean(),
    why: words(500).optional(),
    /** Settled after a crash by finding the serial already in Intune. */
    reconciled: z.boolean().optional(),
    /** The call failed in a way that may have reached Intune (timeout, lost answer): look before resending. */
    uncertain: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal('enrollment'),
    serial,
    at: time,
    state: z.enum(enrollmentStates),
    enrolledAt: time.optional(),
    enrollmentType: words(100).optional(),
    supervised: z.boolean().optional(),
    records: z.number().int().nonnegative().optional(),
  }),
]);

export type EnrollmentEntry = z.output<typeof entrySchema>;

/** `started`: sent (or about to be) with no answer recorded; Intune must be asked before sending again. */
export type PushState = 'queued' | 'started' | 'pushed' | 'failed';

/** The Intune columns of one serial, as the log and the UI show them. */
export interface IntuneColumns {
  readonly serial: string;
  readonly profileGuid?: string;
  readonly push?: PushState;
  readonly pushedAt?: number;
  readonly pushWhy?: string;
  readonly enrollment?: EnrollmentState;
  readonly checkedAt?: number;
  readonly enrolledAt?: number;
  readonly enrollmentType?: string;
  readonly supervised?: boolean;
  readonly records?: number;
}

export interface PushKey {
  readonly serial: string;
  readonly profileGuid: string;
}

export interface FoldedJournal {
  /** Per `serial|guid`: the push state. */
  readonly pushes: ReadonlyMap<string, PushEntryState>;
  readonly columns: ReadonlyMap<string, IntuneColumns>;
  readonly warnings: readonly string[];
}

export interface PushEntryState {
  readonly state: PushState;
  readonly at: number;
  readonly why?: string;
  readonly key: PushKey;
  /** The last attempt may have reached Intune (a crash or an uncertain failure): look before resending. */
  readonly lookFirst: boolean;
}

export const pushKey = (k: PushKey): string => `${k.serial}|${k.profileGuid}`;

export function foldEntries(
  entries: readonly EnrollmentEntry[],
  warnings: readonly string[] = [],
): FoldedJournal {
  const pushes = new Map<string, PushEntryState>();
  const columns = new Map<string, IntuneColumns>();
  for (const e of entries) {
    const before = columns.get(e.serial) ?? { serial: e.serial };
    if (e.kind === 'enrollment') {
      columns.set(e.serial, {
        ...before,
        enrollment: e.state,
        checkedAt: e.at,
        enrolledAt: e.enrolledAt,
        enrollmentType: e.enrollmentType,
        supervised: e.supervised,
        records: e.records,
      });
      continue;
    }
    const key = pushKey(e);
    const known = pushes.get(key);
    // Once pushed, a serial stays pushed for that profile: a later queue entry never re-opens it.
    if (known?.state === 'pushed') continue;
    const state: PushState =
      e.kind === 'push-queued'
        ? known?.state === 'started'
          ? 'started'
          : 'queued'
        : e.kind === 'push-started'
          ? 'started'
          : e.ok
            ? 'pushed'
            : 'failed';
    const why = e.kind === 'push-result' ? e.why : known?.why;
    const lookFirst =
      state === 'started' ||
      (e.kind === 'push-result' && e.uncertain === true) ||
      (e.kind === 'push-queued' && known?.lookFirst === true);
    pushes.set(key, {
      state,
      at: e.at,
      ...(why === undefined ? {} : { why }),
      key: { serial: e.serial, profileGuid: e.profileGuid },
      lookFirst,
    });
    columns.set(e.serial, {
      ...before,
      profileGuid: e.profileGuid,
      push: state,
      pushedAt: state === 'pushed' ? e.at : before.push === 'pushed' ? before.pushedAt : undefined,
      pushWhy: state === 'failed' ? why : undefined,
    });
  }
  return { pushes, columns, warnings };
}

export class EnrollmentJournal {
  readonly dir: string;
  private appender: Promise<JsonlAppender> | undefined;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, INTUNE_FOLDER);
  }

  async append(entry: EnrollmentEntry): Promise<void> {
    this.appender ??= openJsonlAppender({ dir: this.dir, prefix: ENROLLMENT_PREFIX });
    await (await this.appender).append(entrySchema.parse(entry));
  }

  async read(): Promise<FoldedJournal> {
    const { records, warnings } = await readJsonlFiles(this.dir, ENROLLMENT_PREFIX, (value) => {
      const parsed = entrySchema.safeParse(value);
      return parsed.success ? parsed.data : undefined;
    });
    return foldEntries(records, warnings);
  }

  async close(): Promise<void> {
    const appender = this.appender;
    this.appender = undefined;
    if (appender) await (await appender).close();
  }
}
