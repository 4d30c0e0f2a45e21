/**
 * Devices on their way through a reboot (§8.2 of main/cfgutil/README.md), as the app sees one: busy until
 * USB detach, then gone, then re-attached to the same port a while later.
 *
 * Kept apart from SimWorld so the timers and the two "still away" states live in one place: a rebooting device
 * refuses commands like a busy one, and it keeps its USB port until it is back (or unplugged by hand).
 */
import type { SimClock } from './sim-clock';

/** What a reboot does to the world at its two moments. */
export interface RebootSteps {
  /** USB detach, after `detachAfter` simulated seconds. */
  readonly unplug: () => void;
  /** USB attach again, `reattachAfter` simulated seconds after the detach. */
  readonly reattach: () => void;
}

export class Reboots {
  /** Between "erase/restart sent" and USB detach. */
  private readonly rebooting = new Set<bigint>();
  /** From the start of a reboot until the device is back: cancels whichever timer is pending. */
  private readonly pending = new Map<bigint, () => void>();

  constructor(private readonly clock: SimClock) {}

  /** True until the device has dropped off USB: it refuses commands meanwhile. */
  isRebooting(ecid: bigint): boolean {
    return this.rebooting.has(ecid);
  }

  /** True until the device is back: its USB port stays reserved for it. */
  holdsPort(ecid: bigint): boolean {
    return this.pending.has(ecid);
  }

  /** Cancels a reboot in progress (the device was unplugged by hand): it will not come back on its own. */
  cancel(ecid: bigint): void {
    this.pending.get(ecid)?.();
    this.pending.delete(ecid);
  }

  start(ecid: bigint, detachAfter: number, reattachAfter: number, steps: RebootSteps): void {
    this.rebooting.add(ecid);
    const release = (): void => void this.rebooting.delete(ecid);
    const cancelDetach = this.clock.schedule(detachAfter, () => {
      release();
      steps.unplug();
      const cancelAttach = this.clock.schedule(reattachAfter, () => {
        this.pending.delete(ecid);
        steps.reattach();
      });
      this.pending.set(ecid, cancelAttach);
    });
    this.pending.set(ecid, () => {
      cancelDetach();
      release();
    });
  }
}
