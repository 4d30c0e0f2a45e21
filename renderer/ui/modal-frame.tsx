/**
 * The one modal frame every dialog over the bench uses (settings, preflight, Intune, a device in full).
 *
 * Rules it keeps, so no dialog has to remember them:
 * - it is rendered beside the page (a portal on <body>), and the page under it is `inert` while it is open: no
 *   click, no Tab and no screen reader reaches the cards behind a dialog;
 * - focus moves in on open (to `initialFocus`, else the heading), Tab and Shift+Tab stay inside, and focus
 *   returns to whatever opened it on close;
 * - Escape closes it even when focus has left it (a pressed button that went away leaves focus on <body>);
 * - a press on the backdrop closes it.
 */
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';

export interface ModalFrameProps {
  /** The heading's id (`aria-labelledby`), or a label when the dialog has no heading. */
  readonly label: { readonly labelledBy: string } | { readonly ariaLabel: string };
  readonly onClose: () => void;
  readonly backdropClass: string;
  readonly dialogClass: string;
  /** Where focus goes on open; the first heading when absent. */
  readonly initialFocus?: RefObject<HTMLElement | null>;
  readonly children: ReactNode;
}

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [href], [tabindex="0"]';

/** How many modals hold the page inert: nested dialogs release it only when the last one closes. */
let holds = 0;

function holdPageInert(): () => void {
  const page = document.getElementById('root');
  holds += 1;
  page?.setAttribute('inert', '');
  return () => {
    holds -= 1;
    if (holds === 0) page?.removeAttribute('inert');
  };
}

/** Tab from the last item goes to the first, Shift+Tab from the first (or the heading) to the last. */
function keepTabInside(e: React.KeyboardEvent, box: HTMLElement): void {
  if (e.key !== 'Tab') return;
  const items = [...box.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) {
    e.preventDefault();
    return;
  }
  const active = document.activeElement;
  const atStart = active === first || active === box || active === box.querySelector('h2');
  if (e.shiftKey && atStart) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (active === last || !box.contains(active))) {
    e.preventDefault();
    first.focus();
  }
}

export function ModalFrame({
  label,
  onClose,
  backdropClass,
  dialogClass,
  initialFocus,
  children,
}: ModalFrameProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const release = holdPageInert();
    (initialFocus?.current ?? box.current?.querySelector<HTMLElement>('h2') ?? box.current)?.focus();
    return () => {
      release();
      opener?.focus();
    };
    // Focus moves once, on open; a later change of the ref must not pull focus back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  const naming =
    'labelledBy' in label ? { 'aria-labelledby': label.labelledBy } : { 'aria-label': label.ariaLabel };
  return createPortal(
    <div className={backdropClass} onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={box}
        className={dialogClass}
        role="dialog"
        aria-modal="true"
        tabIndex={-1}
        {...naming}
        onKeyDown={(e) => box.current && keepTabInside(e, box.current)}
      >
        {children}
      </div>
    </div>,
    document.body,
  );
}
