/**
 * The one place a job's changing commands pass: the client a job runs with is wrapped so that erase,
 * prepare, install, remove and rename are each sent only after `judgeChange` says "go" on a read of the
 * device made for that command (or the read of a moment ago, when nothing has happened since). What the bench
 * learns later (the serial after an unlock, a second read after a failed one) therefore counts before
 * anything changes. Spelled out per command so a command added to the client does not compile until it is
 * sorted into "looks" or "changes".
 */
import type { CfgutilClient } from '../../cfgutil/cfgutil-client';
import type { DeviceRead, ReadProperty } from '../device-read';
import type { JobContext } from '../job-context';
import { cfgutilCode, failure, JobSkip } from '../job-failure';
import { currentRead, readDevice } from '../step-kit';
import { judgeChange, type ChangingCommand, type ChangeVerdict } from './change-verdict';
import { cannotTellInstruction, inUseInstruction } from './guard-words';

/** What every verdict is made from; `name` and `passcodeProtected` answer the in-use question. */
export const GUARD_PROPERTIES = [
  'serialNumber',
  'name',
  'firmwareVersion',
  'activationState',
  'isSupervised',
  'organizationName',
  'passcodeProtected',
] as const satisfies readonly ReadProperty[];

/** Wipes or takes over the device: the guard needs the whole picture (`GUARD_PROPERTIES`). */
const TAKES_OVER: ReadonlySet<ChangingCommand> = new Set(['erase', 'prepare']);

/** What a step that erases or prepares reads to decide, so the guard decides on the same read. */
export function withGuardProperties(properties: readonly ReadProperty[]): readonly ReadProperty[] {
  return [...new Set([...properties, ...GUARD_PROPERTIES])];
}

/** Reads after the first before an unclear answer holds the device. */
export const UNCLEAR_REREADS = 2;

/** The job's client with every changing command behind the guard. */
export function guardChanges(ctx: JobContext): CfgutilClient {
  const client = ctx.client;
  const state: GuardState = { personSaidErase: false };
  const gate =
    <A extends unknown[], R>(command: ChangingCommand, run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const cleared = await clearToChange(ctx, command, state);
      state.refused = undefined;
      try {
        return await run(...args);
      } catch (error) {
        // Refused as busy: nothing was done, so the next try is judged again on the same read (with the
        // lists as saved then) instead of asking the device again.
        if (cfgutilCode(error) === 'device-busy')
          state.refused = { command, read: cleared, generation: ctx.generation() };
        throw error;
      }
    };
  return {
    list: (options) => client.list(options),
    get: (ecid, properties, options) => client.get(ecid, properties, options),
    version: (options) => client.version(options),
    pair: (ecid, options) => client.pair(ecid, options),
    unpair: (ecid, options) => client.unpair(ecid, options),
    restart: (ecid, options) => client.restart(ecid, options),
    shutDown: (ecid, options) => client.shutDown(ecid, options),
    erase: gate('erase', (ecid, options) => client.erase(ecid, options)),
    prepare: gate('prepare', (ecid, prepare, options) => client.prepare(ecid, prepare, options)),
    installProfile: gate('install', (ecid, path, options) => client.installProfile(ecid, path, options)),
    removeProfile: gate('remove', (ecid, what, options) => client.removeProfile(ecid, what, options)),
    rename: gate('rename', (ecid, name, options) => client.rename(ecid, name, options)),
  };
}

function eraseAllowsOther(ctx: JobContext): boolean {
  return ctx.workflow.steps.some((s) => s.kind === 'erase' && s.allowOtherOrganization);
}

function verdictOn(
  ctx: JobContext,
  command: ChangingCommand,
  read: DeviceRead,
  personSaidErase: boolean,
): ChangeVerdict {
  return judgeChange({
    command,
    ecid: ctx.ecid,
    values: read.values,
    ours: ctx.ours,
    lists: ctx.safety.lists(),
    allowOtherOrganization: eraseAllowsOther(ctx),
    ...(ctx.workflow.adeOrganizations ? { adeOrganizations: ctx.workflow.adeOrganizations } : {}),
    eraseInUse: ctx.safety.eraseInUse ?? ctx.workflow.eraseInUse ?? 'ask',
    personSaidErase,
  });
}

interface GuardState {
  /** A person pressed Erase for this device in use (this run of the job). */
  personSaidErase: boolean;
  /** The read the last command was cleared on, when the device refused it as busy. */
  refused?: { readonly command: ChangingCommand; readonly read: DeviceRead; readonly generation: number };
}

/**
 * Resolves with the read it cleared `command` on; throws a `JobSkip` (ignore list, another organization, in
 * use and the workflow says never, another bench) or a `JobFailure` when nobody answered in time.
 */
export async function clearToChange(
  ctx: JobContext,
  command: ChangingCommand,
  state: GuardState,
): Promise<DeviceRead> {
  const refused = state.refused;
  let read =
    refused?.command === command && refused.generation === ctx.generation()
      ? refused.read
      : await firstRead(ctx, command);
  let verdict = verdictOn(ctx, command, read, state.personSaidErase);
  for (let again = 1; verdict.kind === 'unknown' && again <= UNCLEAR_REREADS; again += 1) {
    await ctx.sleep(ctx.timings.busyRetryMs);
    read = await readDevice(ctx, GUARD_PROPERTIES);
    verdict = verdictOn(ctx, command, read, state.personSaidErase);
  }
  const deadline = ctx.now() + ctx.timings.operatorTimeoutMs;
  for (;;) {
    if (verdict.kind === 'skip') throw new JobSkip(verdict.reason);
    if (verdict.kind === 'go') {
      if (claim(ctx) === 'other-bench') throw new JobSkip('other-bench');
      return read;
    }
    ctx.setWaiting(
      verdict.kind === 'ask-in-use' ? 'in-use' : 'cannot-tell',
      verdict.kind === 'ask-in-use'
        ? inUseInstruction(read.values, ctx.modelName())
        : cannotTellInstruction(verdict.what, read.values),
    );
    if (ctx.now() > deadline) throw timedOut(verdict);
    if (verdict.kind === 'ask-in-use') {
      // Only a person answers this: no reads in between, so the job is always listening for the word.
      if (!(await ctx.waitForOperatorWord(ctx.timings.operatorPollMs))) continue;
      state.personSaidErase = true;
    } else {
      // Unclear: read again on every poll (a word only reads sooner; it never stands in for the answer).
      await ctx.waitForOperatorWord(ctx.timings.operatorPollMs);
    }
    read = await readDevice(ctx, GUARD_PROPERTIES);
    verdict = verdictOn(ctx, command, read, state.personSaidErase);
    if (verdict.kind !== 'unknown' && verdict.kind !== 'ask-in-use') ctx.resume();
  }
}

/** The device's lock on this Mac; a lock folder that is not safe stops the command (nothing is sent). */
function claim(ctx: JobContext): 'ours' | 'other-bench' {
  try {
    return ctx.safety.deviceLocks.claim(ctx.ecid);
  } catch (error) {
    throw failure(
      'invalid-request',
      'The bench cannot lock this device',
      `${error instanceof Error ? error.message : String(error)} Nothing was done to the device.`,
      false,
    );
  }
}

/**
 * Erase and prepare decide on a read of the guard's properties (usually the step's own read of a moment
 * ago); install, remove and rename need only the serial, which the job keeps once any read has shown it (a
 * device's serial never changes under its ECID).
 */
async function firstRead(ctx: JobContext, command: ChangingCommand): Promise<DeviceRead> {
  if (TAKES_OVER.has(command)) return currentRead(ctx, GUARD_PROPERTIES);
  const serialNumber = ctx.serialNumber();
  if (serialNumber)
    return { values: { serialNumber }, facts: { readAt: ctx.now() }, locked: false, errorCodes: [] };
  return currentRead(ctx, ['serialNumber']);
}

function timedOut(verdict: ChangeVerdict) {
  return verdict.kind === 'ask-in-use'
    ? failure(
        'in-use-unanswered',
        'Nobody answered for this device in use',
        'Nothing was done to it. Press Retry to be asked again, or Skip.',
      )
    : failure(
        'manager-unknown',
        'The bench cannot tell who manages this device',
        'Nothing was done to it. Unplug it and plug it back in, or check it in Apple Configurator, then press Retry.',
      );
}
