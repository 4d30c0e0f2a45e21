/**
 * Fault injection: the ways a real cfgutil run goes wrong on a bench (§11 of main/cfgutil/README.md).
 *
 * Faults are armed by the harness and consumed by the next matching command, so a test states exactly
 * which run misbehaves.
 */
export type SimFault =
  /** The device drops off USB partway through: −402653052 (or 603), and the device detaches. */
  | {
      readonly kind: 'disconnect';
      /** Re-attach after this many simulated seconds; default: stays unplugged. */
      readonly reattachAfterSeconds?: number;
      /** Whether the operation had in fact completed before the drop (§7.2: "may actually have succeeded"). */
      readonly effectApplied?: boolean;
    }
  /**
   * The command exits 0 with `Type: CommandOutput` and a bare error under `Output.Errors.<ECID>` (§6.1, §12:
   * AZTEC reads −402653030 and 603/−402653052 there after `prepare`). Whether the action really happened is
   * `happened`, else the world's `bareErrorEffect` switch decides.
   */
  | {
      readonly kind: 'bare-error';
      readonly error?: 'disconnected' | 'deviceStateUnknown' | 'pairingProhibited';
      readonly happened?: boolean;
    }
  /** The process never answers until it is killed. */
  | { readonly kind: 'hang' }
  /** Stdout carries text that is not cfgutil output; exit 0. */
  | { readonly kind: 'garbage' }
  /** The process dies from a signal without writing a result. */
  | { readonly kind: 'crash'; readonly signal?: 'SIGABRT' | 'SIGSEGV' | 'SIGKILL' }
  /** The command fails with a given catalogue error, e.g. 401 (Mac out of date) or 2006 (restore). */
  | { readonly kind: 'error'; readonly error: 'macOutOfDate' | 'restoreFailed' | 'deviceStateUnknown' };

/** Which runs a fault applies to. */
export interface SimFaultTarget {
  /** Normal-form or any accepted ECID spelling; omitted = any device (or runs with no device). */
  readonly ecid?: string;
  /** cfgutil subcommand name; omitted = any command. */
  readonly command?: string;
  /** How many runs it affects; default 1. */
  readonly times?: number;
}

export interface ArmedFault {
  readonly fault: SimFault;
  readonly ecid?: bigint;
  readonly command?: string;
  remaining: number;
}

/** Takes the first armed fault matching this run (decrementing its count); its `ecid` says which device. */
export function takeFault(
  armed: ArmedFault[],
  command: string,
  ecids: readonly bigint[],
): ArmedFault | undefined {
  const index = armed.findIndex(
    (a) =>
      (a.command === undefined || a.command === command) && (a.ecid === undefined || ecids.includes(a.ecid)),
  );
  const hit = armed[index];
  if (!hit) return undefined;
  hit.remaining -= 1;
  if (hit.remaining <= 0) armed.splice(index, 1);
  return hit;
}

/**
 * Puts back a fault whose run never reached the device (busy, settling, not booted, gone): a harness that
 * armed "the next prepare fails" means the next prepare the device itself answers, not a refusal before it.
 */
export function giveBackFault(armed: ArmedFault[], hit: ArmedFault): void {
  if (!armed.includes(hit)) armed.unshift(hit);
  hit.remaining += 1;
}
