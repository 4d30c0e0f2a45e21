/**
 * A full cart's device in full: the whole card (instruction with its picture, error and fix, every action,
 * facts, identifiers) over the grid. A modal (renderer/ui/modal-frame.tsx): focus moves to Close, stays inside,
 * and Escape or Close returns it to the card.
 */
import { useRef } from 'react';
import type { Ecid } from '../../preload/domain';
import { ModalFrame } from '../ui/modal-frame';
import { ConnectedDeviceCard } from './connected-device-card';

export function DeviceDetails({ ecid, onClose }: { readonly ecid: Ecid; readonly onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  return (
    <ModalFrame
      label={{ ariaLabel: 'Device details' }}
      onClose={onClose}
      backdropClass="device-details-backdrop"
      dialogClass="device-details-dialog"
      initialFocus={close}
    >
      <ConnectedDeviceCard ecid={ecid} compact={false} />
      <button type="button" ref={close} className="device-details-close" onClick={onClose}>
        Close
      </button>
    </ModalFrame>
  );
}
