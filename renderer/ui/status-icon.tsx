/** The icons a status is drawn with; the word and the colour come with them (../bench/device-status.ts). */
export type StatusTone = 'ready' | 'attention' | 'unknown';
export type StatusIconName = 'check' | 'warning' | 'question' | 'clock' | 'spinner' | 'hand' | 'cross';

const paths: Readonly<Record<StatusIconName, string>> = {
  check: 'M5 12.5l4.5 4.5L19 7.5',
  warning: 'M12 3.5L2.5 20h19L12 3.5zM12 10v4.5M12 17.2v.3',
  question: 'M9 9.2a3 3 0 1 1 4.2 2.8c-.8.4-1.2 1-1.2 1.9v.6M12 17.6v.3',
  clock: 'M12 7v5l3.5 2',
  spinner: 'M12 3a9 9 0 1 1-9 9',
  hand: 'M8 13V6a1.5 1.5 0 0 1 3 0v5M11 11V4.5a1.5 1.5 0 0 1 3 0V11M14 11V6a1.5 1.5 0 0 1 3 0v7c0 4-2.5 7-6 7-2.5 0-4-1.5-5.5-4L4 13a1.5 1.5 0 0 1 2.5-1.5L8 13',
  cross: 'M6.5 6.5l11 11M17.5 6.5l-11 11',
};

/** Inline SVG, so the icon renders without fonts or image requests (the CSP allows neither from elsewhere). */
export function StatusIcon({ name }: { readonly name: StatusIconName }) {
  return (
    <svg className="status-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {(name === 'question' || name === 'clock') && <circle cx="12" cy="12" r="9.5" />}
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
