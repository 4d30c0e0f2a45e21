/**
 * Which devices are on USB, how many times each has (re)appeared, and the jobs waiting to hear about it.
 *
 * Fed from the device watcher's reconciled list (never raw USB events). A job that restarts its device waits
 * here for the same ECID to come back: the generation counter tells "left and came back" from "never left".
 */
import type { Device, Ecid } from '../../preload/domain';

export class DevicePresence {
  private readonly present = new Map<Ecid, Device>();
  private readonly generations = new Map<Ecid, number>();
  private readonly waiters = new Map<Ecid, Set<() => void>>();

  /** Applies a new list; returns the ECIDs that arrived and left. */
  update(devices: readonly Device[]): { readonly arrived: Ecid[]; readonly left: Ecid[] } {
    const next = new Map(devices.map((d) => [d.ecid, d] as const));
    const arrived = [...next.keys()].filter((e) => !this.present.has(e));
    const left = [...this.present.keys()].filter((e) => !next.has(e));
    this.present.clear();
    for (const [ecid, device] of next) this.present.set(ecid, device);
    for (const ecid of arrived) this.generations.set(ecid, (this.generations.get(ecid) ?? 0) + 1);
    for (const ecid of [...arrived, ...left]) this.wake(ecid);
    return { arrived, left };
  }

  isPresent(ecid: Ecid): boolean {
    return this.present.has(ecid);
  }

  device(ecid: Ecid): Device | undefined {
    return this.present.get(ecid);
  }

  ecids(): Ecid[] {
    return [...this.present.keys()];
  }

  generation(ecid: Ecid): number {
    return this.generations.get(ecid) ?? 0;
  }

  /** Resolves on the next arrival or departure of `ecid`, or when `cancel` is called (timeout, abort). */
  nextChange(ecid: Ecid): { readonly changed: Promise<void>; readonly cancel: () => void } {
    let resolve: () => void = () => {};
    const changed = new Promise<void>((r) => (resolve = r));
    const set = this.waiters.get(ecid) ?? new Set();
    set.add(resolve);
    this.waiters.set(ecid, set);
    return {
      changed,
      cancel: () => {
        set.delete(resolve);
        resolve();
      },
    };
  }

  private wake(ecid: Ecid): void {
    const set = this.waiters.get(ecid);
    if (!set) return;
    this.waiters.delete(ecid);
    for (const resolve of set) resolve();
  }
}
