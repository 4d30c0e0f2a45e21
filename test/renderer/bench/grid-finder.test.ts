import { describe, expect, it } from 'vitest';
import type { JobView } from '../../../preload/jobs-domain';
import { findDevices, matchesSearch, nextNeedingYou, stateOf } from '../../../renderer/bench/grid-finder';
import { device } from '../fixtures';
import { job } from '../store-fixtures';

const devices = [1, 2, 3, 4].map((n) => device(n));
const jobs: Record<string, JobView> = {
  [devices[0]!.ecid]: job(1, { phase: 'succeeded', finalName: 'CART3-001' }),
  [devices[1]!.ecid]: job(2, { phase: 'waiting-for-operator' }),
  [devices[2]!.ecid]: job(3, { phase: 'failed' }),
  [devices[3]!.ecid]: job(4, { phase: 'waiting-for-operator' }),
};

describe('grid finder', () => {
  it('finds a device by serial, our name, ECID or port, in any case', () => {
    const d = devices[0]!;
    expect(matchesSearch(d, jobs[d.ecid], 'cart3-001')).toBe(true);
    expect(matchesSearch(d, jobs[d.ecid], d.ecid.toLowerCase())).toBe(true);
    expect(matchesSearch(d, jobs[d.ecid], d.portLabel ?? '')).toBe(true);
    expect(matchesSearch(d, jobs[d.ecid], 'nothing-like-it')).toBe(false);
  });

  it('filters by state, and orders needs you first, keeping port order within a state', () => {
    expect(findDevices(devices, jobs, { search: '', filter: 'needs-you', sort: 'port' })).toEqual([
      devices[1],
      devices[3],
    ]);
    expect(findDevices(devices, jobs, { search: '', filter: 'all', sort: 'state' })).toEqual([
      devices[1],
      devices[3],
      devices[2],
      devices[0],
    ]);
    expect(stateOf(undefined)).toBe('working');
  });

  it('goes to the next device that needs you after the current one, wrapping round', () => {
    expect(nextNeedingYou(devices, jobs, undefined)).toBe(devices[1]!.ecid);
    expect(nextNeedingYou(devices, jobs, devices[1]!.ecid)).toBe(devices[3]!.ecid);
    expect(nextNeedingYou(devices, jobs, devices[3]!.ecid)).toBe(devices[1]!.ecid);
    expect(nextNeedingYou(devices.slice(0, 1), jobs, undefined)).toBeUndefined();
  });
});
