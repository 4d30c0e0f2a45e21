/**
 * A job's world in memory, for unit tests of the steps: a scripted device behind a fake cfgutil client that
 * logs every command (with the properties of each `get`) on a virtual clock, and a `JobContext` wired the way
 * the board wires it (the client wrapped by `forgetOnChange`). Sleeps and waits advance the clock at once.
 */
import type { ErrorCode } from '../../../preload/domain';
import type { Workflow } from '../../../preload/jobs-domain';
import type { CfgutilClient, ConfigurationProfile, GetResult } from '../../../main/cfgutil/cfgutil-client';
import { cfgutilError } from '../../../main/cfgutil/cfgutil-error';
import type { JobContext } from '../../../main/jobs/job-context';
import { noDeviceLocks } from '../../../main/jobs/safety/device-locks';
import type { JobEvent } from '../../../main/jobs/job-state';
import { DEVICE_TIMINGS, type JobTimings } from '../../../main/jobs/job-timings';
import { forgetOnChange, LastRead } from '../../../main/jobs/last-read';
import {
  presetWorkflows,
  SUPERVISE_AND_ENROLL as SUPERVISE_AND_ENROLL_ID,
} from '../../../main/jobs/workflow/presets';

export const ORG = 'Contoso Schools';
export const PROFILE_ID = 'com.contoso.intune.enroll';

export interface FakeDevice {
  serialNumber: string;
  name: string;
  passcodeProtected?: boolean;
  activationState: 'Activated' | 'Unactivated';
  isSupervised: boolean;
  organizationName?: string;
  isPaired: boolean;
  bootedState: 'Booted';
  configurationProfiles: ConfigurationProfile[];
  /** Changing commands still to be refused as busy (a device settling after its reboot). */
  busyFor: number;
  /** How many refusals each reboot (erase, prepare) leaves behind. */
  busyAfterReboot: number;
}

export interface LoggedCall {
  readonly command: string;
  readonly at: number;
  readonly properties?: readonly string[];
  /** The code it failed with, if it did. */
  readonly failed?: ErrorCode;
}

export interface FakeJob {
  readonly ctx: JobContext;
  readonly device: FakeDevice;
  readonly calls: LoggedCall[];
  readonly sleeps: number[];
  readonly events: JobEvent[];
  /** Simulates an unplug and re-plug (the presence generation moves). */
  replug(): void;
  advance(ms: number): void;
}

/** The shipped preset itself, so a change to it is what these tests run. */
const SUPERVISE_AND_ENROLL = presetWorkflows.find((w) => w.id === SUPERVISE_AND_ENROLL_ID) as Workflow;

export function fakeJob(
  options: { device?: Partial<FakeDevice>; workflow?: Workflow; timings?: Partial<JobTimings> } = {},
): FakeJob {
  let now = 1_000_000;
  let generation = 1;
  const calls: LoggedCall[] = [];
  const sleeps: number[] = [];
  const events: JobEvent[] = [];
  const device: FakeDevice = {
    serialNumber: 'F9FXK2ABCD',
    // A loaner as it comes back: the factory name, no passcode (not a device in use).
    name: 'iPad',
    passcodeProtected: false,
    activationState: 'Activated',
    isSupervised: false,
    isPaired: true,
    bootedState: 'Booted',
    configurationProfiles: [],
    busyFor: 0,
    busyAfterReboot: 0,
    ...options.device,
  };
  const quick = 500;
  const reboot = () => {
    generation += 1;
    device.busyFor = device.busyAfterReboot;
  };
  /** A changing command: refused as busy while the device settles, else done after `ms`. */
  const change = async <T>(command: string, ms: number, effect: () => T): Promise<T> => {
    const at = now;
    now += quick;
    if (device.busyFor > 0) {
      device.busyFor -= 1;
      calls.push({ command, at, failed: 'device-busy' });
      throw cfgutilError('device-busy');
    }
    now += ms;
    calls.push({ command, at });
    return effect();
  };
  const raw: CfgutilClient = {
    list: () => Promise.reject(new Error('not used')),
    version: () => Promise.reject(new Error('not used')),
    get: <P extends string>(_ecid: string, properties: readonly P[]) => {
      calls.push({ command: 'get', at: now, properties: [...properties] });
      now += 180 * properties.length;
      const values: Record<string, unknown> = {};
      for (const p of properties) {
        const value = (device as unknown as Record<string, unknown>)[p];
        if (value !== undefined) values[p] = value;
      }
      return Promise.resolve({ values, errors: {} } as unknown as GetResult<never>);
    },
    pair: (_e) => change('pair', 0, () => void (device.isPaired = true)),
    unpair: (_e) => change('unpair', 0, () => void (device.isPaired = false)),
    erase: (_e) =>
      change('erase', 3_000, () => {
        Object.assign(device, {
          activationState: 'Unactivated',
          isSupervised: false,
          organizationName: undefined,
          configurationProfiles: [],
          name: 'iPad',
        });
        reboot();
      }),
    prepare: (_e, prepare) =>
      change('prepare', 62_000, () => {
        Object.assign(device, {
          activationState: 'Activated',
          isSupervised: prepare.supervised === true,
          organizationName: prepare.name,
        });
        reboot();
      }),
    installProfile: (_e) =>
      change('install-profile', 2_000, () => {
        device.configurationProfiles = [...device.configurationProfiles, { identifier: PROFILE_ID }];
        return 'installed' as const;
      }),
    removeProfile: (_e) => change('remove-profile', 0, () => undefined),
    rename: (_e, name) => change('rename', 0, () => void (device.name = name)),
    restart: (_e) => change('restart', 0, reboot),
    shutDown: (_e) => change('shut-down', 0, () => undefined),
  };
  const lastRead = new LastRead();
  const controller = new AbortController();
  const ctx: JobContext = {
    ecid: '0x1A2B3C4D5E6F7',
    client: forgetOnChange(raw, lastRead),
    lastRead,
    signal: controller.signal,
    timings: { ...DEVICE_TIMINGS, ...options.timings },
    workflow: options.workflow ?? SUPERVISE_AND_ENROLL,
    safety: { lists: () => ({ ignoreEcids: [], ignoreSerials: [] }), deviceLocks: noDeviceLocks },
    identity: { certPath: '/bench/ours.der', keyPath: '/bench/ours.key.der' },
    ours: { organizationName: ORG, profileIdentifier: PROFILE_ID },
    profile: { path: '/bench/enroll.mobileconfig', payloadIdentifier: PROFILE_ID },
    now: () => now,
    sleep: (ms) => {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
    random: () => 0.5,
    dispatch: (event) => void events.push(event),
    heavy: (task) => task(),
    noteRead: () => {},
    isPresent: () => true,
    generation: () => generation,
    waitForDeviceChange: (ms) => {
      now += ms;
      return Promise.resolve();
    },
    expectReboot: () => {},
    rebootExpected: () => false,
    waitForOperatorWord: (ms) => {
      now += ms;
      return Promise.resolve(false);
    },
    nameFor: (_template, expand) => expand(1),
    deviceType: () => undefined,
    modelName: () => 'iPad',
    serialNumber: () => device.serialNumber,
    setWaiting: () => {},
    resume: () => {},
  };
  return {
    ctx,
    device,
    calls,
    sleeps,
    events,
    replug: () => void (generation += 1),
    advance: (ms) => void (now += ms),
  };
}

/** The properties a run of calls asked the device for, in all. */
export function propertiesRead(calls: readonly LoggedCall[]): number {
  return calls.reduce((sum, c) => sum + (c.properties?.length ?? 0), 0);
}

export function commandsOf(calls: readonly LoggedCall[]): string[] {
  return calls.map((c) => (c.failed ? `${c.command}:${c.failed}` : c.command));
}
