import { describe, expect, it } from 'vitest';
import type { JobView } from '../../../preload/jobs-domain';
import { alertsBetween, CartTally } from '../../../renderer/bench/browser-alerts';
import { job } from '../store-fixtures';

const waits = (n: number, reason: 'approve-profile' | 'tap-trust'): JobView =>
  job(n, { phase: 'waiting-for-operator', waiting: { reason, instruction: `Do ${reason}.`, since: 1 } });
const byEcid = (...jobs: JobView[]) => Object.fromEntries(jobs.map((j) => [j.ecid, j]));
const port = () => 'Port 1 › 2';

describe('alertsBetween', () => {
  it('tells once when a device starts to need a person, again only for a new reason', () => {
    const running = byEcid(job(1, {}));
    const approve = byEcid(waits(1, 'approve-profile'));
    expect(alertsBetween(running, approve, port)).toEqual([
      {
        kind: 'needs-you',
        title: 'Port 1 › 2 needs you',
        body: 'Do approve-profile.',
        tag: `${job(1, {}).ecid}:approve-profile`,
      },
    ]);
    expect(alertsBetween(approve, approve, port)).toEqual([]);
    expect(alertsBetween(approve, byEcid(waits(1, 'tap-trust')), port)).toHaveLength(1);
  });

  it('tells when the cart finishes, with its counts, once', () => {
    const going = byEcid(job(1, {}), job(2, { phase: 'succeeded' }));
    const done = byEcid(job(1, { phase: 'failed' }), job(2, { phase: 'succeeded' }));
    expect(alertsBetween(going, done, port)).toEqual([
      { kind: 'cart-finished', title: 'Cart finished', body: '1 done, 1 failed.', tag: 'cart-finished' },
    ]);
    expect(alertsBetween(done, done, port)).toEqual([]);
  });

  it('counts the devices unplugged once done in the cart, told once', () => {
    const tally = new CartTally();
    const two = byEcid(job(1, { phase: 'succeeded' }), job(2, {}), job(3, {}));
    const unplugged = byEcid(job(2, {}), job(3, {}));
    expect(alertsBetween(two, unplugged, port, tally)).toEqual([]);
    const done = byEcid(job(2, { phase: 'succeeded' }), job(3, { phase: 'failed' }));
    expect(alertsBetween(unplugged, done, port, tally)).toEqual([
      { kind: 'cart-finished', title: 'Cart finished', body: '2 done, 1 failed.', tag: 'cart-finished' },
    ]);
    expect(tally.departed.size).toBe(0);
  });

  it('makes one notification of devices that start to wait together, counted per instruction', () => {
    const before = byEcid(job(1, {}), job(2, {}), job(3, {}));
    const after = byEcid(waits(1, 'tap-trust'), waits(2, 'tap-trust'), waits(3, 'approve-profile'));
    expect(alertsBetween(before, after, port)).toEqual([
      {
        kind: 'needs-you',
        title: '3 devices need you',
        body: '2 × Do tap-trust.\n1 × Do approve-profile.',
        tag: 'needs-you',
      },
    ]);
  });
});
