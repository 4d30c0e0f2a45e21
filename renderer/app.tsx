/**
 * The bench screen. The only component that talks to the bench: everything below it is presentational.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { BenchApi } from '../preload/contract';
import type { Device, ErrorInfo, Result, SimulatorAction } from '../preload/domain';
import { BenchHeader } from './components/bench-header';
import { DeviceGrid } from './components/device-grid';
import { EmptyBench } from './components/empty-bench';
import { LiveRegion } from './components/live-region';
import { ConnectionNotice, ErrorNotice, WatcherNotice } from './components/notices';
import { PreflightScreen } from './components/preflight-screen';
import { BenchPanelButtons } from './preflight/bench-panel-buttons';
import { SimControls } from './components/sim-controls';
import { SimulationBanner } from './components/simulation-banner';
import { useBenchState, type BenchStore } from './state/bench-store';

export interface AppProps {
  readonly api: BenchApi;
  readonly store: BenchStore;
  /** Set-up panels shown above the devices (the enrollment profile and supervision identity cards). */
  readonly panels?: ReactNode;
}

export function App({ api, store, panels }: AppProps) {
  const state = useBenchState(store);
  const [actionError, setActionError] = useState<ErrorInfo>();

  useEffect(() => store.start(), [store]);

  // Every action reports failure the same way: a dismissible notice with the bench's own words.
  const run = useCallback((action: () => Promise<Result<unknown>>) => {
    setActionError(undefined);
    void action().then((result) => {
      if (!result.ok) setActionError(result.error);
    });
  }, []);
  const simulate = useCallback((action: SimulatorAction) => run(() => api.simulate(action)), [api, run]);
  const unplug = useCallback((device: Device) => simulate({ type: 'detach', ecid: device.ecid }), [simulate]);

  const engine = state.engine;
  const simulated = engine?.kind === 'simulator';

  let body: ReactNode;
  if (!state.loaded) {
    body = state.loadError ? (
      <ErrorNotice error={state.loadError} onRetry={() => void store.refresh()} />
    ) : (
      <p className="loading">Connecting to the bench…</p>
    );
  } else if (engine?.kind === 'missing') {
    body = (
      <PreflightScreen
        searched={engine.searched}
        onUseSimulator={() => run(() => api.useSimulator())}
        onRecheck={() => run(() => api.recheckEngine())}
        onChoosePath={(path) => run(() => api.chooseCfgutil({ path }))}
      />
    );
  } else if (state.devices.length === 0) {
    body = <EmptyBench simulated={simulated} />;
  } else {
    body = <DeviceGrid devices={state.devices} onUnplug={simulated ? unplug : undefined} />;
  }

  return (
    <div className={`bench${state.connection === 'lost' || state.connection === 'expired' ? ' stale' : ''}`}>
      <BenchHeader devices={state.devices} connection={state.connection} />
      <BenchPanelButtons api={api} />
      {engine?.kind === 'simulator' && <SimulationBanner reason={engine.reason} />}
      <ConnectionNotice connection={state.connection} />
      <WatcherNotice watcher={state.watcher} />
      {actionError && <ErrorNotice error={actionError} onDismiss={() => setActionError(undefined)} />}
      {(simulated || panels) && (
        // One row for the simulator buttons and the folded set-up strip: a cart of 40 has no height to spare.
        <div className="bench-toolbar">
          {simulated && <SimControls onAction={simulate} deviceCount={state.devices.length} />}
          {panels && (
            <section className="bench-panels" aria-label="Enrollment set-up">
              {panels}
            </section>
          )}
        </div>
      )}
      <main className="bench-main" aria-label="Devices">
        {body}
      </main>
      <LiveRegion message={state.announcement} />
    </div>
  );
}
