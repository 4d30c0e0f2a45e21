import type { Device } from '../../preload/domain';
import { deviceLabel } from '../state/bench-state';
import { describeMode } from './device-status';
import { EjectIcon, StatusIcon } from './status-icon';

export interface DeviceCardProps {
  readonly device: Device;
  /** Two-line layout without identifiers, for a full cart (see styles.css, "compact"). */
  readonly compact?: boolean;
  /** Present only in simulation: unplug this simulated device. */
  readonly onUnplug?: (device: Device) => void;
}

export function DeviceCard({ device, compact = false, onUnplug }: DeviceCardProps) {
  const status = describeMode(device.mode);
  const label = deviceLabel(device);
  const model = device.model ?? device.deviceType;
  // A device still called by its family name ("iPad") says more as its model ("iPad (10th generation)"),
  // and a compact card has room for one line only.
  const title = model && model.startsWith(`${label} `) ? model : label;
  const headingId = `device-${device.ecid}`;
  return (
    <article
      className={`device-card tone-${status.tone}${compact ? ' compact' : ''}`}
      aria-labelledby={headingId}
      data-ecid={device.ecid}
    >
      <p className="device-port">{device.portLabel ?? 'Port unknown'}</p>
      <div className="device-what" title={model && model !== title ? `${title} · ${model}` : title}>
        <h3 className="device-name" id={headingId}>
          {title}
        </h3>
        {model && model !== title && <p className="device-model">{model}</p>}
      </div>
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
        <button
          type="button"
          className="device-unplug"
          onClick={() => onUnplug(device)}
          aria-label={`Unplug ${label}${device.portLabel ? ` at ${device.portLabel}` : ''}`}
          title="Unplug"
        >
          {/* A compact card has no room for the word beside the port label, which must never be cut. */}
          {compact ? <EjectIcon /> : 'Unplug'}
        </button>
      )}
    </article>
  );
}
