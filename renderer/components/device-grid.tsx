import type { Device } from '../../preload/domain';
import { useBench } from '../state/bench-store';
import { ConnectedDeviceCard } from './connected-device-card';

/** Above this many devices the cards go compact so a cart of 40 fits a 1280×800 screen. */
export const compactThreshold = 12;

const collator = new Intl.Collator(undefined, { numeric: true });

/**
 * Devices ordered by port, so each card keeps its place while others come and go and the grid matches the
 * physical hub layout ("Port 10" after "Port 9").
 */
export function sortByPort(devices: readonly Device[]): Device[] {
  return [...devices].sort(
    (a, b) =>
      collator.compare(a.portLabel ?? '\uffff', b.portLabel ?? '\uffff') ||
      a.attachedAt - b.attachedAt ||
      a.ecid.localeCompare(b.ecid),
  );
}

/** The grid follows the device list only; each card follows its own job (see ConnectedDeviceCard). */
export function DeviceGrid() {
  const devices = useBench((s) => s.devices);
  const compact = devices.length > compactThreshold;
  return (
    <ul className={`device-grid${compact ? ' compact' : ''}`} aria-label="Attached devices">
      {sortByPort(devices).map((device) => (
        <li key={device.ecid}>
          <ConnectedDeviceCard ecid={device.ecid} compact={compact} />
        </li>
      ))}
    </ul>
  );
}
