/**
 * The operator's hand over the socket: the verbs behind `enroll-bench sim attach|detach|cart|trust|…`.
 *
 * Arguments come from another process, so they are parsed strictly; a bad one is a reply with ok:false,
 * never an exception that could stop the world.
 */
import { parseFlags } from '../../text/parse-flags';
import type { DepState } from '../device-model';
import type { SimFault } from '../faults';
import type { SimWorld } from '../sim-world';
import { listLine } from '../cfgutil/commands/list';
import { allProperties } from '../cfgutil/properties';

export interface ControlReply {
  readonly ok: boolean;
  readonly text: string;
}

const DEP: Readonly<Record<string, DepState>> = {
  none: 'none',
  available: 'available',
  transient: 'transiently-unavailable',
};

function onOff(text: string | undefined): boolean {
  if (text === 'on') return true;
  if (text === 'off') return false;
  throw new RangeError('expected "on" or "off"');
}

function need(value: string | undefined, what: string): string {
  if (value === undefined || value === '') throw new RangeError(`missing ${what}`);
  return value;
}

/** A property `get` can read: the ones a device can be made to show as a property error. */
function property(value: string | undefined): string {
  const name = need(value, 'property name');
  if (!allProperties.includes(name)) throw new RangeError(`"${name}" is not a property cfgutil reads`);
  return name;
}

function describeWorld(world: SimWorld): string {
  return world
    .list()
    .map((d) => {
      const entry = listLine({
        locationID: d.locationID,
        UDID: d.udid,
        ECID: d.ecid,
        name: d.name,
        deviceType: d.deviceType,
      });
      const setup = d.atSetupAssistant ? `setup-assistant(${d.panesLeft} panes)` : 'set-up';
      const flags = `${d.bootedState} paired=${d.isPaired} supervised=${d.isSupervised} ${d.activationState} ${setup} busy=${d.busy} pending=${d.pendingProfiles.length}`;
      return `${entry} ${flags}\n`;
    })
    .join('');
}

const BARE_CODES: Readonly<Record<string, 'disconnected' | 'deviceStateUnknown' | 'pairingProhibited'>> = {
  '-402653052': 'disconnected',
  '603': 'deviceStateUnknown',
  '-402653030': 'pairingProhibited',
};

/** `fault error --code C`: a plain failing command (exit 1 with the catalogue's message), not retried away. */
const ERROR_CODES: Readonly<Record<string, 'macOutOfDate' | 'restoreFailed' | 'deviceStateUnknown'>> = {
  '401': 'macOutOfDate',
  '2006': 'restoreFailed',
  '603': 'deviceStateUnknown',
};

function parseFault(kind: string | undefined, code?: string, happened?: string): SimFault {
  switch (kind) {
    case 'hang':
    case 'garbage':
    case 'crash':
    case 'disconnect':
      return { kind };
    case 'bare-error': {
      const error = code === undefined ? undefined : BARE_CODES[code];
      if (code !== undefined && !error) throw new RangeError('--code must be -402653052, 603 or -402653030');
      if (happened !== undefined && happened !== 'yes' && happened !== 'no')
        throw new RangeError('--happened must be yes or no');
      return {
        kind,
        ...(error ? { error } : {}),
        ...(happened === undefined ? {} : { happened: happened === 'yes' }),
      };
    }
    case 'error': {
      const error = ERROR_CODES[need(code, '--code for an error fault')];
      if (!error) throw new RangeError('--code must be 401, 2006 or 603');
      return { kind, error };
    }
    case undefined:
    default:
      throw new RangeError('fault kind must be hang, garbage, crash, disconnect, bare-error or error');
  }
}

/** `sim switch NAME VALUE`: the unknown-behaviour switches a running world can change. */
function applySwitch(world: SimWorld, name: string | undefined, value: string | undefined): string {
  const v = need(value, 'switch value');
  switch (name) {
    case 'mdmInstallsSilently':
      world.setQuirks({ mdmSilentOnSupervised: onOff(v) });
      break;
    case 'panesLeftAfterSkipAll': {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 50) throw new RangeError('panesLeftAfterSkipAll is 0 to 50');
      world.setQuirks({ panesLeftAfterSkipAll: n });
      break;
    }
    case 'installBeforeSetupDone':
      if (v !== 'ignored' && v !== 'enrolls')
        throw new RangeError('installBeforeSetupDone is ignored or enrolls');
      world.setQuirks({ installBeforeSetupDone: v });
      break;
    case 'bareErrorEffect':
      if (v !== 'happened' && v !== 'not-happened' && v !== 'random')
        throw new RangeError('bareErrorEffect is happened, not-happened or random');
      world.setQuirks({ bareErrorEffect: v });
      break;
    case 'activationLockAt':
      if (v !== 'activation' && v !== 'erase')
        throw new RangeError('activationLockAt is activation or erase');
      world.setQuirks({ activationLockAt: v });
      break;
    case undefined:
    default:
      throw new RangeError(
        'switch must be mdmInstallsSilently, panesLeftAfterSkipAll, installBeforeSetupDone, bareErrorEffect or activationLockAt',
      );
  }
  return '';
}

export async function runControlVerb(world: SimWorld, argv: readonly string[]): Promise<ControlReply> {
  const [verb, ...rest] = argv;
  try {
    return { ok: true, text: await apply(world, verb ?? '', rest) };
  } catch (error) {
    return { ok: false, text: error instanceof Error ? error.message : String(error) };
  }
}

async function apply(world: SimWorld, verb: string, args: readonly string[]): Promise<string> {
  const [first, second] = args;
  switch (verb) {
    case 'list':
      return describeWorld(world);
    case 'attach': {
      const { flags } = parseFlags(args, {
        class: 'string',
        type: 'string',
        ecid: 'string',
        erased: 'boolean',
        paired: 'boolean',
        locked: 'boolean',
        'find-my': 'boolean',
        dep: 'string',
        // A name a person gave it ("Logan's iPhone"): with --paired, a phone the bench holds as in use.
        name: 'string',
        // A property `get` answers with a property error (a device the bench cannot tell), until `readable`.
        unreadable: 'string',
      });
      if (flags.class !== undefined && flags.class !== 'iPad' && flags.class !== 'iPhone')
        throw new RangeError('--class must be iPad or iPhone');
      const dep = flags.dep === undefined ? undefined : DEP[flags.dep];
      if (flags.dep !== undefined && !dep) throw new RangeError('--dep must be none, available or transient');
      const device = world.attach({
        deviceClass: flags.class,
        deviceType: flags.type,
        ecid: flags.ecid,
        state: flags.erased ? 'erased' : 'in-use',
        paired: flags.paired,
        passcodeLocked: flags.locked,
        findMy: flags['find-my'],
        dep,
        ...(flags.name !== undefined ? { name: flags.name } : {}),
        ...(flags.unreadable !== undefined
          ? { readShapes: { [property(flags.unreadable)]: { kind: 'error' as const } } }
          : {}),
      });
      return `${device.ecid}\n`;
    }
    case 'detach':
      if (first === '--all') world.detachAll();
      else if (!world.detach(need(first, 'ECID'))) throw new RangeError(`${first ?? ''} is not attached`);
      return '';
    case 'cart': {
      const count = Number(need(first, 'count'));
      const seconds = Number(need(second, 'seconds'));
      world.cart(count, seconds).catch(() => undefined);
      return `a cart of ${count} devices arrives over ${seconds} s\n`;
    }
    case 'trust':
      world.tapTrust(need(first, 'ECID'), second !== '--deny');
      return '';
    case 'approve':
    case 'ignore': {
      const ecid = need(first, 'ECID');
      const done =
        verb === 'approve' ? world.approveProfile(ecid, second) : world.ignoreProfile(ecid, second);
      if (!done) throw new RangeError('no pending profile matched');
      return '';
    }
    case 'unlock':
      world.unlock(need(first, 'ECID'));
      return '';
    case 'lock':
      world.lock(need(first, 'ECID'));
      return '';
    case 'find-my':
      world.setFindMy(need(first, 'ECID'), onOff(second));
      return '';
    case 'unreadable': {
      // `unreadable ECID PROPERTY on|off`: `get` shows a property error for it (on), or its value (off).
      const [, name, state] = args;
      world.setReadShape(need(first, 'ECID'), property(name), onOff(state) ? { kind: 'error' } : undefined);
      return '';
    }
    case 'commands':
      // One line per command the device took, oldest first: what reached it, whatever the bench says.
      return world
        .commandsTo(need(first, 'ECID'))
        .map((c) => `${c}\n`)
        .join('');
    case 'dep': {
      const state = DEP[need(second, 'DEP state')];
      if (!state) throw new RangeError('DEP state must be none, available or transient');
      world.setDep(need(first, 'ECID'), state);
      return '';
    }
    case 'online':
      world.setOnline(onOff(first));
      return '';
    case 'language':
      if (first !== 'en' && first !== 'fr' && first !== 'de')
        throw new RangeError('language must be en, fr or de');
      world.setQuirks({ language: first });
      return '';
    case 'fault': {
      const { flags, positional } = parseFlags(args, {
        ecid: 'string',
        command: 'string',
        times: 'string',
        code: 'string',
        happened: 'string',
      });
      const times = flags.times === undefined ? 1 : Number(flags.times);
      if (!Number.isInteger(times) || times < 1) throw new RangeError('--times must be a whole number ≥ 1');
      const fault = parseFault(positional[0], flags.code, flags.happened);
      world.injectFault(fault, { ecid: flags.ecid, command: flags.command, times });
      return '';
    }
    case 'finish-setup':
      if (!world.finishSetup(need(first, 'ECID')))
        throw new RangeError(`${first ?? ''} is not at Setup Assistant`);
      return '';
    case 'power-on':
      if (!world.powerOn(need(first, 'ECID'))) throw new RangeError(`${first ?? ''} is not shut down`);
      return '';
    case 'flap': {
      const times = second === undefined ? 3 : Number(second);
      if (!Number.isInteger(times) || times < 1 || times > 10) throw new RangeError('flap count is 1 to 10');
      world.flap(need(first, 'ECID'), times);
      return '';
    }
    case 'switch':
      return applySwitch(world, first, second);
    default:
      throw new RangeError(`unknown control verb "${verb}"`);
  }
}
