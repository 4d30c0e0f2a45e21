import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CfgutilRun } from '../../../main/cfgutil/run-cfgutil';
import { readBundle, BundleError } from '../../../main/record/bundle-reader';
import { RecordingFolderError, startRecording } from '../../../main/record/bundle-writer';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bundle-'));
  dirs.push(dir);
  return dir;
}

const ECID = '0x8294E3A41001C';
function run(args: string[], stdout: string, exitCode = 0): CfgutilRun {
  return {
    argv: ['/usr/local/bin/cfgutil', ...args],
    exitCode,
    signal: null,
    stdout,
    stderr: '',
    durationMs: 12,
    outcome: 'exited',
  };
}
const list = JSON.stringify({
  Command: 'list',
  Output: { [ECID]: { ECID, UDID: '00008110-0008294E3A41001C', name: "Ann's iPad", deviceType: 'iPad14,1' } },
  Type: 'CommandOutput',
  Devices: [ECID],
});
const get = JSON.stringify({
  Command: 'get',
  Output: { [ECID]: { serialNumber: 'F9FXK03ABQ7R' } },
  Type: 'CommandOutput',
  Devices: [ECID],
});

describe('recording bundles', () => {
  it('writes a manifest and one exchange per run, in order, pseudonymised, and reads them back', async () => {
    const dir = path.join(await tempDir(), 'bundle');
    const bundle = await startRecording({
      appVersion: '0.1.0-test',
      dir,
      recordedBy: 'run',
      cfgutilPath: '/usr/local/bin/cfgutil',
    });
    const listArgs = ['--format', 'JSON', 'list'];
    const getArgs = ['-e', ECID, '--format', 'JSON', 'get', 'serialNumber'];
    await Promise.all([
      bundle.record({ args: listArgs, startedAtMs: 1, run: run(listArgs, list) }),
      bundle.record({ args: getArgs, startedAtMs: 2, run: run(getArgs, get, 1) }),
      bundle.record({ args: ['version'], startedAtMs: 3, startError: 'ENOENT: /Users/ann/bin/cfgutil' }),
    ]);
    await bundle.close();
    const read = await readBundle(dir);
    expect(read.manifest).toMatchObject({ recordedBy: 'run', pseudonymised: true, cfgutilName: 'cfgutil' });
    expect(read.exchanges.map((e) => [e.seq, e.command, e.exitCode, e.outcome])).toEqual([
      [1, 'list', 0, 'exited'],
      [2, 'get', 1, 'exited'],
      [3, 'version', null, 'start-failed'],
    ]);
    const onDisk = await readFile(path.join(dir, 'exchanges-000001.jsonl'), 'utf8');
    for (const real of ['8294E3A41001C', 'F9FXK03ABQ7R', "Ann's iPad", '/Users/ann'])
      expect(onDisk).not.toContain(real);
    // The device in argv is the device in the list's answer.
    const standIn = read.exchanges[1]?.ecid;
    expect(read.exchanges[0]?.stdout).toContain(`"${standIn}"`);
    expect(read.warnings).toEqual([]);
  });

  it('keeps real identifiers with --record-raw (and says so in the manifest)', async () => {
    const dir = path.join(await tempDir(), 'raw');
    const bundle = await startRecording({ appVersion: '0.1.0-test', dir, recordedBy: 'run', raw: true });
    await bundle.record({ args: ['list'], startedAtMs: 0, run: run(['list'], list) });
    await bundle.close();
    const read = await readBundle(dir);
    expect(read.manifest.pseudonymised).toBe(false);
    expect(read.exchanges[0]?.stdout).toContain(ECID);
  });

  it('refuses a folder that already holds something', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'other.txt'), 'x');
    await expect(startRecording({ appVersion: '0.1.0-test', dir, recordedBy: 'run' })).rejects.toThrow(
      RecordingFolderError,
    );
  });

  it('survives a crash mid-write: the torn line is skipped with a warning, the rest is read', async () => {
    const dir = path.join(await tempDir(), 'torn');
    const bundle = await startRecording({ appVersion: '0.1.0-test', dir, recordedBy: 'run' });
    await bundle.record({ args: ['list'], startedAtMs: 0, run: run(['list'], list) });
    await bundle.close();
    await appendFile(path.join(dir, 'exchanges-000001.jsonl'), '{"seq":2,"startedAtMs":5,"args":["ge');
    const read = await readBundle(dir);
    expect(read.exchanges).toHaveLength(1);
    expect(read.warnings.join(' ')).toMatch(/cut off/);
  });

  it('names the problem when a folder is not a recording', async () => {
    const dir = await tempDir();
    await expect(readBundle(dir)).rejects.toThrow(BundleError);
    await mkdir(path.join(dir, 'b'));
    await writeFile(path.join(dir, 'b', 'manifest.json'), '{"format":"something-else"}');
    await expect(readBundle(path.join(dir, 'b'))).rejects.toThrow(/not an Enroll Bench recording/);
  });
});
