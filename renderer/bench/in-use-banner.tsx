/**
 * "Erase the N in-use devices on this bench": one answer for a whole returned cart (issue 19 item 4). Shown
 * only while some job waits on the in-use question. Erasing cannot be undone, so the button opens a dialog that
 * names every device it will erase (its own name and serial); the bench still checks the ignore list and the
 * other organization before each erase is sent.
 */
import { useMemo, useState } from 'react';
import { countStateOf } from '../../preload/counts';
import type { Device } from '../../preload/domain';
import type { JobView } from '../../preload/jobs-domain';
import { PanelDialog } from '../preflight/panel-dialog';
import { useBench } from '../state/bench-store';

export interface InUseDevice {
  readonly ecid: string;
  readonly name: string;
  readonly serial: string;
}

/** The jobs held at the in-use question, with the name the device came with and its serial. */
export function inUseDevices(
  jobs: Readonly<Record<string, JobView>>,
  devices: readonly Device[],
): InUseDevice[] {
  return (
    Object.values(jobs)
      // The counter's own rule (preload/counts.ts `inUse`), so this banner's number is the counts' number.
      .filter((j) => countStateOf(j.phase) === 'needs-you' && j.waiting?.reason === 'in-use')
      .map((j) => {
        const device = devices.find((d) => d.ecid === j.ecid);
        return {
          ecid: j.ecid,
          name: j.deviceName ?? device?.name ?? device?.model ?? 'Unnamed device',
          serial: j.serialNumber ?? device?.serialNumber ?? j.ecid,
        };
      })
  );
}

export function InUseBanner({ onEraseAll }: { readonly onEraseAll: () => void }) {
  const jobs = useBench((s) => s.jobs);
  const devices = useBench((s) => s.devices);
  const held = useMemo(() => inUseDevices(jobs, devices), [jobs, devices]);
  const [confirming, setConfirming] = useState(false);
  if (held.length === 0) return null;
  const label = `Erase the ${held.length} in-use device${held.length === 1 ? '' : 's'} on this bench`;
  return (
    <div className="in-use-banner" role="region" aria-label="Devices in use">
      <span>
        {held.length === 1 ? 'One device is' : `${held.length} devices are`} in use: each waits for your Erase
        or Skip.
      </span>
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        {label}
      </button>
      {confirming && (
        <PanelDialog
          title={`${label}?`}
          onClose={() => setConfirming(false)}
          actions={
            <button
              type="button"
              className="danger"
              onClick={() => {
                setConfirming(false);
                onEraseAll();
              }}
            >
              Erase {held.length}
            </button>
          }
        >
          <p>
            Everything on these devices is lost. A device on the ignore list or managed by another
            organization is still not erased.
          </p>
          <ul className="in-use-list">
            {held.map((d) => (
              <li key={d.ecid}>
                {d.name} · serial {d.serial}
              </li>
            ))}
          </ul>
        </PanelDialog>
      )}
    </div>
  );
}
