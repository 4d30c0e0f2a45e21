/**
 * `enroll-bench settings show [--json]` and `settings set KEY VALUE [--json]`: the bench's settings from a
 * terminal, on the app's data folder, with the same checks as the Settings panel (main/settings/settings-channels.ts).
 * VALUE `default` puts a setting back to its default; `ignore` takes JSON (`{"serials": [...], "ecids": [...]}`).
 * The cfgutil path is not set here: `--cfgutil PATH`, ENROLL_BENCH_CFGUTIL or the preflight screen choose it.
 *
 * Exit codes: 0 shown or saved, 1 refused (the message names the field), 2 usage.
 */
import {
  editableSettingNames,
  type EditableSettingName,
  type SettingsPatchView,
  type SettingsView,
} from '../../preload/preflight-domain';
import { defaultDataDir } from '../storage/data-dir';
import { WorkflowStore } from '../jobs/workflow/workflow-store';
import { settingsFile } from '../settings/bench-settings';
import { SettingsChannels } from '../settings/settings-channels';
import { SettingsStore } from '../settings/settings-store';
import { sanitizeText } from '../text/sanitize-text';
import { BenchError } from '../errors/bench-error';
import { IntuneService } from '../intune/intune-service';
import { ProfileService } from '../profiles/profile-service';
import { systemBrowser } from './intune-command';
import { flagSpec } from './command-table';
import { parseFlags, UsageError } from '../text/parse-flags';
import { stderrLine, stdoutLine } from './terminal-output';

export interface SettingsCommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
}

const defaultIo: SettingsCommandIo = {
  out: stdoutLine,
  err: stderrLine,
  env: process.env,
};

const USAGE = `usage: enroll-bench settings show [--json] | settings set KEY VALUE|default [--json]; KEY is one of ${editableSettingNames.join(', ')}, intune.pushSerials`;

function isEditable(key: string): key is EditableSettingName {
  return (editableSettingNames as readonly string[]).includes(key);
}

/** The terminal's words into the value the panel would send; the settings schema judges it afterwards. */
function parseValue(key: EditableSettingName, text: string): unknown {
  if (text === 'default') return null;
  if (key === 'concurrency' || key === 'countdownSeconds')
    return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  if (key === 'sounds' || key === 'notify')
    return ({ on: true, true: true, off: false, false: false } as Record<string, boolean>)[text] ?? text;
  if (key === 'ignore') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new UsageError('ignore takes JSON such as {"serials": ["F9FXQ0A1HG7Q"], "ecids": []}');
    }
  }
  return text;
}

/** Issue 25: kept with the Intune connection (it needs one), set here like any setting. */
const INTUNE_PUSH_SERIALS = 'intune.pushSerials';

async function setPushSerials(text: string, json: boolean, io: SettingsCommandIo): Promise<number> {
  const on = ({ on: true, true: true, default: false, off: false, false: false } as Record<string, boolean>)[
    text
  ];
  if (on === undefined) throw new UsageError(`${INTUNE_PUSH_SERIALS} takes true or false`);
  const dataDir = defaultDataDir(io.env);
  const profiles = new ProfileService({ dataDir });
  await profiles.restore();
  const intune = new IntuneService({ dataDir, profiles, env: io.env });
  try {
    if (on)
      io.err('Serial push asks for DeviceManagementServiceConfig.ReadWrite.All; a browser sign-in may open.');
    await intune.setPushSerials(on, systemBrowser);
  } catch (error) {
    if (!(error instanceof BenchError)) throw error;
    io.err(`enroll-bench: ${error.info.title}. ${error.info.detail}`);
    return 1;
  }
  io.out(json ? JSON.stringify({ [INTUNE_PUSH_SERIALS]: on }) : `${INTUNE_PUSH_SERIALS} ${on}`);
  return 0;
}

export function formatSettings(view: SettingsView): string {
  const s = view.settings;
  const flag = (key: EditableSettingName) => (view.changed.includes(key) ? '' : '  (default)');
  return [
    `concurrency        ${s.concurrency}${flag('concurrency')}`,
    `countdownSeconds   ${s.countdownSeconds}${flag('countdownSeconds')}`,
    `stationName        ${sanitizeText(s.stationName, { maxLength: 64 })}${flag('stationName')}`,
    `ignore             ${s.ignore.serials.length} serials, ${s.ignore.ecids.length} ECIDs${flag('ignore')}`,
    `defaultWorkflowId  ${s.defaultWorkflowId}${flag('defaultWorkflowId')}`,
    `sounds             ${s.sounds ? 'on' : 'off'}${flag('sounds')}`,
    `notify             ${s.notify ? 'on' : 'off'}${flag('notify')}`,
    `cfgutilPath        ${s.cfgutilPath ?? '(searched)'}`,
    ...view.problems.map((p) => `Note: ${p}`),
    `File: ${view.file}`,
  ].join('\n');
}

export async function runSettingsCommand(
  argv: readonly string[],
  io: SettingsCommandIo = defaultIo,
): Promise<number> {
  const [sub, ...rest] = argv;
  const { flags, positional } = parseFlags(rest, flagSpec('settings', sub));
  const dataDir = defaultDataDir(io.env);
  const file = settingsFile(dataDir);
  const workflows = WorkflowStore.inDataDir(dataDir);
  const channels = new SettingsChannels({
    store: new SettingsStore(file),
    file,
    listWorkflows: () => workflows.list(),
  });
  const show = (view: SettingsView) =>
    io.out(flags.json ? JSON.stringify(view, null, 2) : formatSettings(view));
  if (sub === 'show') {
    if (positional.length > 0) throw new UsageError(USAGE);
    const view = await channels.getSettings();
    if (!view.ok) throw new UsageError(view.error.detail);
    show(view.value);
    return 0;
  }
  if (sub !== 'set' || positional.length !== 2) throw new UsageError(USAGE);
  const [key = '', text = ''] = positional;
  if (key === INTUNE_PUSH_SERIALS) return setPushSerials(text, flags.json === true, io);
  if (key === 'cfgutilPath') {
    io.err(
      'enroll-bench: cfgutilPath is not set here. Start with --cfgutil PATH, set ENROLL_BENCH_CFGUTIL, or choose it on the preflight screen (only Apple-signed cfgutil is saved).',
    );
    return 1;
  }
  if (!isEditable(key))
    throw new UsageError(`unknown setting "${sanitizeText(key, { maxLength: 40 })}"\n${USAGE}`);
  const patch = { [key]: parseValue(key, text) } as SettingsPatchView;
  const saved = await channels.saveSettings({ patch });
  if (!saved.ok) throw new UsageError(saved.error.detail);
  if (!saved.value.saved) {
    if (flags.json) io.out(JSON.stringify(saved.value, null, 2));
    for (const e of saved.value.errors) io.err(`enroll-bench: ${e.field}: ${e.message}`);
    return 1;
  }
  show(saved.value.view);
  return 0;
}
