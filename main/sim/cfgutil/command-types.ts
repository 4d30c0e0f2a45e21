/**
 * The shape every simulated cfgutil subcommand has, so the runner can do selection, busy flags, faults,
 * and output formatting once for all of them.
 */
import type { SimDevice } from '../device-model';
import type { SimErrorBody, SimErrorId } from '../messages';
import type { SimLanguage } from '../sim-options';
import type { SimWorld } from '../sim-world';
import type { GlobalOptions } from './parse-argv';

/** What a subcommand gets while it runs on one device. */
export interface RunContext {
  readonly world: SimWorld;
  readonly options: GlobalOptions;
  /** The caller's working directory: relative file arguments resolve against it, as in a real shell. */
  readonly cwd: string;
  /** Aborts when the cfgutil process is killed; commands stop at their next wait. */
  readonly signal: AbortSignal;
  readonly language: SimLanguage;
  /** Reports step `step` of `of` (text: `Step k of n: …` on stdout; JSON: optional progress records). */
  progress(device: SimDevice, step: number, of: number, text: string): void;
  /** A catalogue error in the run's language. */
  error(id: SimErrorId): SimErrorBody;
  /** Waits simulated seconds; throws when the process was killed. */
  sleep(seconds: number): Promise<void>;
}

/** The result for one device. `get` fills `propertyErrors`; the others leave it out. */
export type DeviceOutcome =
  | {
      readonly ok: true;
      readonly output: Readonly<Record<string, unknown>>;
      readonly propertyErrors?: Readonly<Record<string, SimErrorBody>>;
      /** A failure reported inside the success envelope, under `Output.Errors.<ECID>` (§6.1, §12). */
      readonly bareError?: SimErrorBody;
    }
  | { readonly ok: false; readonly error: SimErrorBody }
  /** A cfgutil warning (stderr `cfgutil: warning: …`), counted as a failure (§11.12). */
  | { readonly ok: false; readonly warning: string };

export type DeviceRun = (device: SimDevice, ctx: RunContext) => Promise<DeviceOutcome>;

/** A subcommand that acts on selected devices. */
export interface DeviceCommand {
  readonly name: string;
  readonly aliases?: readonly string[];
  /** Text layout: `get` has its own three layouts (§6.2); the rest print result lines and a summary. */
  readonly layout: 'get' | 'action';
  /**
   * Changes the device: refused with the busy message while a re-attached device is still settling (AGREED-SIM
   * 4). `get` and `pair` only read or handshake, so they work then.
   */
  readonly mutates: boolean;
  /** Runs on a device in Recovery/DFU (`restore`, `update`, and `get` of what USB shows); others are refused. */
  readonly worksInRecovery?: boolean;
  /** Text line for a device that succeeded (§6.2). */
  successLine(deviceName: string, ecid: string): string;
  /** Validates arguments before any device is touched; a string is a usage error. */
  bind(args: readonly string[], options: GlobalOptions, world: SimWorld): DeviceRun | string;
}

export const ok = (output: Readonly<Record<string, unknown>> = {}): DeviceOutcome => ({ ok: true, output });
export const fail = (error: SimErrorBody): DeviceOutcome => ({ ok: false, error });
