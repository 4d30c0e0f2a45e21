/**
 * The ideal time of a cart: what the devices' own steps need, from the simulator's own schedule
 * (main/sim/sim-options.ts timings, as main/sim/cfgutil/commands/* spend them), with no bench at all: every
 * command sent the instant the device can take it, nothing read that need not be.
 *
 * `supervise-and-enroll` on a clean, paired iPad is, per device: erase (the command holds a heavy slot until
 * it returns; the device then reboots and refuses changes until its boot settles), prepare (heavy, then the
 * reboot and settle that follow it), install the profile (heavy), read `configurationProfiles` once to verify
 * (one property), rename. Jitter is 0 in the figure's world and prepare's range is one value, so this is exact.
 */
import type { SimTimings } from '../../../main/sim/index';

export interface DeviceTask {
  /** A heavy command: holds one of the cap's slots this long. */
  readonly heavySeconds: number;
  /** Then the device alone (reboot, settle, light commands) before its next heavy command can start. */
  readonly thenSeconds: number;
}

export function superviseAndEnrollTasks(t: SimTimings): DeviceTask[] {
  if (t.jitter !== 0 || t.prepareMinSeconds !== t.prepareMaxSeconds)
    throw new RangeError('the ideal is exact only with jitter 0 and one prepare duration');
  const q = t.quickCommandSeconds * 0.5;
  const eraseHeld = q + t.eraseReturnSeconds;
  // The reboot is scheduled q into the command; the device takes changes again once it has settled.
  const eraseReady =
    q + Math.max(t.eraseDetachSeconds, t.eraseReturnSeconds) + t.eraseReattachSeconds + t.bootSettleSeconds;
  return [
    { heavySeconds: eraseHeld, thenSeconds: eraseReady - eraseHeld },
    {
      heavySeconds: t.prepareMinSeconds,
      thenSeconds: t.prepareRebootDetachSeconds + t.rebootReattachSeconds + t.bootSettleSeconds,
    },
    { heavySeconds: t.installProfileSeconds, thenSeconds: t.getPerPropertySeconds + q },
  ];
}

/**
 * Makespan (seconds) of `devices` identical devices all plugged in at 0, at most `cap` heavy commands at once,
 * each device served first come, first served (as the bench's heavy-step limit does).
 */
export function idealMakespan(tasks: readonly DeviceTask[], devices: number, cap: number): number {
  const slots: number[] = Array.from({ length: Math.min(cap, devices) }, () => 0);
  const ready = Array.from({ length: devices }, () => 0);
  const next = Array.from({ length: devices }, () => 0);
  let end = 0;
  for (let done = 0; done < devices * tasks.length; done++) {
    // The device waiting longest (ties: lowest index) gets the slot that frees first.
    let d = -1;
    for (let i = 0; i < devices; i++)
      if ((next[i] as number) < tasks.length && (d < 0 || (ready[i] as number) < (ready[d] as number))) d = i;
    const task = tasks[next[d] as number] as DeviceTask;
    let s = 0;
    for (let i = 1; i < slots.length; i++) if ((slots[i] as number) < (slots[s] as number)) s = i;
    const start = Math.max(ready[d] as number, slots[s] as number);
    slots[s] = start + task.heavySeconds;
    ready[d] = start + task.heavySeconds + task.thenSeconds;
    next[d] = (next[d] as number) + 1;
    end = Math.max(end, ready[d] as number);
  }
  return end;
}
