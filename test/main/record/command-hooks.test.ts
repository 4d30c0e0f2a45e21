import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createCfgutilClient } from '../../../main/cfgutil/cfgutil-client';
import { processCfgutilRunner } from '../../../main/cfgutil/recording/process-runner';
import type { CfgutilRunner } from '../../../main/cfgutil/run-cfgutil';
import { readBundle } from '../../../main/record/bundle-reader';
import { RecordingFolderError } from '../../../main/record/bundle-writer';
import { lastRecordingNote, RAW_WARNING } from '../../../main/record/cli-recording';
import { startRecordReplay } from '../../../main/record/command-hooks';

const FIXTURE = path.resolve(__dirname, '../../fixtures/field/simulated-field-check');
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('--record and --replay on a command (run, serve)', () => {
  it('--replay gives the command a cfgutil answering from the bundle; --record records what it answers', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hooks-'));
    dirs.push(dataDir);
    const warnings: string[] = [];
    const record = path.join(dataDir, 'again');
    const hooks = await startRecordReplay(
      { recordRaw: false, replay: FIXTURE, record },
      { recordedBy: 'serve', appVersion: '0.1.0-test', dataDir, warn: (t) => warnings.push(t) },
    );
    try {
      expect(hooks.cfgutilPath).toBeDefined();
      const devices = await createCfgutilClient({ cfgutilPath: hooks.cfgutilPath ?? '' }).list();
      expect(devices).toHaveLength(1);
    } finally {
      await hooks.stop();
    }
    const base: CfgutilRunner = async () => {
      throw new Error('unused');
    };
    expect(processCfgutilRunner(base)).toBe(base);
    const again = await readBundle(record);
    expect(again.manifest.recordedBy).toBe('serve');
    expect(again.exchanges.map((e) => e.command)).toEqual(['list']);
    expect(JSON.parse(await readFile(lastRecordingNote(dataDir), 'utf8'))).toMatchObject({ dir: record });
    await expect(promisify(execFile)(hooks.cfgutilPath ?? '', ['list'])).rejects.toThrow();
  });

  it('warns about --record-raw, and refuses a folder that is not empty with a clear error', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hooks-'));
    dirs.push(dataDir);
    const warnings: string[] = [];
    const raw = await startRecordReplay(
      { recordRaw: true, record: path.join(dataDir, 'raw') },
      { recordedBy: 'run', appVersion: '0.1.0-test', dataDir, warn: (t) => warnings.push(t) },
    );
    await raw.stop();
    expect(warnings).toContain(RAW_WARNING);
    await writeFile(path.join(dataDir, 'raw', 'extra'), 'x');
    await expect(
      startRecordReplay(
        { recordRaw: false, record: path.join(dataDir, 'raw') },
        {
          recordedBy: 'run',
          appVersion: '0.1.0-test',
          dataDir,
          warn: () => {},
        },
      ),
    ).rejects.toThrow(RecordingFolderError);
  });
});
