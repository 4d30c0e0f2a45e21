/**
 * The two buttons that open the Preflight and the Settings panels, always one click away at the top right
 * of the bench, whatever screen it shows.
 */
import { useState } from 'react';
import type { BenchApi } from '../../preload/contract';
import { SettingsPanel } from '../settings/settings-panel';
import { PreflightPanel } from './preflight-panel';

type Open = 'preflight' | 'settings' | undefined;

export function BenchPanelButtons({ api }: { readonly api: BenchApi }) {
  const [open, setOpen] = useState<Open>();
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
      {open === 'settings' && <SettingsPanel api={api} onClose={() => setOpen(undefined)} />}
    </>
  );
}
