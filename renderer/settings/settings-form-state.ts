/**
 * The settings form's text, and the patch it becomes: only fields the operator changed are sent, so a
 * field still on its default (the station name follows the Mac's name) stays on it.
 */
import type { EditableSettingName, SettingsPatchView, SettingsView } from '../../preload/preflight-domain';

export interface SettingsForm {
  readonly concurrency: string;
  readonly countdownSeconds: string;
  readonly stationName: string;
  readonly serials: string;
  readonly ecids: string;
  readonly defaultWorkflowId: string;
  readonly sounds: boolean;
  readonly notify: boolean;
}

export function formFromView(view: SettingsView): SettingsForm {
  const s = view.settings;
  return {
    concurrency: String(s.concurrency),
    countdownSeconds: String(s.countdownSeconds),
    stationName: s.stationName,
    serials: s.ignore.serials.join('\n'),
    ecids: s.ignore.ecids.join('\n'),
    defaultWorkflowId: s.defaultWorkflowId,
    sounds: s.sounds,
    notify: s.notify,
  };
}

/** A number when the text is one; otherwise the text itself, for the bench to refuse with its reason. */
function numberOrText(text: string): number | string {
  const trimmed = text.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter(Boolean);

export function patchFromForm(form: SettingsForm, saved: SettingsForm): SettingsPatchView {
  const patch: Record<string, unknown> = {};
  if (form.concurrency !== saved.concurrency) patch.concurrency = numberOrText(form.concurrency);
  if (form.countdownSeconds !== saved.countdownSeconds)
    patch.countdownSeconds = numberOrText(form.countdownSeconds);
  if (form.stationName !== saved.stationName) patch.stationName = form.stationName;
  if (form.serials !== saved.serials || form.ecids !== saved.ecids) {
    patch.ignore = { serials: lines(form.serials), ecids: lines(form.ecids) };
  }
  if (form.defaultWorkflowId !== saved.defaultWorkflowId) patch.defaultWorkflowId = form.defaultWorkflowId;
  if (form.sounds !== saved.sounds) patch.sounds = form.sounds;
  if (form.notify !== saved.notify) patch.notify = form.notify;
  return patch as SettingsPatchView;
}

export type FieldErrors = Partial<Record<EditableSettingName, string>>;
