/**
 * `enroll-bench diagnostics export`: the zip holds what a bug report needs and no secret or token, even when
 * the data folder's logs hold some by mistake (the export is the last filter, so it is tested as one).
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runDiagnosticsCommand } from '../../../main/cli/diagnostics-command';
import { UsageError } from '../../../main/text/parse-flags';
import { ProfileService } from '../../../main/profiles/profile-service';
import { startRecording } from '../../../main/record/bundle-writer';
import { lastRecordingNote } from '../../../main/record/cli-recording';
import { readZip } from '../diagnostics/export/read-zip';
import { healthyDeps } from '../preflight/preflight-fakes';
import { CHALLENGE, profileDict, xmlBytes } from '../profiles/profile-fixtures';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const TOKEN = 'tok_FAKE_9f8e7d6c5b4a39281706';
const PASSWORD = 'pw-FAKE-correct-horse-42';
const KEY_TEXT = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC-FAKE-KEY';
const WS_TOKEN = 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA';

/** A data folder as a bench leaves it, with secrets where a careless log line or setting could put them. */
async function seededDataFolder(): Promise<string> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'diag-'));
  dirs.push(dataDir);
  const profileFile = path.join(dataDir, 'incoming.mobileconfig');
  await writeFile(profileFile, xmlBytes(profileDict()));
  await new ProfileService({ dataDir }).importPath(profileFile, 'command-line');
  await rm(profileFile);
  await writeFile(
    path.join(dataDir, 'settings.json'),
    JSON.stringify({
      workflowId: 'supervise-and-enroll',
      graphApiToken: TOKEN,
      proxy: { password: PASSWORD },
    }),
  );
  await mkdir(path.join(dataDir, 'identity'), { recursive: true });
  await writeFile(path.join(dataDir, 'identity', 'supervision-key.der'), KEY_TEXT);
  await mkdir(path.join(dataDir, 'journal'), { recursive: true });
  await writeFile(
    path.join(dataDir, 'journal', 'jobs-000001.jsonl'),
    [
      JSON.stringify({ kind: 'job-started', ecid: '0x1', note: 'first line, beyond --lines' }),
      JSON.stringify({ kind: 'job-ended', ecid: '0x1A2B', outcome: 'succeeded', marker: 'JOURNAL-MARKER' }),
      JSON.stringify({ kind: 'note', text: `challenge was ${CHALLENGE} and ${PASSWORD}` }),
      '',
    ].join('\n'),
  );
  await mkdir(path.join(dataDir, 'logs'), { recursive: true });
  await writeFile(
    path.join(dataDir, 'logs', 'diagnostics.jsonl'),
    [
      JSON.stringify({ event: 'served', detail: `http://127.0.0.1:4820/?token=${WS_TOKEN}` }),
      JSON.stringify({ event: 'ws', detail: `Sec-WebSocket-Protocol: enroll-bench.token.${WS_TOKEN}` }),
      JSON.stringify({ event: 'graph', detail: `Authorization: Bearer ${TOKEN}` }),
      JSON.stringify({
        event: 'oops',
        detail: `-----BEGIN PRIVATE KEY-----\n${KEY_TEXT}\n-----END PRIVATE KEY-----`,
      }),
      JSON.stringify({ event: 'login', detail: `password: ${PASSWORD}` }),
      JSON.stringify({ event: 'DIAG-MARKER' }),
      '',
    ].join('\n'),
  );
  const bundleDir = path.join(dataDir, 'rec');
  const bundle = await startRecording({ appVersion: '0.1.0-test', dir: bundleDir, recordedBy: 'run' });
  await bundle.record({
    args: ['--format', 'JSON', 'list'],
    startedAtMs: 0,
    run: {
      argv: ['/x/cfgutil', '--format', 'JSON', 'list'],
      exitCode: 0,
      signal: null,
      stdout: '{"Command":"list","Output":{},"Type":"CommandOutput","Devices":[]}',
      stderr: '',
      durationMs: 5,
      outcome: 'exited',
    },
  });
  await bundle.close();
  await writeFile(lastRecordingNote(dataDir), JSON.stringify({ dir: bundleDir }));
  return dataDir;
}

async function exportFrom(dataDir: string, extra: string[] = []) {
  const out = path.join(dataDir, 'out.zip');
  const lines: string[] = [];
  const code = await runDiagnosticsCommand(['export', '--out', out, '--json', ...extra], {
    out: (t) => lines.push(t),
    err: () => {},
    env: { ENROLL_BENCH_DATA: dataDir },
    cwd: dataDir,
    deps: async () => healthyDeps({ now: () => Date.now() }),
  });
  return { code, zip: await readFile(out), printed: JSON.parse(lines.join('')) as { entries: string[] } };
}

describe('enroll-bench diagnostics export', () => {
  it('writes a zip with versions, preflight, settings, the log and journal tails and the last recording', async () => {
    const dataDir = await seededDataFolder();
    const { code, zip, printed } = await exportFrom(dataDir, ['--lines', '2']);
    expect(code).toBe(0);
    const entries = readZip(zip);
    const names = entries.map((e) => e.name);
    expect(names).toEqual(printed.entries);
    expect(names).toEqual(
      expect.arrayContaining([
        'README.txt',
        'versions.json',
        'preflight.json',
        'settings.json',
        'journal-tail.jsonl',
        'diagnostics-tail.jsonl',
        'recording/manifest.json',
        'recording/exchanges-000001.jsonl',
      ]),
    );
    const text = (name: string) => entries.find((e) => e.name === name)?.data.toString('utf8') ?? '';
    expect(JSON.parse(text('versions.json'))).toMatchObject({
      app: expect.any(String),
      node: process.versions.node,
    });
    expect(JSON.parse(text('preflight.json'))).toHaveProperty('checks');
    expect(JSON.parse(text('settings.json'))).toMatchObject({ workflowId: 'supervise-and-enroll' });
    // --lines 2 keeps the last two journal lines only.
    expect(text('journal-tail.jsonl')).toContain('JOURNAL-MARKER');
    expect(text('journal-tail.jsonl')).not.toContain('first line, beyond --lines');
    expect(text('diagnostics-tail.jsonl').trim().split('\n')).toHaveLength(2);
    expect(text('recording/exchanges-000001.jsonl')).toContain('"command":"list"');
  });

  it('lets no seeded secret or token into any file of the archive, nor into its bytes', async () => {
    const dataDir = await seededDataFolder();
    const { zip } = await exportFrom(dataDir, ['--lines', '100']);
    const entries = readZip(zip);
    const all = entries.map((e) => e.data.toString('utf8')).join('\n');
    // Proof the filtered lines are there at all, so the absence below means something.
    expect(all).toContain('DIAG-MARKER');
    expect(all).toContain('challenge was');
    for (const secret of [TOKEN, PASSWORD, KEY_TEXT, WS_TOKEN, CHALLENGE]) {
      expect(all).not.toContain(secret);
      expect(zip.includes(Buffer.from(secret))).toBe(false);
    }
    expect(all).not.toMatch(/BEGIN PRIVATE KEY/);
    expect(entries.some((e) => /identity|\.der$|\.p12$|mobileconfig/.test(e.name))).toBe(false);
  });

  it('leaves out a recording made with --record-raw (it holds real serials)', async () => {
    const dataDir = await seededDataFolder();
    const raw = path.join(dataDir, 'raw');
    const bundle = await startRecording({ appVersion: '0.1.0-test', dir: raw, recordedBy: 'run', raw: true });
    await bundle.close();
    await writeFile(lastRecordingNote(dataDir), JSON.stringify({ dir: raw }));
    const names = readZip((await exportFrom(dataDir)).zip).map((e) => e.name);
    expect(names.filter((n) => n.startsWith('recording/'))).toEqual(['recording/LEFT-OUT.txt']);
  });

  it('says how to use it when the verb is missing', async () => {
    await expect(
      runDiagnosticsCommand([], { out: () => {}, err: () => {}, env: {}, cwd: '/' }),
    ).rejects.toThrow(UsageError);
  });
});
