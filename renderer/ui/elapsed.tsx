/**
 * Time since a job started, ticking once a second in its own tiny component, so the clock re-renders one
 * span and never the card around it.
 */
import { useEffect, useState } from 'react';

/** `1:05`, `12:40`, `1:02:03`. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export function Elapsed({ since }: { readonly since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <span className="device-elapsed" aria-label={`${formatElapsed(now - since)} elapsed`}>
      {formatElapsed(now - since)}
    </span>
  );
}
