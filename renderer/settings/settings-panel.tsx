/**
 * The Settings panel: how many heavy steps at once, the countdown, the station's name, devices never to
 * touch, the default workflow, notifications and sound. The bench validates; a refused field shows the bench's reason
 * beside it and nothing is saved. The cfgutil path is chosen on the preflight screen, not here.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BenchApi } from '../../preload/contract';
import type { ErrorInfo } from '../../preload/domain';
import type { SettingsView } from '../../preload/preflight-domain';
import { PanelDialog } from '../preflight/panel-dialog';
import { NumberSettingsField, SettingsField } from './settings-field';
import { useFocusFirstInvalid } from '../ui/focus-first-invalid';
import { formFromView, patchFromForm, type FieldErrors, type SettingsForm } from './settings-form-state';

export interface SettingsPanelProps {
  readonly api: Pick<BenchApi, 'getSettings' | 'saveSettings'>;
  /** The heavy-step cap in force now, shown beside the setting while the bench has lowered it. */
  readonly capInForce?: number | undefined;
  readonly onClose: () => void;
  /** Opens Settings › Intune (issue 24). */
  readonly onOpenIntune?: () => void;
}

/** Said beside the setting while the bench runs fewer at once than it (devices dropped off USB). */
function capNote(inForce: number | undefined, typed: string): string {
  const setting = Number(typed);
  if (inForce === undefined || !Number.isFinite(setting) || inForce >= setting) return '';
  return ` In force now: ${inForce}, lowered by the bench after drop-offs; it steps back up by itself after a quiet spell, or press “Back to ${setting}” on the bench.`;
}

export function SettingsPanel({ api, onClose, onOpenIntune, capInForce }: SettingsPanelProps) {
  const [view, setView] = useState<SettingsView>();
  const [form, setForm] = useState<SettingsForm>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ErrorInfo>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  /** Counts refused saves: each one moves focus to the first field in error (issue 21 item 5). */
  const [refusals, setRefusals] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, refusals);

  const show = useCallback((next: SettingsView) => {
    setView(next);
    setForm(formFromView(next));
  }, []);

  useEffect(() => {
    void api.getSettings().then((result) => (result.ok ? show(result.value) : setFailure(result.error)));
  }, [api, show]);

  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => {
    setForm((current) => (current ? { ...current, [key]: value } : current));
    setStatus('');
  };

  const save = async () => {
    if (!view || !form) return;
    const patch = patchFromForm(form, formFromView(view));
    if (Object.keys(patch).length === 0) {
      setStatus('Nothing changed.');
      return;
    }
    setBusy(true);
    const result = await api.saveSettings({ patch });
    setBusy(false);
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    setFailure(undefined);
    if (!result.value.saved) {
      setErrors(Object.fromEntries(result.value.errors.map((e) => [e.field, e.message])));
      setRefusals((n) => n + 1);
      setStatus(
        `Not saved: ${result.value.errors.length === 1 ? 'one field needs' : `${result.value.errors.length} fields need`} a change.`,
      );
      return;
    }
    setErrors({});
    show(result.value.view);
    setStatus(
      'Saved. The cap, countdown, ignore list and station name apply now; the default workflow at the next start.',
    );
  };

  const limits = view?.limits;
  // One "ignore" field holds both lists; the bench's message says which one (", entry 2" after its name).
  const ecidError = errors.ignore && /\(ecids\b/.test(errors.ignore) ? errors.ignore : undefined;
  const serialError = ecidError ? undefined : errors.ignore;
  return (
    <PanelDialog
      title="Settings"
      onClose={onClose}
      actions={
        <>
          {onOpenIntune && (
            <button type="button" aria-haspopup="dialog" onClick={onOpenIntune}>
              Intune…
            </button>
          )}
          <button type="submit" form="settings-form" className="primary" disabled={!form || busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
        </>
      }
    >
      {failure && (
        <p className="panel-error" role="alert">
          <strong>{failure.title}.</strong> {failure.detail}
        </p>
      )}
      {view?.problems.map((p) => (
        <p key={p} className="panel-note">
          {p}
        </p>
      ))}
      {!form || !limits || !view ? (
        !failure && <p>Loading the settings…</p>
      ) : (
        <form
          ref={formRef}
          id="settings-form"
          className="settings-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <NumberSettingsField
            label="Heavy steps at once"
            hint={`Erase, prepare, restore and install on this many devices at a time (${limits.concurrency.min} to ${limits.concurrency.max}).${capNote(capInForce, form.concurrency)}`}
            error={errors.concurrency}
            min={limits.concurrency.min}
            max={limits.concurrency.max}
            value={form.concurrency}
            onChange={(value) => set('concurrency', value)}
          />
          <NumberSettingsField
            label="Countdown (seconds)"
            hint={`While armed, a new device waits this long, visibly, before it starts (${limits.countdownSeconds.min} to ${limits.countdownSeconds.max}).`}
            error={errors.countdownSeconds}
            min={limits.countdownSeconds.min}
            max={limits.countdownSeconds.max}
            value={form.countdownSeconds}
            onChange={(value) => set('countdownSeconds', value)}
          />
          <SettingsField
            label="Station name"
            hint={`Names this bench in the log and its exports (up to ${limits.stationNameMax} characters).`}
            error={errors.stationName}
          >
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                type="text"
                value={form.stationName}
                maxLength={limits.stationNameMax * 2}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(e) => set('stationName', e.target.value)}
              />
            )}
          </SettingsField>
          <SettingsField label="Default workflow" error={errors.defaultWorkflowId}>
            {({ id, describedBy, invalid }) => (
              <select
                id={id}
                value={form.defaultWorkflowId}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(e) => set('defaultWorkflowId', e.target.value)}
              >
                {view.workflows.map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.name}
                  </option>
                ))}
              </select>
            )}
          </SettingsField>
          <fieldset className="settings-ignore">
            <legend>Devices the bench never touches</legend>
            <SettingsField
              label="Serial numbers"
              hint="One per line, such as F9FXQ0A1HG7Q."
              error={serialError}
            >
              {({ id, describedBy, invalid }) => (
                <textarea
                  id={id}
                  rows={3}
                  value={form.serials}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  onChange={(e) => set('serials', e.target.value)}
                />
              )}
            </SettingsField>
            <SettingsField label="ECIDs" hint="One per line, such as 0x1A2B3C4D5E6F." error={ecidError}>
              {({ id, describedBy, invalid }) => (
                <textarea
                  id={id}
                  rows={3}
                  value={form.ecids}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  onChange={(e) => set('ecids', e.target.value)}
                />
              )}
            </SettingsField>
          </fieldset>
          <div className="settings-field settings-check">
            <input
              id="settings-notify"
              type="checkbox"
              checked={form.notify}
              onChange={(e) => set('notify', e.target.checked)}
            />
            <label htmlFor="settings-notify">Notify me when a device needs me or a cart finishes</label>
            {errors.notify && <p className="settings-error">{errors.notify}</p>}
          </div>
          <div className="settings-field settings-check">
            <input
              id="settings-sounds"
              type="checkbox"
              checked={form.sounds}
              onChange={(e) => set('sounds', e.target.checked)}
            />
            <label htmlFor="settings-sounds">Play a sound with those notifications</label>
            {errors.sounds && <p className="settings-error">{errors.sounds}</p>}
          </div>
        </form>
      )}
      <p className="settings-status" role="status">
        {status}
      </p>
    </PanelDialog>
  );
}
