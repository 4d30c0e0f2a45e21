import { describe, expect, it } from 'vitest';
import { parseEcid } from '../../../main/cfgutil/ecid';
import { SimWorld } from '../../../main/sim/index';
import { hubAndPort } from '../../../main/sim/usb-ports';

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
    const world = new SimWorld({ timeScale: 0.001 });
    const seen: string[] = [];
    world.onAttached((e) => seen.push(e.entry.ECID));
    const arrival = world.cart(3, 1000);
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveLength(1);
    const cart = await arrival;
    expect(seen).toEqual(cart.map((d) => d.ecid));
    world.close();
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
    expect(() => world.cart(0, 1)).toThrow(RangeError);
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
});
