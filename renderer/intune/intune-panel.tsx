/**
 * Settings › Intune: the app registration checklist, tenant and client ID, connect (browser sign-in on this
 * Mac) and disconnect, the tenant's Apple Configurator profiles with Pull, the refresh interval and the
 * connection's status, including a failed refresh's banner. No token ever reaches this screen.
 */
import { useCallback, useEffect, useState } from 'react';
import type { BenchApi } from '../../preload/contract';
import type { ErrorInfo, Result } from '../../preload/domain';
import type { IntuneCloudName, IntuneProfileView, IntuneStatusView } from '../../preload/intune-domain';
import { PanelDialog } from '../preflight/panel-dialog';
import { SettingsField } from '../settings/settings-field';
import { IntuneChecklist } from './intune-checklist';
import { IntunePushToggle } from './intune-push-toggle';
import { CLOUD_CHOICES, statusRows } from './intune-format';
import './intune-panel.css';

export type IntuneApi = Pick<
  BenchApi,
  | 'getIntuneStatus'
  | 'connectIntune'
  | 'disconnectIntune'
  | 'listIntuneProfiles'
  | 'pullIntuneProfile'
  | 'setIntuneRefreshDays'
  | 'setIntunePushSerials'
>;

export function IntunePanel({ api, onClose }: { readonly api: IntuneApi; readonly onClose: () => void }) {
  const [status, setStatus] = useState<IntuneStatusView>();
  const [failure, setFailure] = useState<ErrorInfo>();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [profiles, setProfiles] = useState<readonly IntuneProfileView[]>();
  const [tenantId, setTenantId] = useState('');
  const [clientId, setClientId] = useState('');
  const [cloud, setCloud] = useState<IntuneCloudName>('global');
  const [tryCloud, setTryCloud] = useState(false);
  const [days, setDays] = useState(7);

  const showStatus = useCallback((next: IntuneStatusView) => {
    setStatus(next);
    setDays(next.refreshDays);
  }, []);

  useEffect(() => {
    void api.getIntuneStatus().then((r) => (r.ok ? showStatus(r.value) : setFailure(r.error)));
  }, [api, showStatus]);

  /** Runs one request; a refusal is shown in the bench's words, nothing else changes. */
  const run = async <T,>(request: () => Promise<Result<T>>, done: (value: T) => void): Promise<void> => {
    setBusy(true);
    setNote('');
    const result = await request();
    setBusy(false);
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    setFailure(undefined);
    done(result.value);
  };

  const refreshStatus = () => api.getIntuneStatus().then((r) => r.ok && showStatus(r.value));
  const confirmedCloud = CLOUD_CHOICES.find((c) => c.name === cloud)?.confirmed ?? false;

  return (
    <PanelDialog title="Intune" onClose={onClose}>
      {failure && (
        <p className="panel-error" role="alert">
          <strong>{failure.title}.</strong> {failure.detail}
        </p>
      )}
      {status?.banner && (
        <p className="panel-error intune-banner" role="alert">
          <strong>{status.banner.title}.</strong> {status.banner.detail}
        </p>
      )}
      {note && (
        <p className="panel-note" role="status">
          {note}
        </p>
      )}
      {!status ? (
        !failure && <p>Reading the Intune connection…</p>
      ) : !status.connected ? (
        <>
          <p>
            File import stays available. Connecting lets the bench fetch the Apple Configurator profile from
            Intune and keep a fresh copy (re-pulled every {status.refreshDays} days and before a cart).
          </p>
          <IntuneChecklist />
          <form
            className="settings-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void run(
                () =>
                  api.connectIntune({
                    tenantId: tenantId.trim(),
                    clientId: clientId.trim(),
                    cloud,
                    ...(tryCloud ? { allowUnconfirmedCloud: true } : {}),
                  }),
                (next) => {
                  showStatus(next);
                  setNote('Connected to Intune.');
                },
              );
            }}
          >
            <SettingsField label="Directory (tenant) ID">
              {({ id, describedBy }) => (
                <input
                  id={id}
                  type="text"
                  value={tenantId}
                  aria-describedby={describedBy}
                  onChange={(e) => setTenantId(e.target.value)}
                />
              )}
            </SettingsField>
            <SettingsField label="Application (client) ID">
              {({ id, describedBy }) => (
                <input
                  id={id}
                  type="text"
                  value={clientId}
                  aria-describedby={describedBy}
                  onChange={(e) => setClientId(e.target.value)}
                />
              )}
            </SettingsField>
            <SettingsField
              label="Cloud"
              hint={confirmedCloud ? undefined : 'Not confirmed yet with a real tenant in this cloud.'}
            >
              {({ id, describedBy }) => (
                <select
                  id={id}
                  value={cloud}
                  aria-describedby={describedBy}
                  onChange={(e) => setCloud(e.target.value as IntuneCloudName)}
                >
                  {CLOUD_CHOICES.map((c) => (
                    <option key={c.name} value={c.name}>
                      {c.label}
                      {c.confirmed ? '' : ' (not confirmed)'}
                    </option>
                  ))}
                </select>
              )}
            </SettingsField>
            {!confirmedCloud && (
              <label className="intune-check">
                <input type="checkbox" checked={tryCloud} onChange={(e) => setTryCloud(e.target.checked)} />{' '}
                Try this cloud anyway
              </label>
            )}
            <button type="submit" className="primary" disabled={busy || !tenantId.trim() || !clientId.trim()}>
              {busy ? 'Waiting for the sign-in in your browser…' : 'Sign in with Microsoft'}
            </button>
          </form>
        </>
      ) : (
        <>
          <dl className="profile-details intune-status">
            {statusRows(status).map(([term, value]) => (
              <div key={term} className="profile-detail">
                <dt>{term}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <div className="intune-actions">
            <button
              type="button"
              disabled={busy}
              onClick={() => void run(() => api.listIntuneProfiles(), setProfiles)}
            >
              {profiles ? 'List the profiles again' : 'List the Apple Configurator profiles'}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void run(
                  () => api.disconnectIntune(),
                  (next) => {
                    showStatus(next);
                    setProfiles(undefined);
                    setNote('Disconnected; the saved sign-in was deleted. The current profile stays.');
                  },
                )
              }
            >
              Disconnect
            </button>
          </div>
          {profiles && (
            <ul className="intune-profiles" aria-label="Apple Configurator profiles in Intune">
              {profiles.length === 0 && <li>The tenant has no Apple Configurator profiles.</li>}
              {profiles.map((p) => (
                <li key={p.id} className={p.refusal ? 'intune-refused' : undefined}>
                  <div>
                    <strong>{p.name}</strong>
                    {status.selected?.id === p.id && <span className="intune-current"> (current)</span>}
                    {p.description && <p className="settings-hint">{p.description}</p>}
                    {p.refusal && <p className="settings-error">{p.refusal}</p>}
                  </div>
                  <button
                    type="button"
                    disabled={busy || Boolean(p.refusal)}
                    onClick={() =>
                      void run(
                        () => api.pullIntuneProfile({ profileId: p.id }),
                        (pulled) => {
                          setNote(
                            `Pulled “${p.name}”: ${pulled.profile.headline}${pulled.unchanged ? ' Intune returned the same file as before, so its age still counts from the first fetch.' : ''}`,
                          );
                          void refreshStatus();
                        },
                      )
                    }
                  >
                    Pull
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form
            className="settings-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void run(
                () => api.setIntuneRefreshDays({ days }),
                (next) => {
                  showStatus(next);
                  setNote(`The profile is re-pulled every ${next.refreshDays} days.`);
                },
              );
            }}
          >
            <SettingsField label="Re-pull every (days)" hint="Intune’s file lasts 14 days; 1 to 13.">
              {({ id, describedBy }) => (
                <input
                  id={id}
                  type="number"
                  min={1}
                  max={13}
                  value={days}
                  aria-describedby={describedBy}
                  onChange={(e) => setDays(Number(e.target.value))}
                />
              )}
            </SettingsField>
            <button type="submit" disabled={busy}>
              Save interval
            </button>
          </form>
          {status && <IntunePushToggle api={api} status={status} onStatus={showStatus} />}
        </>
      )}
    </PanelDialog>
  );
}
