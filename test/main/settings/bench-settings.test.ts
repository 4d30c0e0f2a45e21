import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultStationName, loadBenchSettings, withDefaults } from '../../../main/settings/bench-settings';
import { presetWorkflows } from '../../../main/jobs/workflow/presets';
import { MAX_STATION_NAME } from '../../../main/settings/settings-schema';

async function dataDir(settings?: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'eb-bench-settings-'));
  if (settings !== undefined) await writeFile(path.join(dir, 'settings.json'), settings);
  return dir;
}

describe('withDefaults', () => {
  it('fills every field a fresh bench needs', () => {
    expect(withDefaults({}, 'Bench-Mac.local')).toEqual({
      concurrency: 8,
      countdownSeconds: 5,
      stationName: 'Bench-Mac',
      ignore: { serials: [], ecids: [] },
      defaultWorkflowId: 'supervise-and-enroll',
      sounds: false,
      notify: true,
    });
  });

  it('keeps what was saved', () => {
    const saved = {
      cfgutilPath: '/x/cfgutil',
      concurrency: 2,
      stationName: 'Room 4',
      sounds: true,
      notify: false,
    };
    expect(withDefaults(saved, 'h')).toMatchObject(saved);
  });
});

describe('defaultStationName', () => {
  it('falls back to a plain label for an empty host name, and shows control and bidi characters visibly (the one sanitiser)', () => {
    expect(defaultStationName('')).toBe('Enroll Bench');
    expect(defaultStationName('mac\u0007mini')).toBe('mac␇mini');
    expect(defaultStationName('mac\u202emini.local')).toBe('mac<U+202E>mini');
    expect(Array.from(defaultStationName('m'.repeat(100)))).toHaveLength(MAX_STATION_NAME);
  });
});

describe('loadBenchSettings', () => {
  it('reads the data folder file into plain values', async () => {
    const dir = await dataDir(JSON.stringify({ countdownSeconds: 0, ignore: { serials: ['abc12345'] } }));
    const { settings, problems } = await loadBenchSettings(dir, { hostName: 'bench' });
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      countdownSeconds: 0,
      concurrency: 8,
      ignore: { serials: ['ABC12345'], ecids: [] },
    });
  });

  it('uses defaults and says so for a corrupt file', async () => {
    const { settings, problems } = await loadBenchSettings(await dataDir('not json'), { hostName: 'bench' });
    expect(settings).toEqual(withDefaults({}, 'bench'));
    expect(problems[0]).toMatch(/not valid JSON; it was kept as settings\.json\.corrupt-/);
  });

  it('falls back to the preset when the default workflow does not resolve', async () => {
    const dir = await dataDir(JSON.stringify({ defaultWorkflowId: 'gone' }));
    const findWorkflow = async (id: string) => presetWorkflows.find((w) => w.id === id);
    const { settings, problems } = await loadBenchSettings(dir, { findWorkflow });
    expect(settings.defaultWorkflowId).toBe('supervise-and-enroll');
    expect(problems).toEqual([
      'The default workflow "gone" does not exist or has a problem; supervise-and-enroll is used.',
    ]);
    const ok = await dataDir(JSON.stringify({ defaultWorkflowId: 'enroll-in-place' }));
    expect((await loadBenchSettings(ok, { findWorkflow })).settings.defaultWorkflowId).toBe(
      'enroll-in-place',
    );
  });
});
