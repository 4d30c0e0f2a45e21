/**
 * The preflight panel: every check the bench can make before a run (cfgutil, its version and signature, the
 * Automation Tools, the supervision identity, the profile, disk space, restore leftovers, the Internet),
 * each with what was found and the fix. Runs the checks when opened and on "Check again".
 */
import { useCallback, useEffect, useState } from 'react';
import type { BenchApi } from '../../preload/contract';
import type { ErrorInfo, Result } from '../../preload/domain';
import type { CleanLeftoversOutcome, PreflightReport, PreflightStatus } from '../../preload/preflight-domain';
import { LeftoversSection } from './leftovers-section';
import { PanelDialog } from './panel-dialog';
import { PreflightChecklist } from './preflight-checklist';

export interface PreflightPanelProps {
  readonly api: Pick<BenchApi, 'getPreflight' | 'cleanRestoreLeftovers'>;
  readonly onClose: () => void;
}

const summary: Readonly<Record<PreflightStatus, string>> = {
  ok: 'Everything is ready.',
  warning: 'Ready, with warnings below.',
  problem: 'Not ready: fix the problems below.',
};

export function PreflightPanel({ api, onClose }: PreflightPanelProps) {
  const [report, setReport] = useState<PreflightReport>();
  const [error, setError] = useState<ErrorInfo>();
  const [busy, setBusy] = useState(true);
  const [outcome, setOutcome] = useState<CleanLeftoversOutcome>();

  const apply = useCallback((result: Result<PreflightReport>) => {
    if (result.ok) {
      setReport(result.value);
      setError(undefined);
    } else setError(result.error);
    setBusy(false);
  }, []);

  // The checks run as soon as the panel opens; "Check again" runs them anew.
  useEffect(() => {
    void api.getPreflight().then(apply);
  }, [api, apply]);

  const check = async () => {
    setBusy(true);
    apply(await api.getPreflight());
  };

  const clean = async (names: readonly string[]) => {
    setBusy(true);
    const result = await api.cleanRestoreLeftovers({ names });
    if (result.ok) setOutcome(result.value);
    else setError(result.error);
    await check();
  };

  return (
    <PanelDialog
      title="Preflight"
      onClose={onClose}
      actions={
        <button type="button" className="primary" disabled={busy} onClick={() => void check()}>
          {busy ? 'Checking…' : 'Check again'}
        </button>
      }
    >
      <p className={`preflight-summary${report ? ` status-${report.overall}` : ''}`} role="status">
        {report ? summary[report.overall] : 'Checking…'}
      </p>
      {error && (
        <p className="panel-error" role="alert">
          <strong>{error.title}.</strong> {error.detail}
        </p>
      )}
      {report && (
        <>
          <PreflightChecklist checks={report.checks} />
          {report.leftovers && (
            <LeftoversSection
              leftovers={report.leftovers}
              busy={busy}
              {...(outcome ? { outcome } : {})}
              onDelete={(names) => void clean(names)}
            />
          )}
          <p className="preflight-time">Checked at {new Date(report.checkedAt).toLocaleTimeString()}.</p>
        </>
      )}
    </PanelDialog>
  );
}
