/**
 * A running engine: what the bench service needs from real cfgutil or from the simulated world.
 *
 * The service never knows which one it has, beyond whether it may play the operator's hand (`simulator`).
 */
import type { Ecid } from '../../preload/domain';
import type { CfgutilClient } from '../cfgutil/cfgutil-client';
import type { CfgutilVersion } from '../cfgutil/cfgutil-client';
import type { DeviceLister, DeviceSignalSource } from '../devices/device-watcher';

export type DeviceClassName = 'iPad' | 'iPhone';

/** The operator's hand in the simulated bench. */
export interface SimulatorControl {
  attach(deviceClass?: DeviceClassName): Ecid;
  detach(ecid: Ecid): void;
  /** Starts a cart of `count` iPads arriving over `overSeconds` of simulated time. */
  cart(count: number, overSeconds: number): void;
  detachAll(): void;
  /** The Trust dialog: Trust (true) or Don't Trust (false). */
  tapTrust(ecid: Ecid, accept: boolean): void;
  /** Approves the profile waiting in Settings; false when none was waiting. */
  approveProfile(ecid: Ecid): boolean;
  unlock(ecid: Ecid): void;
  /** The person taps through the Setup Assistant panes left; false when the device is not in Setup Assistant. */
  finishSetupAssistant(ecid: Ecid): boolean;
}

export interface RunningEngine {
  readonly lister: DeviceLister;
  readonly source: DeviceSignalSource;
  /** Present only in simulation. */
  readonly simulator?: SimulatorControl;
  /** How often to re-list devices without a USB event; shorter when USB events are unavailable. */
  readonly pollMs?: number;
  /** The engine's cfgutil client, one command per device at a time (main/devices/device-lanes.ts). */
  readonly client?: CfgutilClient;
  /** `cfgutil version` of this engine's cfgutil (real or simulated), for the preflight checks. */
  cfgutilVersion?(signal: AbortSignal): Promise<CfgutilVersion>;
  /** Present only in simulation: whether the simulated world is online (`sim online on|off`). */
  simulatedOnline?(): boolean;
  close(): Promise<void>;
}

export interface EngineFactory {
  startCfgutil(cfgutilPath: string): Promise<RunningEngine>;
  startSimulator(): Promise<RunningEngine>;
}
