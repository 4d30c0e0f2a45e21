/**
 * USB port allocation for simulated devices.
 *
 * IOKit's `locationID` is bus << 24, then one port number per nibble from bit 20 down
 * (USB topology of a bench cart). A bench cart is modelled as several 10-port hubs, each on a root
 * port of bus 1, so a cart of 40 spreads over four hubs and the app's port labels can be checked.
 */
export const PORTS_PER_HUB = 10;
export const HUB_COUNT = 8;
/** Every simulated port on the cart. */
export const PORT_COUNT = HUB_COUNT * PORTS_PER_HUB;

/** The locationID of hub `hub` (1-based), port `port` (1-based). */
export function locationIdFor(hub: number, port: number): number {
  return (0x01 << 24) | (hub << 20) | (port << 16);
}

/** Decodes a locationID built by {@link locationIdFor}; used by the harness for labels. */
export function hubAndPort(locationID: number): { readonly hub: number; readonly port: number } {
  return { hub: (locationID >> 20) & 0xf, port: (locationID >> 16) & 0xf };
}

/** The lowest free port, or undefined when all 80 are taken. */
export function firstFreeLocation(taken: ReadonlySet<number>): number | undefined {
  for (let hub = 1; hub <= HUB_COUNT; hub++) {
    for (let port = 1; port <= PORTS_PER_HUB; port++) {
      const id = locationIdFor(hub, port);
      if (!taken.has(id)) return id;
    }
  }
  return undefined;
}
