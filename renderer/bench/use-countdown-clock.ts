/** The wall clock, ticking four times a second only while a card counts down (otherwise frozen). */
import { useEffect, useState } from 'react';

export function useCountdownClock(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}
