/**
 * IOKit USB location IDs and the port labels an operator can find on the bench.
 *
 * On macOS the location ID is the bus number in the top byte, then one hub port per nibble from bit 20
 * down (./README.md D5); node-usb exposes the same path as busNumber + portNumbers.
 * Rebuilding the ID lets a USB event be joined to `cfgutil list`, which reports `locationID`.
 */

/** Bus number and the chain of hub ports, outermost first. */
export interface UsbPortPath {
  readonly bus: number;
  readonly ports: readonly number[];
}

export function decodeLocationId(locationId: number): UsbPortPath | undefined {
  if (!Number.isInteger(locationId) || locationId <= 0 || locationId > 0xffffffff) return undefined;
  const bus = Math.floor(locationId / 0x1000000) & 0xff;
  const ports: number[] = [];
  for (let shift = 20; shift >= 0; shift -= 4) {
    const port = Math.floor(locationId / 2 ** shift) & 0xf;
    if (port === 0) break;
    ports.push(port);
  }
  return { bus, ports };
}

export function encodeLocationId(path: UsbPortPath): number | undefined {
  if (path.bus < 0 || path.bus > 0xff || path.ports.length > 6) return undefined;
  let id = path.bus * 0x1000000;
  for (const [index, port] of path.ports.entries()) {
    if (!Number.isInteger(port) || port < 1 || port > 15) return undefined;
    id += port * 2 ** (20 - 4 * index);
  }
  return id;
}

/**
 * A short label such as `Port 3` (straight into the Mac) or `Port 2 › 7` (hub on port 2, its port 7).
 * Undefined when there is no usable location.
 */
export function portLabelFor(locationId: number | undefined): string | undefined {
  if (locationId === undefined) return undefined;
  const path = decodeLocationId(locationId);
  if (!path || path.ports.length === 0) return undefined;
  return `Port ${path.ports.join(' › ')}`;
}
