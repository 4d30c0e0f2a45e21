/**
 * Which cfgutil commands reached each simulated device, oldest first: the simulator's own witness that a
 * command was (or was never) sent to a device, for tests and trainers (`enroll-bench sim commands ECID`).
 * A command is recorded once the device takes it (it was attached and not busy), whatever its outcome:
 * "no erase reached this device" is then a fact of the world, not of the bench's own journal.
 *
 * Bounded per device (the newest are kept), so a demo that runs for days does not grow without end.
 */
export const COMMANDS_KEPT_PER_DEVICE = 500;

export class CommandRecord {
  private readonly byDevice = new Map<bigint, string[]>();

  note(ecid: bigint, command: string): void {
    const list = this.byDevice.get(ecid) ?? [];
    list.push(command);
    if (list.length > COMMANDS_KEPT_PER_DEVICE) list.splice(0, list.length - COMMANDS_KEPT_PER_DEVICE);
    this.byDevice.set(ecid, list);
  }

  /** The commands that reached the device, oldest first (empty for a device that got none). */
  to(ecid: bigint): readonly string[] {
    return [...(this.byDevice.get(ecid) ?? [])];
  }
}
