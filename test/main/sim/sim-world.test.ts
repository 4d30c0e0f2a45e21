import { describe, expect, it, vi } from 'vitest';
import { parseEcid } from '../../../main/cfgutil/ecid';
import { BenchError, toErrorInfo } from '../../../main/errors/bench-error';
import { SimWorld } from '../../../main/sim/index';
import { hubAndPort } from '../../../main/sim/usb-ports';

/** What `fn` threw (fails the test when it did not throw). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('SimWorld', () => {
  it('generates the same devices for the same seed and different ones for another seed', () => {
    const pick = (seed: number) =>
      new SimWorld({ seed, devices: 3 }).list().map((d) => [d.ecid, d.serialNumber, d.deviceType]);
    expect(pick(5)).toEqual(pick(5));
    expect(pick(5)).not.toEqual(pick(6));
  });

  it('derives modern UDIDs from chip ID and ECID, and gives Wi-Fi iPads no IMEI', () => {
    const world = new SimWorld();
    const ipad = world.attach({ deviceType: 'iPad13,18' });
    expect(ipad.udid).toBe(
      `00008101-${(parseEcid(ipad.ecid) ?? 0n).toString(16).toUpperCase().padStart(16, '0')}`,
    );
    expect(ipad.imei).toBeUndefined();
    expect(ipad.serialNumber).toMatch(/^[0-9B-DF-HJ-NP-RT-Z]{10}$/);
    const old = world.attach({ deviceType: 'iPad7,5' });
    expect(old.udid).toMatch(/^[0-9a-f]{40}$/);
    expect(old.serialNumber).toHaveLength(12);
    expect(world.attach({ deviceType: 'iPhone15,2' }).imei).toMatch(/^\d{15}$/);
  });

  it('spreads a cart of 40 over four 10-port hubs with unique IOKit-style location IDs', async () => {
    const world = new SimWorld({ timeScale: 0.0001 });
    const cart = await world.cart(40, 30);
    const ports = cart.map((d) => hubAndPort(d.locationID));
    expect(new Set(cart.map((d) => d.locationID)).size).toBe(40);
    expect(new Set(ports.map((p) => p.hub))).toEqual(new Set([1, 2, 3, 4]));
    expect(Math.max(...ports.map((p) => p.port))).toBe(10);
    expect(cart.every((d) => d.locationID >> 24 === 1)).toBe(true);
    world.close();
  });

  it('lets the cart arrive over simulated time, one attached event per device', async () => {
    // Fake timers drive the world's clock (it runs on setTimeout and Date.now): no real waiting, no race.
    vi.useFakeTimers();
    try {
      const world = new SimWorld({ timeScale: 0.001 });
      const seen: string[] = [];
      world.onAttached((e) => seen.push(e.entry.ECID));
      // Three devices over 1000 simulated s: at 0, 500 and 1000 s, i.e. 0, 500 and 1000 ms at this scale.
      const arrival = world.cart(3, 1000);
      expect(seen).toHaveLength(0);
      vi.advanceTimersByTime(0);
      expect(seen).toHaveLength(1);
      vi.advanceTimersByTime(499);
      expect(seen).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(seen).toHaveLength(2);
      vi.advanceTimersByTime(500);
      expect(seen).toHaveLength(3);
      const cart = await arrival;
      expect(seen).toEqual(cart.map((d) => d.ecid));
      world.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('re-plugs a known ECID with its state, and stops notifying after unsubscribe', () => {
    const world = new SimWorld();
    const d = world.attach({ paired: true });
    world.setFindMy(d.ecid, true);
    const detached: string[] = [];
    const off = world.onDetached((e) => detached.push(e.entry.ECID));
    expect(world.detach(d.ecid)).toBe(true);
    off();
    expect(world.detach(d.ecid)).toBe(false);
    expect(world.attach({ ecid: d.ecid })).toMatchObject({
      ecid: d.ecid,
      isPaired: true,
      findMy: true,
      attached: true,
    });
    world.detach(d.ecid);
    expect(detached).toEqual([d.ecid]);
  });

  it('keeps notifying other listeners when one throws', () => {
    const world = new SimWorld();
    const seen: string[] = [];
    world.onAttached(() => {
      throw new Error('listener bug');
    });
    world.onAttached((e) => seen.push(e.entry.ECID));
    const d = world.attach();
    expect(seen).toEqual([d.ecid]);
  });

  it('rejects bad harness input with RangeError instead of corrupting state', () => {
    const world = new SimWorld();
    expect(() => world.attach({ deviceType: 'iPad99,9' })).toThrow(RangeError);
    expect(() => world.detach('nope')).toThrow(RangeError);
    expect(() => world.injectFault({ kind: 'hang' }, { times: 0 })).toThrow(RangeError);
    expect(world.list()).toEqual([]);
  });

  it.each([
    [0, 1, 'from 1 to 80'],
    [81, 1, 'from 1 to 80'],
    [2.5, 1, 'from 1 to 80'],
    [Number.NaN, 1, 'from 1 to 80'],
    [3, -1, 'over 0 to 86400 seconds'],
    [3, Number.NaN, 'over 0 to 86400 seconds'],
    [3, Number.POSITIVE_INFINITY, 'over 0 to 86400 seconds'],
  ])('refuses cart(%s, %s) with an error the UI can show', (count, seconds, fix) => {
    const world = new SimWorld();
    const error = thrown(() => world.cart(count, seconds));
    expect(error).toBeInstanceOf(BenchError);
    expect(toErrorInfo(error)).toMatchObject({
      code: 'invalid-request',
      title: 'The simulated cart cannot arrive like that',
      retryable: false,
    });
    expect(toErrorInfo(error).detail).toContain(fix);
    expect(world.list()).toEqual([]);
  });

  it('approves or ignores pending profiles by identifier', () => {
    const world = new SimWorld();
    const d = world.attach();
    expect(world.approveProfile(d.ecid)).toBe(false);
    expect(world.ignoreProfile(d.ecid, 'x')).toBe(false);
  });
});

describe('SimWorld USB ports', () => {
  it('reuses the ports of unplugged devices, so a long demo never runs out', () => {
    const world = new SimWorld({ seed: 7 });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 40; i++) world.attach();
      world.detachAll();
    }
    const fresh = world.attach();
    expect(fresh.locationID).toBe(0x01110000);
    world.close();
  });

  it('says every port is taken, and how to fix it, when an 81st device is plugged in', () => {
    const world = new SimWorld({ devices: 80 });
    const error = thrown(() => world.attach());
    expect(error).toBeInstanceOf(BenchError);
    expect(toErrorInfo(error)).toEqual({
      code: 'invalid-request',
      title: 'Every simulated USB port is taken',
      detail: 'Unplug some simulated devices first, then plug in again.',
      retryable: false,
    });
    world.detach(world.list()[0]?.ecid ?? '');
    expect(world.attach().attached).toBe(true);
    world.close();
  });

  it('refuses a cart bigger than the free ports before scheduling any arrival', () => {
    const world = new SimWorld({ devices: 78 });
    const error = thrown(() => world.cart(3, 0));
    expect(toErrorInfo(error)).toMatchObject({
      code: 'invalid-request',
      title: 'Every simulated USB port is taken',
    });
    expect(toErrorInfo(error).detail).toBe(
      'Only 2 simulated USB ports are free for 3 devices. Unplug some simulated devices first, or ask for fewer.',
    );
    expect(world.list()).toHaveLength(78);
    world.close();
  });

  it('keeps the port of a rebooting device until it is back, and frees it when it is unplugged meanwhile', () => {
    vi.useFakeTimers();
    try {
      const world = new SimWorld({ devices: 80 });
      const [first] = world.list();
      const ecid = parseEcid(first?.ecid) ?? 0n;
      world.reboot(ecid, 1, 1, () => undefined);
      expect(world.device(first?.ecid ?? '')?.busy).toBe(true);
      vi.advanceTimersByTime(1_000);
      expect(world.list()).toHaveLength(79);
      expect(() => world.attach()).toThrow(BenchError);
      world.detach(first?.ecid ?? '');
      expect(world.attach().locationID).toBe(first?.locationID);
      vi.advanceTimersByTime(5_000);
      expect(world.device(first?.ecid ?? '')?.attached).toBe(false);
      world.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
