/**
 * The devices the grid shows: every attached device, and every device whose job is still going while it is
 * off USB ("away"). Erase and prepare restart a device, which leaves USB for a minute; its card must stay
 * where it is (port, name, serial, progress) instead of blinking out, so the grid's count holds steady like
 * the header's. Which job keeps a device on the bench is one rule, `devicesOnBench` in preload/counts.ts; this
 * module keeps the last-known record of each such device so the grid can draw it, and nothing else.
 *
 * Pure, tested with properties (test/renderer/state/bench-devices.test.ts): the list is the attached devices
 * plus the away ones, without duplicates, and its length is `devicesOnBench` of the same state.
 */
import { countStateOf, isActiveState } from '../../preload/counts';
import type { Device, Ecid } from '../../preload/domain';
import type { JobView } from '../../preload/jobs-domain';

/** A device as the grid draws it; `away` marks one off USB whose job still holds it on the bench. */
export type BenchDevice = Device & { readonly away?: true };

/** Off-USB devices with an active job, by ECID, each its last-known record marked `away`. */
export type AwayDevices = Readonly<Record<Ecid, BenchDevice>>;

function holdsDevice(job: Pick<JobView, 'phase'> | undefined): boolean {
  return job !== undefined && isActiveState(countStateOf(job.phase));
}

/** A device the page never saw attached (it loaded while the device restarted): what its job knows. */
function fromJob(job: JobView): BenchDevice {
  return {
    ecid: job.ecid,
    ...(job.serialNumber !== undefined ? { serialNumber: job.serialNumber } : {}),
    ...(job.deviceName !== undefined ? { name: job.deviceName } : {}),
    mode: 'other',
    attachedAt: job.startedAt ?? 0,
    away: true,
  };
}

/**
 * The away devices after a change: each device off USB whose job is active, with the freshest record known
 * (as it was last attached, else as already kept, else what its job knows). A device that returns is attached
 * again (its new record replaces this one); one whose job ended or went is dropped. The same object when
 * nothing changed, so a job's progress re-renders no grid.
 */
export function trackAway(
  before: { readonly devices: readonly Device[]; readonly away: AwayDevices },
  devices: readonly Device[],
  jobs: Readonly<Record<Ecid, JobView>>,
): AwayDevices {
  const attached = new Set(devices.map((d) => d.ecid));
  const next: Record<Ecid, BenchDevice> = {};
  for (const job of Object.values(jobs)) {
    if (attached.has(job.ecid) || !holdsDevice(job)) continue;
    const last = before.devices.find((d) => d.ecid === job.ecid);
    next[job.ecid] = last ? { ...last, away: true } : (before.away[job.ecid] ?? fromJob(job));
  }
  const keys = Object.keys(next);
  const same =
    keys.length === Object.keys(before.away).length && keys.every((ecid) => next[ecid] === before.away[ecid]);
  return same ? before.away : next;
}

let cache: { devices: readonly Device[]; away: AwayDevices; list: readonly BenchDevice[] } | undefined;

/**
 * The grid's devices: attached first, then away. Memoised on its inputs, so a store selector returns the same
 * array until the device list or the away set changes.
 */
export function benchDevices(state: {
  readonly devices: readonly Device[];
  readonly away: AwayDevices;
}): readonly BenchDevice[] {
  if (cache?.devices === state.devices && cache.away === state.away) return cache.list;
  const attached = new Set(state.devices.map((d) => d.ecid));
  const list = [...state.devices, ...Object.values(state.away).filter((d) => !attached.has(d.ecid))];
  cache = { devices: state.devices, away: state.away, list };
  return list;
}

/** One device of the grid by ECID, attached or away. */
export function benchDevice(
  state: { readonly devices: readonly Device[]; readonly away: AwayDevices },
  ecid: Ecid,
): BenchDevice | undefined {
  return state.devices.find((d) => d.ecid === ecid) ?? state.away[ecid];
}
