import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsChannels } from '../../../main/settings/settings-channels';
import { SettingsStore } from '../../../main/settings/settings-store';
import type { BenchSettings } from '../../../main/settings/bench-settings';
import { presetWorkflows } from '../../../main/jobs/workflow/presets';
import { createInvokeDispatcher } from '../../../main/dispatch/dispatch-invoke';
import { noJobOrLogChannels, noPreflightChannels } from '../../fakes/no-job-channels';
import { noProfileChannels } from '../profiles/fake-profile-channels';
import type { InvokeChannels } from '../../../preload/contract';

async function channels() {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'eb-settings-ch-')), 'settings.json');
  const store = new SettingsStore(file);
  const told: BenchSettings[] = [];
  const settings = new SettingsChannels({
    store,
    file,
    hostName: 'Bench-Mac.local',
    listWorkflows: async () => ({ workflows: presetWorkflows, problems: [] }),
    onSaved: (saved) => told.push(saved),
  });
  return { file, store, settings, told };
}

describe('SettingsChannels', () => {
  it('gives the settings with defaults, the limits and the workflows a default may name', async () => {
    const { settings } = await channels();
    const result = await settings.getSettings();
    expect(result.ok && result.value).toMatchObject({
      settings: { concurrency: 8, countdownSeconds: 5, stationName: 'Bench-Mac', sounds: false },
      changed: [],
      limits: { concurrency: { min: 1, max: 64 } },
    });
    expect(result.ok && result.value.workflows.map((w) => w.id)).toContain('enroll-in-place');
  });

  it('saves a valid patch, and null goes back to the default', async () => {
    const { settings, file, told } = await channels();
    const saved = await settings.saveSettings({
      patch: { concurrency: 4, stationName: '  Cart 7  ', ignore: { serials: ['f9fxq0a1hg7q'], ecids: [] } },
    });
    expect(saved.ok && saved.value.saved && saved.value.view.settings).toMatchObject({
      concurrency: 4,
      stationName: 'Cart 7',
      ignore: { serials: ['F9FXQ0A1HG7Q'] },
    });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ concurrency: 4 });
    const back = await settings.saveSettings({ patch: { concurrency: null } });
    expect(back.ok && back.value.saved && back.value.view).toMatchObject({
      settings: { concurrency: 8 },
      changed: ['stationName', 'ignore'],
    });
    // The running bench is told the whole settings after each save, defaults applied.
    expect(told.map((t) => [t.concurrency, t.stationName])).toEqual([
      [4, 'Cart 7'],
      [8, 'Cart 7'],
    ]);
  });

  it('round-trips the notification switches: on and quiet by default, saved, told to the bench, back to default', async () => {
    const { settings, file, told } = await channels();
    const fresh = await settings.getSettings();
    expect(fresh.ok && fresh.value.settings).toMatchObject({ notify: true, sounds: false });
    await settings.saveSettings({ patch: { notify: false, sounds: true } });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ notify: false, sounds: true });
    const again = await settings.getSettings();
    expect(again.ok && again.value).toMatchObject({
      settings: { notify: false, sounds: true },
      changed: ['sounds', 'notify'],
    });
    expect(told.at(-1)).toMatchObject({ notify: false, sounds: true });
    await settings.saveSettings({ patch: { notify: null } });
    const back = await settings.getSettings();
    expect(back.ok && back.value.settings.notify).toBe(true);
    const refused = await settings.saveSettings({ patch: { notify: 'yes' as unknown as boolean } });
    expect(refused.ok && !refused.value.saved && refused.value.errors.map((e) => e.field)).toEqual([
      'notify',
    ]);
  });

  it('refuses every bad field by name and writes nothing', async () => {
    const { settings, store, told } = await channels();
    const refused = await settings.saveSettings({
      patch: {
        concurrency: 0,
        countdownSeconds: 2.5,
        stationName: 'two\nlines',
        defaultWorkflowId: 'no-such-flow',
        ignore: { serials: ['OK12345678', 'bad!'], ecids: [] },
        sounds: true,
      },
    });
    expect(refused).toEqual({
      ok: true,
      value: {
        saved: false,
        errors: [
          { field: 'concurrency', message: 'Must be from 1 to 64.' },
          { field: 'countdownSeconds', message: 'Must be a whole number.' },
          { field: 'stationName', message: 'Must be 1 to 64 characters on one line.' },
          {
            field: 'ignore',
            message:
              'ignore.serials[1] (entry 2) "bad!": a serial number is 8 to 20 letters and digits, such as F9FXQ0A1HG7Q; nothing was saved; correct or remove it, and the list saved before still counts.',
          },
          { field: 'defaultWorkflowId', message: 'There is no usable workflow "no-such-flow".' },
        ],
      },
    });
    expect((await store.load()).settings).toEqual({});
    expect(told).toEqual([]);
  });

  it('is refused through the dispatcher for fields it does not edit, such as the cfgutil path', async () => {
    const { settings } = await channels();
    const handlers = {
      ...noProfileChannels,
      ...noJobOrLogChannels,
      ...noPreflightChannels,
      ...settings.methods(),
    } as unknown as InvokeChannels;
    const dispatch = createInvokeDispatcher(handlers, () => {});
    const result = await dispatch('saveSettings', [{ patch: { cfgutilPath: '/tmp/evil' } }]);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', detail: expect.stringContaining('cfgutilPath') },
    });
  });
});
