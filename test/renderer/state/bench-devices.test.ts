import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BenchEvent } from '../../../preload/contract';
import { countStateOf, devicesOnBench, isActiveState } from '../../../preload/counts';
import type { Device } from '../../../preload/domain';
import { jobPhases, type JobPhase } from '../../../preload/jobs-domain';
import { benchDevice, benchDevices } from '../../../renderer/state/bench-devices';
import {
  applyEvent,
  applySnapshot,
  initialBenchState,
  type BenchState,
} from '../../../renderer/state/bench-state';
import { device, snapshot } from '../fixtures';
import { job } from '../store-fixtures';

let seq = 1;
const devicesChanged = (devices: Device[]): BenchEvent => ({
  channel: 'devicesChanged',
  payload: { seq: ++seq, devices },
});
const jobChanged = (n: number, phase: JobPhase, progress = 0.4): BenchEvent => ({
  channel: 'jobChanged',
  payload: { seq: ++seq, job: job(n, { phase, progress }) },
});
const jobRemoved = (n: number): BenchEvent => ({
  channel: 'jobRemoved',
  payload: { seq: ++seq, ecid: device(n).ecid },
});
const loaded = (): BenchState => applySnapshot(initialBenchState, snapshot({ seq: ++seq }));
/** What a card knows of a device it never saw attached: its job's serial, nothing of the port. */
const fromJob = (ecid: string) =>
  expect.objectContaining({ ecid, serialNumber: state0Serial(ecid), mode: 'other', away: true });
const state0Serial = (ecid: string) => `SER${parseInt(ecid, 16) - 0x1000}`;
const ecids = (list: readonly Device[]) => list.map((d) => d.ecid);

describe('benchDevices', () => {
  it('keeps a restarting device’s last-known record, marked away, until it returns', () => {
    let state = applyEvent(loaded(), devicesChanged([device(1), device(2)]));
    state = applyEvent(state, jobChanged(1, 'running'));
    state = applyEvent(state, devicesChanged([device(2)]));
    expect(benchDevices(state)).toEqual([device(2), { ...device(1), away: true }]);
    expect(benchDevice(state, device(1).ecid)).toMatchObject({ portLabel: 'Port 2 › 1', away: true });
    // It comes back: its new record replaces the away one.
    const back = device(1, { attachedAt: 9_999, name: 'Renamed' });
    state = applyEvent(state, devicesChanged([device(2), back]));
    expect(benchDevices(state)).toEqual([device(2), back]);
    expect(state.away).toEqual({});
  });

  it('keeps a device waiting to be plugged back in, and drops one whose job ended while it is away', () => {
    let state = applyEvent(loaded(), devicesChanged([device(1), device(2)]));
    state = applyEvent(state, jobChanged(1, 'waiting-for-reattach'));
    state = applyEvent(state, jobChanged(2, 'running'));
    state = applyEvent(state, devicesChanged([]));
    expect(ecids(benchDevices(state))).toEqual([device(1).ecid, device(2).ecid]);
    state = applyEvent(state, jobChanged(1, 'waiting-for-operator'));
    state = applyEvent(state, jobChanged(2, 'succeeded'));
    expect(ecids(benchDevices(state))).toEqual([device(1).ecid]);
    state = applyEvent(state, jobRemoved(1));
    expect(benchDevices(state)).toEqual([]);
  });

  it('leaves the list untouched (same array) while only a job’s progress changes', () => {
    let state = applyEvent(loaded(), devicesChanged([device(1), device(2)]));
    state = applyEvent(state, jobChanged(1, 'running', 0.1));
    state = applyEvent(state, devicesChanged([device(2)]));
    const before = benchDevices(state);
    state = applyEvent(state, jobChanged(1, 'running', 0.2));
    expect(benchDevices(state)).toBe(before);
  });

  it('draws a device the page never saw attached from its job (loaded while it restarted)', () => {
    const state = applySnapshot(
      initialBenchState,
      snapshot({
        seq: ++seq,
        devices: [],
        jobs: { jobs: [job(3, { deviceName: 'iPad 3' })], facts: {}, run: snapshot().jobs.run },
      }),
    );
    expect(benchDevices(state)).toEqual([
      expect.objectContaining({ ecid: device(3).ecid, serialNumber: 'SER3', name: 'iPad 3', away: true }),
    ]);
  });

  it('keeps the last-known record across a fresh snapshot (the page reconnected)', () => {
    let state = applyEvent(loaded(), devicesChanged([device(4)]));
    state = applyEvent(state, jobChanged(4, 'running'));
    state = applySnapshot(
      state,
      snapshot({ seq: ++seq, devices: [], jobs: { ...snapshot().jobs, jobs: [job(4)] } }),
    );
    expect(benchDevices(state)).toEqual([{ ...device(4), away: true }]);
  });

  it('is, for any sequence of device and job events, the attached devices plus the away ones with an active job', () => {
    const n = fc.integer({ min: 1, max: 5 });
    const event = fc.oneof(
      fc
        .uniqueArray(n, { maxLength: 5 })
        .chain((ns) =>
          fc
            .array(fc.nat(50), { minLength: ns.length, maxLength: ns.length })
            .map((at) => ({ kind: 'devices' as const, ns, at })),
        ),
      fc.record({ kind: fc.constant('job' as const), n, phase: fc.constantFrom(...jobPhases) }),
      fc.record({ kind: fc.constant('removed' as const), n }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        let state = loaded();
        // The model, event by event: the record a device had when it left USB under an active job.
        const left = new Map<string, Device>();
        const holds = (ecid: string) => {
          const j = state.jobs[ecid];
          return j !== undefined && isActiveState(countStateOf(j.phase));
        };
        for (const e of events) {
          if (e.kind === 'devices') {
            const list = e.ns.map((k, i) => device(k, { attachedAt: e.at[i] }));
            for (const d of state.devices)
              if (holds(d.ecid) && !list.some((x) => x.ecid === d.ecid)) left.set(d.ecid, d);
            for (const d of list) left.delete(d.ecid);
            state = applyEvent(state, devicesChanged(list));
          } else if (e.kind === 'job') state = applyEvent(state, jobChanged(e.n, e.phase));
          else state = applyEvent(state, jobRemoved(e.n));
          for (const ecid of [...left.keys()]) if (!holds(ecid)) left.delete(ecid);

          const list = benchDevices(state);
          const attached = new Set(ecids(state.devices));
          const active = Object.values(state.jobs)
            .filter((j) => isActiveState(countStateOf(j.phase)))
            .map((j) => j.ecid);
          expect(new Set(ecids(list))).toEqual(new Set([...attached, ...active]));
          expect(new Set(ecids(list)).size).toBe(list.length);
          expect(list.length).toBe(devicesOnBench(state.devices, Object.values(state.jobs)));
          for (const d of list) {
            if (attached.has(d.ecid)) expect(d).toBe(state.devices.find((a) => a.ecid === d.ecid));
            else expect(d).toEqual(left.get(d.ecid) ? { ...left.get(d.ecid), away: true } : fromJob(d.ecid));
          }
        }
      }),
    );
  });
});
