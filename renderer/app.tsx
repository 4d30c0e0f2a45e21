/**
 * The bench screen. The only component that calls the bench: everything below it reads its own slice of the
 * store (useBench) and hands actions back up. A device's refusal goes on its card; the global notice keeps
 * only what belongs to the whole bench (arming, the workflow, the simulator toolbar).
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { BenchApi } from '../preload/contract';
import type { Device, Ecid, ErrorInfo, Result, SimulatorAction } from '../preload/domain';
import type { JobAction, JobPhase, OperatorReason } from '../preload/jobs-domain';
import { BenchHeader } from './bench/bench-header';
import { BenchTabs, tabWords, type BenchTab } from './bench/bench-tabs';
import { CardActionsContext, type CardActions } from './bench/card-actions';
import { DeviceDetails } from './bench/device-details';
import { DeviceGrid } from './bench/device-grid';
import { EmptyBench } from './bench/empty-bench';
import { LiveRegion } from './ui/live-region';
import { NotifyButton } from './bench/notify-button';
import { LogView } from './log/log-view';
import { ConnectionNotice, ErrorNotice, RunNotices, WatcherNotice } from './bench/notices';
import { CfgutilMissingScreen } from './setup/cfgutil-missing-screen';
import { CartDoneStrip, ResultsView } from './bench/results-view';
import { InUseBanner } from './bench/in-use-banner';
import { BenchPanelButtons } from './preflight/bench-panel-buttons';
import { IntuneBanner } from './intune/intune-banner';
import { SimControls } from './simulator/sim-controls';
import { SimulationBanner } from './simulator/simulation-banner';
import { BenchStoreContext, useBench, type BenchStore } from './state/bench-store';
import { benchDevices } from './state/bench-devices';
import { WorkflowEditor } from './workflows/workflow-editor';

export interface AppProps {
  readonly api: BenchApi;
  readonly store: BenchStore;
  /** Set-up panels shown above the devices (the enrollment profile and supervision identity cards). */
  readonly panels?: ReactNode;
}

export function App(props: AppProps) {
  return (
    <BenchStoreContext.Provider value={props.store}>
      <BenchScreen {...props} />
    </BenchStoreContext.Provider>
  );
}

function BenchScreen({ api, store, panels }: AppProps) {
  const loaded = useBench((s) => s.loaded);
  const loadError = useBench((s) => s.loadError);
  const engine = useBench((s) => s.engine);
  const connection = useBench((s) => s.connection);
  const watcher = useBench((s) => s.watcher);
  const recordingProblem = useBench((s) => s.run?.recordingProblem);
  const concurrencyNote = useBench((s) => s.run?.concurrencyNote);
  const capInForce = useBench((s) => s.run?.concurrency);
  const capSetting = useBench((s) => s.run?.concurrencySetting);
  const paused = useBench((s) => s.run?.paused === true);
  const announcement = useBench((s) => s.announcement);
  // The bench's devices, restarting ones included: a cart whose devices all restart at once is not empty.
  const deviceCount = useBench((s) => benchDevices(s).length);
  const attachedCount = useBench((s) => s.devices.length);
  const [actionError, setActionError] = useState<ErrorInfo>();
  const [tab, setTab] = useState<BenchTab>('bench');
  const [details, setDetails] = useState<Ecid>();

  useEffect(() => store.start(), [store]);

  // Bench-wide actions report failure in the one global notice, in the bench's own words.
  const run = useCallback((action: () => Promise<Result<unknown>>) => {
    setActionError(undefined);
    void action().then((result) => {
      if (!result.ok) setActionError(result.error);
    });
  }, []);
  // A device's actions report failure on its own card.
  const onDevice = useCallback(
    (ecid: Ecid, action: () => Promise<Result<unknown>>) => {
      store.setCardError(ecid, undefined);
      void action().then((result) => {
        if (!result.ok) store.setCardError(ecid, result.error);
      });
    },
    [store],
  );
  const simulated = engine?.kind === 'simulator';
  const cardActions = useMemo<CardActions>(
    () => ({
      onJobAction: (ecid: Ecid, action: JobAction, answers?: OperatorReason) =>
        onDevice(ecid, () => api.jobAction({ ecid, action, ...(answers ? { answers } : {}) })),
      onDismissError: (ecid: Ecid) => store.setCardError(ecid, undefined),
      runJobAction: async (ecid: Ecid, action: JobAction, seen?: JobPhase) => {
        store.setCardError(ecid, undefined);
        const result = await api.jobAction({ ecid, action, ...(seen ? { seen } : {}) });
        if (!result.ok) store.setCardError(ecid, result.error);
        return result;
      },
      onDetails: setDetails,
      ...(simulated
        ? {
            onSimulate: (action: SimulatorAction) =>
              'ecid' in action
                ? onDevice(action.ecid, () => api.simulate(action))
                : run(() => api.simulate(action)),
            onUnplug: (device: Device) =>
              onDevice(device.ecid, () => api.simulate({ type: 'detach', ecid: device.ecid })),
          }
        : {}),
    }),
    [api, store, simulated, onDevice, run],
  );
  const simulate = useCallback((action: SimulatorAction) => run(() => api.simulate(action)), [api, run]);
  const retryFailed = useCallback(() => run(() => api.retryFailed()), [api, run]);
  const eraseInUse = useCallback(() => run(() => api.answerInUse()), [api, run]);

  let body: ReactNode;
  if (!loaded) {
    body = loadError ? (
      <ErrorNotice error={loadError} onRetry={() => void store.refresh()} />
    ) : (
      <p className="loading">Connecting to the bench…</p>
    );
  } else if (engine?.kind === 'missing') {
    body = (
      <CfgutilMissingScreen
        searched={engine.searched}
        onUseSimulator={() => run(() => api.useSimulator())}
        onRecheck={() => run(() => api.recheckEngine())}
        onChoosePath={(path) => run(() => api.chooseCfgutil({ path }))}
      />
    );
  } else if (tab === 'workflows') {
    body = <WorkflowEditor api={api} onSaved={() => void store.reloadWorkflows()} />;
  } else if (tab === 'results') {
    body = <ResultsView onRetryFailed={retryFailed} onOpenLog={() => setTab('log')} />;
  } else if (tab === 'log') {
    body = <LogView api={api} />;
  } else if (deviceCount === 0) {
    body = <EmptyBench simulated={simulated} />;
  } else {
    body = (
      <>
        <InUseBanner onEraseAll={eraseInUse} />
        <CartDoneStrip onShowResults={() => setTab('results')} onRetryFailed={retryFailed} />
        <CardActionsContext.Provider value={cardActions}>
          <DeviceGrid />
          {details && deviceCount > 0 && (
            <DeviceDetails ecid={details} onClose={() => setDetails(undefined)} />
          )}
        </CardActionsContext.Provider>
      </>
    );
  }
  const showTabs = loaded && engine?.kind !== 'missing';

  return (
    <div className={`bench${connection === 'lost' || connection === 'expired' ? ' stale' : ''}`}>
      <BenchHeader
        onArm={(armed) => run(() => api.setArmed({ armed }))}
        onPause={(paused) => run(() => api.setPaused({ paused }))}
        onSelectWorkflow={(workflowId) =>
          // The choice is the next run's too: saved as the default workflow, so a restart runs the same one.
          run(async () => {
            const selected = await api.selectWorkflow({ workflowId });
            if (!selected.ok) return selected;
            return api.saveSettings({ patch: { defaultWorkflowId: workflowId } });
          })
        }
      />
      <BenchPanelButtons
        api={api}
        // Below the setting only while the bench has lowered the cap; Settings says so beside the field.
        capInForce={
          capInForce !== undefined && capSetting !== undefined && capInForce < capSetting
            ? capInForce
            : undefined
        }
      />
      {engine?.kind === 'simulator' && <SimulationBanner reason={engine.reason} />}
      <ConnectionNotice connection={connection} />
      <WatcherNotice watcher={watcher} />
      {paused && (
        <div className="notice notice-warning" role="status">
          <strong>Paused.</strong>{' '}
          <span>Steps already running finish; no new step starts until you resume.</span>
          <button
            type="button"
            className="notice-action"
            onClick={() => run(() => api.setPaused({ paused: false }))}
          >
            Resume
          </button>
        </div>
      )}
      <IntuneBanner api={api} />
      <RunNotices
        recordingProblem={recordingProblem}
        concurrencyNote={concurrencyNote}
        cap={
          capInForce !== undefined && capSetting !== undefined
            ? { inForce: capInForce, setting: capSetting }
            : undefined
        }
        // Saving the operator's own number puts the cap in force back to it (main/jobs applySettings).
        onRestoreCap={() =>
          capSetting !== undefined && run(() => api.saveSettings({ patch: { concurrency: capSetting } }))
        }
      />
      {actionError && <ErrorNotice error={actionError} onDismiss={() => setActionError(undefined)} />}
      {(showTabs || simulated || panels) && (
        // One row for the tabs, the simulator buttons and the folded set-up strip: a cart of 40 has no height to spare.
        <div className="bench-toolbar">
          {showTabs && <BenchTabs tab={tab} onTab={setTab} />}
          {/* The Mac app notifies by itself; a browser asks first (opt-in). */}
          {showTabs && !api.onMenuCommand && <NotifyButton api={api} />}
          {simulated && tab === 'bench' && <SimControls onAction={simulate} deviceCount={attachedCount} />}
          {panels && (
            <section className="bench-panels" aria-label="Enrollment set-up">
              {panels}
            </section>
          )}
        </div>
      )}
      <main className="bench-main" aria-label={showTabs && tab !== 'bench' ? tabWords[tab] : 'Devices'}>
        {showTabs ? (
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
            {body}
          </div>
        ) : (
          body
        )}
      </main>
      <LiveRegion message={announcement} />
    </div>
  );
}
