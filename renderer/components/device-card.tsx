import type { Device } from '../../preload/domain';
import { deviceLabel } from '../state/bench-state';
import { describeMode } from './device-status';
import { StatusIcon } from './status-icon';

export interface DeviceCardProps {
  readonly device: Device;
  /** Smaller type and fewer details, for a full cart. */
  readonly compact?: boolean;
  /** Present only in simulation: unplug this simulated device. */
  readonly onUnplug?: (device: Device) => void;
}

export function DeviceCard({ device, compact = false, onUnplug }: DeviceCardProps) {
  const status = describeMode(device.mode);
  const label = deviceLabel(device);
  const model = device.model ?? device.deviceType;
  const headingId = `device-${device.ecid}`;
  return (
    <article className={`device-card tone-${status.tone}${compact ? ' compact' : ''}`} aria-labelledby={headingId} data-ecid={device.ecid}>
      <p className="device-port">{device.portLabel ?? 'Port unknown'}</p>
      <h3 className="device-name" id={headingId} title={label}>
        {label}
      </h3>
      {model && model !== label && (
        <p className="device-model" title={model}>
          {model}
        </p>
      )}
      <p className="device-status" title={status.hint}>
        <StatusIcon name={status.icon} />
        <span>{status.word}</span>
      </p>
      {!compact && (
        <dl className="device-ids">
          {device.serialNumber && (
            <>
              <dt>Serial</dt>
              <dd>{device.serialNumber}</dd>
            </>
          )}
          <dt>ECID</dt>
          <dd>{device.ecid}</dd>
        </dl>
      )}
      {onUnplug && (
        <button type="button" className="device-unplug" onClick={() => onUnplug(device)} aria-label={`Unplug ${label}${device.portLabel ? ` at ${device.portLabel}` : ''}`}>
          Unplug
        </button>
      )}
    </article>
  );
}
