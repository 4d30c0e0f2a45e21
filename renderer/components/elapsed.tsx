/**
 * Time since a job started, ticking once a second in its own tiny component, so the clock re-renders one
 * span and never the card around it.
 */
import { useEffect, useState } from 'react';
import { formatElapsed } from './job-status';

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
