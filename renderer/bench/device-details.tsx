/**
 * A full cart's device in full: the whole card (instruction with its picture, error and fix, every action,
 * facts, identifiers) over the grid. Modal: focus moves in, Escape or Close returns it to the card.
 */
import { useEffect, useRef } from 'react';
import type { Ecid } from '../../preload/domain';
import { ConnectedDeviceCard } from './connected-device-card';

export function DeviceDetails({ ecid, onClose }: { readonly ecid: Ecid; readonly onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => opener?.focus();
  }, []);
  return (
    <div className="device-details-backdrop" onClick={onClose}>
      <div
        className="device-details-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Device details"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <ConnectedDeviceCard ecid={ecid} compact={false} />
        <button type="button" ref={close} className="device-details-close" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
