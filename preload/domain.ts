/**
 * The bench's vocabulary, shared by main, preload and renderer.
 *
 * Pure types and constants only: no `electron` or `node:` imports, because the sandboxed preload and the
 * browser renderer both compile this file. Everything here must survive structured clone and JSON.
 */

/**
 * A device's ECID, normalised: `0x` + upper-case hex without leading zeros (`0x8294E3A41001C`).
 *
 * The ECID is present in every USB mode (normal, recovery, DFU), so it is the primary key
 * (../shared/reference/platform.md §2). Compare numerically, never as raw strings.
 */
export type Ecid = string;

/** USB mode of an attached device, from its product ID or cfgutil's `bootedState`. */
export type DeviceMode = 'normal' | 'recovery' | 'dfu' | 'other';

/** One attached iPhone or iPad as the bench knows it. */
export interface Device {
  readonly ecid: Ecid;
  readonly udid?: string;
  readonly name?: string;
  /** Apple product type, for example `iPad14,1`. */
  readonly deviceType?: string;
  /** Human model name derived from `deviceType`, for example `iPad mini (6th generation)`. */
  readonly model?: string;
  readonly serialNumber?: string;
  /** IOKit USB location ID; identifies the physical port. */
  readonly locationId?: number;
  /** Operator-facing port label derived from `locationId`, for example `Hub 1 · Port 3`. */
  readonly portLabel?: string;
  readonly mode: DeviceMode;
  /** Epoch milliseconds when the bench first saw this ECID in the current attachment. */
  readonly attachedAt: number;
}

/** Which engine runs cfgutil commands. */
export type EngineStatus =
  | { readonly kind: 'cfgutil'; readonly path: string }
  | {
      readonly kind: 'simulator';
      /** Why the bench is simulated; shown in the SIMULATION banner. */
      readonly reason: 'requested' | 'not-macos' | 'operator-chose';
    }
  | {
      /** macOS without cfgutil: the preflight screen explains how to install Automation Tools. */
      readonly kind: 'missing';
      readonly searched: readonly string[];
    };

/** Health of device discovery; `degraded` means events or cfgutil list are failing and we back off. */
export interface WatcherStatus {
  readonly state: 'starting' | 'ok' | 'degraded';
  readonly detail?: string;
}

/**
 * Every failure the bench can report, as a closed union.
 *
 * Branch on these codes, never on cfgutil's message text: cfgutil's messages are localised.
 */
export type ErrorCode =
  | 'needs-user-approval'
  | 'already-prepared'
  | 'configuration-unavailable'
  | 'not-activated'
  | 'passcode-locked'
  | 'trust-pending'
  | 'trust-denied'
  | 'pairing-prohibited'
  | 'device-disconnected'
  | 'device-busy'
  | 'activation-locked'
  | 'mac-out-of-date'
  | 'no-devices-found'
  | 'value-missing'
  | 'set-prohibited'
  | 'network-unavailable'
  | 'no-such-profile'
  | 'output-unparseable'
  | 'cfgutil-missing'
  | 'cfgutil-not-executable'
  | 'timed-out'
  | 'cancelled'
  | 'invalid-request'
  | 'internal'
  | 'unknown';

/** An error as it crosses a process boundary: a code plus one plain-language description with the fix. */
export interface ErrorInfo {
  readonly code: ErrorCode;
  /** Short headline, for example "Tap Trust on the device". */
  readonly title: string;
  /** What happened and what the operator should do. */
  readonly detail: string;
  readonly retryable: boolean;
  readonly ecid?: Ecid;
  /** cfgutil's own numeric code, when there was one (kept for the log and for `unknown`). */
  readonly cfgutilCode?: number;
  /** cfgutil's original message (possibly localised), for the log only. */
  readonly originalMessage?: string;
}

/** Outcome of every invoke call: expected failures travel as data, never as rejections. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorInfo };

/** Everything the renderer needs to draw the bench from scratch. */
export interface BenchSnapshot {
  /** Sequence number of the last event folded into this snapshot; later events have a larger `seq`. */
  readonly seq: number;
  readonly devices: readonly Device[];
  readonly engine: EngineStatus;
  readonly watcher: WatcherStatus;
}

/** The operator's hand in the simulated bench (demo, training and tests). */
export type SimulatorAction =
  | { readonly type: 'attach'; readonly deviceClass?: 'iPad' | 'iPhone' }
  | { readonly type: 'detach'; readonly ecid: Ecid }
  | { readonly type: 'cart'; readonly count: number; readonly overSeconds: number }
  | { readonly type: 'detach-all' };

export const simulatorActionTypes: readonly SimulatorAction['type'][] = ['attach', 'detach', 'cart', 'detach-all'];
