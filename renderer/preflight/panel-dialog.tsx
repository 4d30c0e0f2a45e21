/**
 * A modal panel over the bench: labelled by its heading, focus moved into it on open, kept inside it with
 * Tab, returned to the button that opened it on close, and closed with Escape or the Close button.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import './panels.css';

export interface PanelDialogProps {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** Buttons at the foot, beside Close. */
  readonly actions?: ReactNode;
}

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea, [href], [tabindex="0"]';

export function PanelDialog({ title, onClose, children, actions }: PanelDialogProps) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    box.current?.querySelector<HTMLElement>('h2')?.focus();
    return () => opener?.focus();
  }, []);
  // Escape closes the panel even when focus has left it (a pressed button that went away leaves it on the page).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="panel-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={box}
        className="panel-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(e) => {
          if (e.key !== 'Tab' || !box.current) return;
          const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
          const first = items[0];
          const last = items[items.length - 1];
          if (!first || !last) return;
          if (
            e.shiftKey &&
            (document.activeElement === first || document.activeElement === box.current.querySelector('h2'))
          ) {
            e.preventDefault();
            last.focus();
          } else if (!e.shiftKey && document.activeElement === last) {
            e.preventDefault();
            first.focus();
          }
        }}
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
      </div>
    </div>
  );
}
