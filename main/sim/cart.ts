/**
 * "A cart of N devices arriving over T seconds" (§11 of main/cfgutil/README.md): the arrivals spread
 * evenly over simulated time on the world's clock.
 *
 * Arguments come from the UI and the `sim` CLI, so they are checked up front and refused with an error that says
 * what to change; the caller gets it synchronously, before any device is scheduled.
 */
import type { SimDeviceSnapshot } from './device-model';
import type { SimAttachSpec } from './generate-device';
import type { SimClock } from './sim-clock';
import { cartRequestError, portsTakenError } from './sim-errors';
import { PORT_COUNT } from './usb-ports';

/** The most devices one cart can bring: one per simulated USB port. */
export const MAX_CART = PORT_COUNT;
/** A cart spread over more than a simulated day is a typo, not a demo. */
export const MAX_CART_SECONDS = 24 * 60 * 60;

/** What a cart needs from the world. */
export interface CartWorld {
  readonly clock: SimClock;
  /** How many ports are free right now. */
  freePorts(): number;
  attach(spec: SimAttachSpec): SimDeviceSnapshot;
}

/** Checks a cart request; throws a `BenchError` (invalid-request) that names the value to change. */
export function checkCart(count: number, overSeconds: number, freePorts: number): void {
  if (!Number.isInteger(count) || count < 1 || count > MAX_CART)
    throw cartRequestError(`Ask for a whole number of devices from 1 to ${MAX_CART}.`);
  if (!Number.isFinite(overSeconds) || overSeconds < 0 || overSeconds > MAX_CART_SECONDS)
    throw cartRequestError(`Let the cart arrive over 0 to ${MAX_CART_SECONDS} seconds.`);
  if (count > freePorts) throw portsTakenError(freePorts, count);
}

/** Schedules the arrivals; resolves with their snapshots once all are attached. */
export function scheduleCart(
  world: CartWorld,
  count: number,
  overSeconds: number,
  spec: SimAttachSpec = {},
): Promise<SimDeviceSnapshot[]> {
  checkCart(count, overSeconds, world.freePorts());
  const gap = count > 1 ? overSeconds / (count - 1) : 0;
  const arrivals = Array.from({ length: count }, (_, i) => {
    return new Promise<SimDeviceSnapshot>((resolve, reject) => {
      world.clock.schedule(i * gap, () => {
        try {
          // Ports may have filled up since the check (devices plugged by hand meanwhile): attach says so.
          resolve(world.attach({ ...spec, ecid: undefined }));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
  });
  return Promise.all(arrivals);
}
