/**
 * Argument validators for the preflight and settings channels. Shapes and bounds only: the names to clean
 * are checked again against what is on disk (main/preflight/restore-leftovers.ts), and each settings field
 * is judged by the settings schema, which names the field (main/settings/settings-channels.ts).
 */
import type { PreflightInvokeChannels } from '../../preload/contract';
import { editableSettingNames, type SettingsPatchView } from '../../preload/preflight-domain';
import { invalidRequest } from '../errors/bench-error';
import { isRecord, none, one } from './arg-shapes';

type Validators = {
  readonly [K in keyof PreflightInvokeChannels]: (
    args: readonly unknown[],
  ) => Parameters<PreflightInvokeChannels[K]>;
};

const MAX_NAMES = 200;
const MAX_PATCH_JSON = 256 * 1024;

function names(value: unknown): string[] {
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    value.length > MAX_NAMES ||
    !value.every((n) => typeof n === 'string' && n.length > 0 && n.length <= 100)
  ) {
    throw invalidRequest(
      `cleanRestoreLeftovers needs { names } with 1 to ${MAX_NAMES} folder names from the report.`,
    );
  }
  return value as string[];
}

function patch(value: unknown): SettingsPatchView {
  if (!isRecord(value)) throw invalidRequest('saveSettings needs { patch } as an object.');
  const unknown = Object.keys(value).filter(
    (key) => !(editableSettingNames as readonly string[]).includes(key),
  );
  if (unknown.length > 0) {
    throw invalidRequest(
      `saveSettings can change only ${editableSettingNames.join(', ')}; not ${unknown.slice(0, 3).join(', ').slice(0, 120)}.`,
    );
  }
  if (JSON.stringify(value).length > MAX_PATCH_JSON)
    throw invalidRequest('The settings patch is larger than 256 KB.');
  // Each value is judged by the settings schema, which names the field at fault.
  return value as SettingsPatchView;
}

export const preflightArgValidators: Validators = {
  getPreflight: (args) => none(args, 'getPreflight'),
  cleanRestoreLeftovers: (args) => [{ names: names(one(args, 'cleanRestoreLeftovers').names) }],
  getSettings: (args) => none(args, 'getSettings'),
  saveSettings: (args) => [{ patch: patch(one(args, 'saveSettings').patch) }],
};
