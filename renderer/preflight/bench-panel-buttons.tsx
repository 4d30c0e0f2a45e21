/**
 * The two buttons that open the Preflight and the Settings panels, always one click away at the top right
 * of the bench, whatever screen it shows.
 */
import { useEffect, useState } from 'react';
import type { BenchApi } from '../../preload/contract';
import { SettingsPanel } from '../settings/settings-panel';
import { useBench } from '../state/bench-store';
import { PreflightPanel } from './preflight-panel';

type Open = 'preflight' | 'settings' | undefined;

export function BenchPanelButtons({ api }: { readonly api: BenchApi }) {
  const [open, setOpen] = useState<Open>();
  // Below the setting only while the bench has lowered the cap; Settings says so beside the field.
  const capInForce = useBench((s) =>
    s.run?.concurrencySetting !== undefined && s.run.concurrency < s.run.concurrencySetting
      ? s.run.concurrency
      : undefined,
  );
  // The Mac menu bar's Settings… (⌘,) and Preflight… open the same panels as these buttons.
  useEffect(
    () => api.onMenuCommand?.((command) => setOpen(command === 'open-settings' ? 'settings' : 'preflight')),
    [api],
  );
  return (
    <>
      <nav className="bench-panel-buttons" aria-label="Bench tools">
        <button type="button" aria-haspopup="dialog" onClick={() => setOpen('preflight')}>
          Preflight
        </button>
        <button type="button" aria-haspopup="dialog" onClick={() => setOpen('settings')}>
          Settings
        </button>
      </nav>
      {open === 'preflight' && <PreflightPanel api={api} onClose={() => setOpen(undefined)} />}
      {open === 'settings' && (
        <SettingsPanel api={api} capInForce={capInForce} onClose={() => setOpen(undefined)} />
      )}
    </>
  );
}
