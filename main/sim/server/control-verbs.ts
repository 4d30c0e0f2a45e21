/**
 * The operator's hand over the socket: the verbs behind `enroll-bench sim attach|detach|cart|trust|…`.
 *
 * Arguments come from another process, so they are parsed strictly; a bad one is a reply with ok:false,
 * never an exception that could stop the world.
 */
import { parseFlags } from '../../cli/parse-flags';
import type { DepState } from '../device-model';
import type { SimFault } from '../faults';
import type { SimWorld } from '../sim-world';
import { listLine } from '../cfgutil/commands/list';

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
      const flags = `paired=${d.isPaired} supervised=${d.isSupervised} ${d.activationState} busy=${d.busy} pending=${d.pendingProfiles.length}`;
      return `${entry} ${flags}\n`;
    })
    .join('');
}

function parseFault(kind: string | undefined): SimFault {
  switch (kind) {
    case 'hang':
    case 'garbage':
    case 'crash':
    case 'disconnect':
      return { kind };
    case undefined:
    default:
      throw new RangeError('fault kind must be hang, garbage, crash or disconnect');
  }
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
      const { flags, positional } = parseFlags(args, { ecid: 'string', command: 'string', times: 'string' });
      const times = flags.times === undefined ? 1 : Number(flags.times);
      if (!Number.isInteger(times) || times < 1) throw new RangeError('--times must be a whole number ≥ 1');
      world.injectFault(parseFault(positional[0]), { ecid: flags.ecid, command: flags.command, times });
      return '';
    }
    default:
      throw new RangeError(`unknown control verb "${verb}"`);
  }
}
