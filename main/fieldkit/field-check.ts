/**
 * `field-check`: walks one device the admin is willing to erase through every cfgutil behaviour the bench
 * relies on, and says for each whether a real Mac did what the bench expects.
 *
 * Safety: every step that erases or supervises the device is asked for with a typed confirmation (the last
 * four characters of the device's serial number), and nothing skips that question except `eraseSerial`, the
 * device's full serial given up front (`--erase-serial`): consent names one device, so it can never erase
 * another one that happens to be attached. `yes` only answers the "press Enter when ready" questions. Input that
 * ends answers "no". A refused or failed step leaves the rows that need it "not tried", never "confirmed".
 *
 * Truth from the device: a step is confirmed by a re-read (list or get), never by an exit status alone.
 */
import type { Ecid } from '../../preload/domain';
import type { CfgutilClient, IdentityOptions, SupervisionIdentity } from '../cfgutil/cfgutil-client';
import { CfgutilError } from '../cfgutil/cfgutil-error';
import { normalizeEcid } from '../cfgutil/ecid';
import { Pseudonyms } from '../record/pseudonyms';
import { sanitizeText } from '../text/sanitize-text';
import type { FieldIo } from './field-io';
import { FIELD_ROWS, type FieldResult, type FieldRowId, type FieldStatus } from './field-rows';

export interface FieldCheckOptions {
  readonly client: CfgutilClient;
  /** The device to use; required when more than one is attached. */
  readonly ecid?: string;
  readonly identity: SupervisionIdentity;
  readonly organizationName: string;
  readonly profile: { readonly path: string; readonly payloadIdentifier: string };
  /** The full serial number of the one device the admin agrees to erase, given up front. */
  readonly eraseSerial?: string;
  /** Answers the non-destructive "ready?" questions; never an erase. */
  readonly yes?: boolean;
  /** How often to list while waiting for the device to leave or come back. */
  readonly pollMs: number;
  /** How long to wait for it (erase and prepare reboot the device). */
  readonly waitMs: number;
}

export interface FieldReport {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly cfgutilVersion?: string;
  readonly device?: { readonly deviceType?: string; readonly firmwareVersion?: string };
  readonly rows: readonly FieldResult[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class NotTried extends Error {}

export async function runFieldCheck(options: FieldCheckOptions, io: FieldIo): Promise<FieldReport> {
  const startedAt = new Date().toISOString();
  const { client } = options;
  const results = new Map<FieldRowId, { status: FieldStatus; seen: string }>();
  // The report may be pasted into a public issue: what cfgutil said passes the same stand-ins as a recording.
  const names = new Pseudonyms(true);
  // `ours`: a prepare with our identity was sent and no erase since, so the device may pair only with us.
  const state = { paired: false, supervised: false, erased: false, present: true, ours: false };
  /** Issue 20 item 1: every command to a device we (may) supervise carries the identity (`-C/-K`). */
  const asOurs = (): IdentityOptions => (state.ours ? { identity: options.identity } : {});
  let ecid: Ecid | undefined;
  let serial: string | undefined;
  let cfgutilVersion: string | undefined;
  let device: FieldReport['device'];

  const clean = (text: string) => sanitizeText(names.apply(text), { maxLength: 300 });
  const describe = (error: unknown): string => {
    if (error instanceof CfgutilError) {
      const code = error.info.cfgutilCode === undefined ? '' : ` (cfgutil code ${error.info.cfgutilCode})`;
      const said = error.info.originalMessage ? `: "${clean(error.info.originalMessage)}"` : '';
      return `failed with ${error.info.code}${code}${said}`;
    }
    return `failed: ${clean(error instanceof Error ? error.message : String(error))}`;
  };
  const set = (id: FieldRowId, status: FieldStatus, seen: string) => {
    results.set(id, { status, seen });
    io.say(
      `${status === 'confirmed' ? '✓' : status === 'different' ? '✗' : '–'} ${id}: ${status}${seen ? ` (${seen})` : ''}`,
    );
  };

  /** Runs one row: `check` returns what was seen when it differs, undefined when confirmed. */
  /** Timing worth knowing on a confirmed row (busy refusals while the device settled), reset per row. */
  let notes: string[] = [];

  async function row(id: FieldRowId, check: () => Promise<string | undefined>): Promise<boolean> {
    if (results.has(id)) return results.get(id)?.status === 'confirmed';
    notes = [];
    try {
      const different = await check();
      set(id, different === undefined ? 'confirmed' : 'different', different ?? notes.join('; '));
      return different === undefined;
    } catch (error) {
      if (error instanceof NotTried) set(id, 'not-tried', error.message);
      else set(id, 'different', describe(error));
      return false;
    }
  }

  const need = (condition: boolean, why: string) => {
    if (!condition) throw new NotTried(why);
  };

  async function ready(question: string): Promise<boolean> {
    if (options.yes) {
      io.say(`${question} (--yes)`);
      return true;
    }
    const answer = await io.ask(`${question} Press Enter when done, or type "skip": `);
    return answer !== undefined && answer.trim().toLowerCase() !== 'skip';
  }

  async function consent(step: string): Promise<boolean> {
    if (serial === undefined) return false;
    const last4 = serial.slice(-4);
    if (options.eraseSerial !== undefined) {
      if (options.eraseSerial.trim().toUpperCase() === serial.toUpperCase()) {
        io.say(`${step}: allowed by --erase-serial for this device.`);
        return true;
      }
      io.say(`${step}: --erase-serial names another device, so this one is not touched.`);
      return false;
    }
    const answer = await io.ask(
      `${step} ERASES everything on this device. Type the last four characters of its serial number (…${last4}) to go ahead, or press Enter to skip: `,
    );
    return answer?.trim().toUpperCase() === last4.toUpperCase();
  }

  async function listed(): Promise<boolean> {
    const devices = await client.list();
    return devices.some((d) => d.ecid === ecid);
  }

  /** Lists until the device is gone (or back), within the wait limit. */
  async function until(present: boolean, limitMs = options.waitMs): Promise<boolean> {
    const deadline = Date.now() + limitMs;
    for (;;) {
      try {
        if ((await listed()) === present) return true;
      } catch {
        // A list that fails while a device reboots is retried like any other poll.
      }
      if (Date.now() >= deadline) return false;
      await sleep(options.pollMs);
    }
  }

  /** After a reboot: listed, then `bootedState` Booted (or the wait is over). */
  async function settled(): Promise<void> {
    await until(true);
    const deadline = Date.now() + options.waitMs;
    while (Date.now() < deadline) {
      try {
        const { values } = await client.get(ecid as Ecid, ['bootedState'], asOurs());
        if (values.bootedState === 'Booted') return;
      } catch {
        // Not ready to answer yet: asked again.
      }
      await sleep(options.pollMs);
    }
  }

  /** Sends a changing command again while the device refuses it as busy (it settles after a reboot). */
  async function whenNotBusy<T>(what: string, send: () => Promise<T>): Promise<T> {
    const started = Date.now();
    let refusals = 0;
    for (;;) {
      try {
        const result = await send();
        if (refusals > 0)
          notes.push(
            `${what} was refused as busy or gone ${refusals} time(s) over ${((Date.now() - started) / 1000).toFixed(1)} s first`,
          );
        return result;
      } catch (error) {
        const busy =
          error instanceof CfgutilError &&
          (error.info.code === 'device-busy' || error.info.code === 'device-disconnected');
        if (!busy || Date.now() - started > options.waitMs) throw error;
        refusals += 1;
        await sleep(options.pollMs);
      }
    }
  }

  async function eraseRow(id: 'erase' | 'erase-again'): Promise<void> {
    await row(id, async () => {
      need(serial !== undefined && ecid !== undefined, 'no device was read');
      if (!(await consent(id === 'erase' ? 'Erase' : 'Erase again')))
        throw new NotTried('the erase was not confirmed');
      const call = asOurs();
      state.erased = false;
      state.supervised = false;
      state.paired = false;
      await whenNotBusy('erase', () => client.erase(ecid as Ecid, call));
      state.ours = false;
      const left = await until(false, Math.min(options.waitMs, 120_000));
      if (!(await until(true)))
        return `the device did not come back within ${Math.round(options.waitMs / 1000)} s`;
      await settled();
      const { values } = await client.get(ecid as Ecid, ['activationState']);
      state.erased = true;
      if (values.activationState !== 'Unactivated')
        return `came back with activationState ${String(values.activationState ?? 'unreadable')}`;
      return left ? undefined : 'it came back Unactivated but was never seen leaving USB';
    });
  }

  async function prepareRow(id: 'prepare-forbid-pairing' | 'prepare-allow-pairing'): Promise<void> {
    await row(id, async () => {
      need(state.erased, 'needs the erase before it');
      if (
        !(await consent(
          id === 'prepare-forbid-pairing' ? 'Prepare (supervise, pairing forbidden)' : 'Prepare (supervise)',
        ))
      )
        throw new NotTried('the prepare was not confirmed');
      state.erased = false;
      state.ours = true;
      let exit: string | undefined;
      try {
        await whenNotBusy('prepare', () =>
          client.prepare(
            ecid as Ecid,
            {
              supervised: true,
              name: options.organizationName,
              hostCert: options.identity.certPath,
              skipAll: true,
              language: 'en',
              locale: 'en_US',
              ...(id === 'prepare-forbid-pairing' ? { forbidPairing: true } : {}),
            },
            asOurs(),
          ),
        );
      } catch (error) {
        // Not the verdict yet: the re-read decides whether the device was supervised anyway. A real prepare
        // whose configuration forbids pairing can end in −402653030 although it supervised the device
        // (issue 20 item 1): that alone is what the row expects, when the re-read with our identity agrees.
        if (!(error instanceof CfgutilError && error.info.code === 'pairing-prohibited'))
          exit = describe(error);
      }
      await settled();
      try {
        const { values, errors } = await whenNotBusy('the re-read', () =>
          client.get(ecid as Ecid, ['isSupervised'], asOurs()),
        );
        state.supervised = values.isSupervised === true;
        if (!state.supervised)
          return `${exit ? `prepare ${exit}; ` : ''}a re-read says isSupervised ${String(values.isSupervised ?? errors.isSupervised?.code ?? 'unreadable')}`;
      } catch (error) {
        return `${exit ? `prepare ${exit}; ` : ''}the re-read ${describe(error)}`;
      }
      state.paired = true;
      return exit === undefined ? undefined : `the device is supervised, but prepare ${exit}`;
    });
  }

  // 1. version and list: nothing is changed.
  await row('version', async () => {
    const version = await client.version();
    cfgutilVersion = version.version ?? version.build;
    return version.version === undefined && version.build === undefined
      ? `no version in "${clean(version.raw)}"`
      : undefined;
  });
  await row('list', async () => {
    // `list` can also name a Mac in DFU or an Apple TV: only an iPhone or iPad is picked without --ecid.
    const entries = await client.list();
    const devices = entries.filter((d) => /^(iPhone|iPad|iPod)/.test(d.deviceType ?? ''));
    const wanted = options.ecid === undefined ? undefined : normalizeEcid(options.ecid);
    const chosen =
      wanted === undefined
        ? devices.length === 1
          ? devices[0]
          : undefined
        : entries.find((d) => d.ecid === wanted);
    if (chosen === undefined) {
      throw new NotTried(
        devices.length === 0
          ? 'no iPhone or iPad is attached'
          : wanted === undefined
            ? `${devices.length} devices are attached: attach only the one to check, or pass --ecid`
            : `device ${wanted} is not attached`,
      );
    }
    ecid = chosen.ecid;
    names.learnEcid(chosen.ecid);
    if (chosen.name) names.learnName(chosen.name);
    const missing = (['udid', 'name', 'deviceType'] as const).filter((k) => chosen[k] === undefined);
    return missing.length === 0 ? undefined : `the entry has no ${missing.join(', ')}`;
  });
  await row('pair', async () => {
    need(ecid !== undefined, 'no device was chosen');
    if (!(await ready('Unlock the device; when it asks "Trust This Computer?", tap Trust.')))
      throw new NotTried('skipped by the operator');
    await client.pair(ecid as Ecid);
    const { values } = await client.get(ecid as Ecid, ['isPaired']);
    state.paired = values.isPaired === true;
    return state.paired ? undefined : `pair exited 0 but isPaired reads ${String(values.isPaired)}`;
  });

  await row('get', async () => {
    need(ecid !== undefined, 'no device was chosen');
    const wanted = [
      'serialNumber',
      'deviceType',
      'firmwareVersion',
      'activationState',
      'isPaired',
      'isSupervised',
    ] as const;
    const { values, errors } = await client.get(ecid as Ecid, wanted);
    serial = values.serialNumber;
    if (serial) names.learnSerial(serial);
    state.paired = values.isPaired === true;
    state.supervised = values.isSupervised === true;
    device = {
      ...(values.deviceType === undefined ? {} : { deviceType: values.deviceType }),
      ...(values.firmwareVersion === undefined ? {} : { firmwareVersion: values.firmwareVersion }),
    };
    const missing = wanted.filter((p) => values[p] === undefined);
    return missing.length === 0
      ? undefined
      : `no value for ${missing.map((p) => `${p}${errors[p] ? ` (${errors[p]?.code})` : ''}`).join(', ')}`;
  });
  // 2. The destructive half, each step asked for.
  await eraseRow('erase');
  await prepareRow('prepare-forbid-pairing');
  if (results.get('prepare-forbid-pairing')?.status !== 'not-tried') await eraseRow('erase-again');
  else set('erase-again', 'not-tried', 'needs the first prepare');
  await prepareRow('prepare-allow-pairing');

  await row('install-profile', async () => {
    need(state.supervised, 'needs a device supervised by this Mac');
    const outcome = await whenNotBusy('install-profile', () =>
      client.installProfile(ecid as Ecid, options.profile.path, { identity: options.identity }),
    );
    return outcome === 'installed'
      ? undefined
      : 'cfgutil answered 625: the device asks a person to install it';
  });
  await row('verify', async () => {
    need(
      results.get('install-profile')?.status !== 'not-tried' && results.has('install-profile'),
      'needs the install',
    );
    const { values } = await client.get(ecid as Ecid, ['configurationProfiles'], asOurs());
    const found = (values.configurationProfiles ?? []).some(
      (p) => p.identifier === options.profile.payloadIdentifier,
    );
    return found ? undefined : `configurationProfiles does not list ${options.profile.payloadIdentifier}`;
  });
  await row('rename', async () => {
    need(ecid !== undefined && serial !== undefined, 'no device was read');
    const name = `Field Check ${(serial as string).slice(-4)}`;
    names.learnName(name);
    await whenNotBusy('rename', () => client.rename(ecid as Ecid, name));
    const { values } = await client.get(ecid as Ecid, ['name'], asOurs());
    return values.name === name ? undefined : `a re-read shows the name "${clean(String(values.name))}"`;
  });
  await row('shut-down', async () => {
    need(state.supervised, 'needs a device supervised by this Mac');
    await whenNotBusy('shut-down', () => client.shutDown(ecid as Ecid, { identity: options.identity }));
    return (await until(false)) ? undefined : 'shut-down exited 0 but the device is still listed';
  });

  const rows = FIELD_ROWS.map((r): FieldResult => {
    const result = results.get(r.id) ?? { status: 'not-tried' as const, seen: 'not reached' };
    return { id: r.id, behaviour: r.behaviour, expected: r.expected, readmeRow: r.readmeRow, ...result };
  });
  return {
    startedAt,
    finishedAt: new Date().toISOString(),
    ...(cfgutilVersion === undefined ? {} : { cfgutilVersion }),
    ...(device === undefined ? {} : { device }),
    rows,
  };
}
