/**
 * The two buttons that open the Preflight and the Settings panels, at the top right of the bench, whatever
 * screen it shows (and ⌘, / the app menu from anywhere).
 */
import { useEffect, useState } from 'react';
import type { BenchApi } from '../../preload/contract';
import { IntunePanel } from '../intune/intune-panel';
import { SettingsPanel } from '../settings/settings-panel';
import { PreflightPanel } from './preflight-panel';

type Open = 'preflight' | 'settings' | 'intune' | undefined;

export interface BenchPanelButtonsProps {
  readonly api: BenchApi;
  /** The heavy-step cap in force while the bench has lowered it below the setting; Settings says so. */
  readonly capInForce?: number | undefined;
}

export function BenchPanelButtons({ api, capInForce }: BenchPanelButtonsProps) {
  const [open, setOpen] = useState<Open>();
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
        <SettingsPanel
          api={api}
          capInForce={capInForce}
          onClose={() => setOpen(undefined)}
          onOpenIntune={() => setOpen('intune')}
        />
      )}
      {open === 'intune' && <IntunePanel api={api} onClose={() => setOpen('settings')} />}
    </>
  );
}
