/**
 * The failed-refresh banner on the bench itself: when the bench could not re-pull the Intune profile, the
 * operator sees why and how many days the kept copy has left without opening Settings. Re-read when the
 * profile changes and every minute (the status is cheap: no Graph call).
 */
import { useEffect, useState } from 'react';
import type { BenchApi } from '../../preload/contract';
import type { IntuneStatusView } from '../../preload/intune-domain';

export function IntuneBanner({ api }: { readonly api: Pick<BenchApi, 'getIntuneStatus' | 'on'> }) {
  const [banner, setBanner] = useState<IntuneStatusView['banner']>();
  useEffect(() => {
    const read = () => void api.getIntuneStatus().then((r) => setBanner(r.ok ? r.value.banner : undefined));
    read();
    const timer = setInterval(read, 60_000);
    const off = api.on('profileChanged', read);
    return () => {
      clearInterval(timer);
      off();
    };
  }, [api]);
  if (!banner) return null;
  return (
    <div className="notice notice-warning" role="alert">
      <strong>{banner.title}.</strong> <span className="notice-detail">{banner.detail}</span>
    </div>
  );
}
