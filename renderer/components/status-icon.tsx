import type { StatusIconName } from './device-status';

const paths: Readonly<Record<StatusIconName, string>> = {
  check: 'M5 12.5l4.5 4.5L19 7.5',
  warning: 'M12 3.5L2.5 20h19L12 3.5zM12 10v4.5M12 17.2v.3',
  question: 'M9 9.2a3 3 0 1 1 4.2 2.8c-.8.4-1.2 1-1.2 1.9v.6M12 17.6v.3',
};

/** Inline SVG, so the icon renders without fonts or image requests (the CSP allows neither from elsewhere). */
export function StatusIcon({ name }: { readonly name: StatusIconName }) {
  return (
    <svg className="status-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {name === 'question' && <circle cx="12" cy="12" r="9.5" />}
      <path d={paths[name]} />
    </svg>
  );
}

/** The Mac's eject symbol, for the compact Unplug button (its accessible name comes from aria-label). */
export function EjectIcon() {
  return (
    <svg className="eject-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M12 4l8 9H4z M4 17h16v3H4z" />
    </svg>
  );
}
