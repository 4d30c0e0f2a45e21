/**
 * Adapts the simulated world to the engine interfaces: its attach/detach events stand in for node-usb,
 * and its control methods are the operator's hand behind the UI's simulator buttons.
 */
import type { DeviceMode } from '../../preload/domain';
import type { DeviceSignal, DeviceSignalSource } from '../devices/device-watcher';
import type { SimDeviceEvent, SimWorld } from '../sim/sim-world';
import type { SimulatorControl } from './engine';

function modeOf(bootedState: string): DeviceMode {
  if (bootedState === 'Booted') return 'normal';
  if (bootedState === 'Recovery') return 'recovery';
  return 'other';
}

function signalOf(kind: 'attach' | 'detach', event: SimDeviceEvent): DeviceSignal {
  return { kind, locationId: event.entry.locationID, mode: modeOf(event.device.bootedState) };
}

export function simulatorSignalSource(world: SimWorld): DeviceSignalSource {
  let unsubscribe: (() => void)[] = [];
  return {
    start(listener) {
      unsubscribe = [
        world.onAttached((event) => listener(signalOf('attach', event))),
        world.onDetached((event) => listener(signalOf('detach', event))),
      ];
    },
    stop() {
      for (const off of unsubscribe) off();
      unsubscribe = [];
    },
  };
}

export function simulatorControlFor(
  world: SimWorld,
  onError: (error: unknown) => void = () => {},
): SimulatorControl {
  return {
    attach: (deviceClass) => world.attach(deviceClass ? { deviceClass } : {}).ecid,
    detach: (ecid) => void world.detach(ecid),
    cart: (count, overSeconds) => {
      // Arrivals are spread over simulated time; the UI sees each one as it is plugged in.
      world.cart(count, overSeconds, { deviceClass: 'iPad', state: 'erased' }).catch(onError);
    },
    detachAll: () => world.detachAll(),
    tapTrust: (ecid, accept) => world.tapTrust(ecid, accept),
    approveProfile: (ecid) => world.approveProfile(ecid),
    unlock: (ecid) => world.unlock(ecid),
    finishSetupAssistant: (ecid) => world.finishSetup(ecid),
  };
}
