/**
 * The settings area's part of the contract: read the settings with their defaults, and save a patch with
 * inline validation. Every field of the patch is judged before anything is written, and each refusal names
 * its field, so the panel can put the message beside it. The cfgutil path is not editable here: a path
 * chosen from a screen must pass the signature check of the preflight screen (chooseCfgutil).
 */
import type { PreflightInvokeChannels } from '../../preload/contract';
import type { Result } from '../../preload/domain';
import { checkIgnoreList } from './validate-ignore-list';
import {
  editableSettingNames,
  type EditableSettingName,
  type SaveSettingsOutcome,
  type SettingsFieldError,
  type SettingsPatchView,
  type SettingsView,
} from '../../preload/preflight-domain';
import type { WorkflowList } from '../../preload/jobs-domain';
import { withDefaults, type BenchSettings } from './bench-settings';
import {
  CONCURRENCY_RANGE,
  COUNTDOWN_RANGE,
  MAX_STATION_NAME,
  settingsFieldSchemas,
  type Settings,
} from './settings-schema';
import type { SettingsPatch, SettingsStore } from './settings-store';

export type SettingsChannelName = 'getSettings' | 'saveSettings';

export interface SettingsChannelsOptions {
  readonly store: SettingsStore;
  readonly file: string;
  readonly listWorkflows: () => Promise<WorkflowList>;
  readonly hostName?: string;
  /** Told the whole settings (defaults applied) after each save, so the running bench can apply them. */
  readonly onSaved?: (settings: BenchSettings) => void;
}

/** The schema's first issue, worded for the message beside the field: "Must be from 1 to 64." */
function firstIssue(field: EditableSettingName, value: unknown): string | undefined {
  // The ignore list names every bad entry by its place and value (serials entry 2 "F9FX-Q0A1").
  if (field === 'ignore') {
    const checked = checkIgnoreList(value, 'save');
    return checked.refuse ? checked.problems.map((p) => p.replace(/^Setting /, '')).join(' ') : undefined;
  }
  const result = settingsFieldSchemas[field].safeParse(value);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  // The schema's words start with the field's own name, which the panel already shows as the label.
  const words = (issue?.message ?? 'not valid').replace(new RegExp(`^${field} `), '');
  const where = (issue?.path ?? []).map((p) => (typeof p === 'number' ? `entry ${p + 1}` : String(p)));
  const sentence = `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
  return where.length > 0 ? `${sentence} (${where.join(', ')}).` : `${sentence}.`;
}

export class SettingsChannels implements Pick<PreflightInvokeChannels, SettingsChannelName> {
  constructor(private readonly options: SettingsChannelsOptions) {}

  async getSettings(): Promise<Result<SettingsView>> {
    return { ok: true, value: await this.view() };
  }

  async saveSettings(req: { readonly patch: SettingsPatchView }): Promise<Result<SaveSettingsOutcome>> {
    const errors: SettingsFieldError[] = [];
    const patch: Record<string, unknown> = {};
    const list = await this.options.listWorkflows();
    for (const field of editableSettingNames) {
      if (!Object.hasOwn(req.patch, field)) continue;
      const value = req.patch[field];
      if (value === null) {
        patch[field] = undefined;
        continue;
      }
      const problem = firstIssue(field, value);
      if (problem) {
        errors.push({ field, message: problem });
        continue;
      }
      const parsed = settingsFieldSchemas[field].parse(value);
      if (field === 'defaultWorkflowId' && !list.workflows.some((w) => w.id === parsed)) {
        errors.push({ field, message: `There is no usable workflow "${String(parsed)}".` });
        continue;
      }
      patch[field] = parsed;
    }
    if (errors.length > 0) return { ok: true, value: { saved: false, errors } };
    await this.options.store.update(patch as SettingsPatch);
    const view = await this.view(list);
    this.options.onSaved?.(view.settings);
    return { ok: true, value: { saved: true, view } };
  }

  private async view(known?: WorkflowList): Promise<SettingsView> {
    const [loaded, list] = await Promise.all([
      this.options.store.load(),
      known ?? this.options.listWorkflows(),
    ]);
    const file: Settings = loaded.settings;
    return {
      settings: withDefaults(file, this.options.hostName),
      changed: editableSettingNames.filter((field) => file[field] !== undefined),
      limits: {
        concurrency: CONCURRENCY_RANGE,
        countdownSeconds: COUNTDOWN_RANGE,
        stationNameMax: MAX_STATION_NAME,
      },
      workflows: list.workflows.map((w) => ({ id: w.id, name: w.name })),
      problems: loaded.problems,
      file: this.options.file,
    };
  }

  methods(): Pick<PreflightInvokeChannels, SettingsChannelName> {
    return {
      getSettings: () => this.getSettings(),
      saveSettings: (req) => this.saveSettings(req),
    };
  }
}
