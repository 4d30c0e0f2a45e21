import type { Device } from '../../preload/domain';
import type { ConnectionState } from '../state/bench-state';

export interface BenchHeaderProps {
  readonly devices: readonly Device[];
  readonly connection: ConnectionState;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

const connectionWords: Readonly<Record<ConnectionState, string>> = {
  connecting: 'Connecting…',
  open: 'Bench online',
  lost: 'Reconnecting…',
  expired: 'Disconnected',
};

export function BenchHeader({ devices, connection }: BenchHeaderProps) {
  const needsRestore = devices.filter((d) => d.mode === 'recovery' || d.mode === 'dfu').length;
  return (
    <header className="bench-header">
      <h1>Enroll Bench</h1>
      <p className="device-count" aria-label={`${plural(devices.length, 'device')} on the bench`}>
        <strong>{devices.length}</strong> {devices.length === 1 ? 'device' : 'devices'}
        {needsRestore > 0 && <span className="count-attention"> · {needsRestore} need a restore</span>}
      </p>
      <p className={`connection connection-${connection}`}>{connectionWords[connection]}</p>
    </header>
  );
}
