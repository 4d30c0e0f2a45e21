/**
 * A panel over the bench (preflight, settings, Intune): a titled modal with its buttons at the foot. Focus,
 * Escape, the backdrop and the inert page are the modal frame's (renderer/ui/modal-frame.tsx).
 */
import { useId, type ReactNode } from 'react';
import { ModalFrame } from '../ui/modal-frame';
import './panels.css';

export interface PanelDialogProps {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** Buttons at the foot, beside Close. */
  readonly actions?: ReactNode;
}

export function PanelDialog({ title, onClose, children, actions }: PanelDialogProps) {
  const titleId = useId();
  return (
    <ModalFrame
      label={{ labelledBy: titleId }}
      onClose={onClose}
      backdropClass="panel-backdrop"
      dialogClass="panel-dialog"
    >
      <h2 id={titleId} tabIndex={-1}>
        {title}
      </h2>
      <div className="panel-body">{children}</div>
      <div className="panel-actions">
        {actions}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </ModalFrame>
  );
}
