/**
 * A SCEP challenge planted in the stored profile and in a journal, where it would arrive (an error message
 * that echoes cfgutil's output, a field the allow-list does not know, another kind of entry), is found in no
 * export, page, summary or merge, from the CLI or the channel.
 */
import { createHash } from 'node:crypto';
import { appendFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLogCommand } from '../../../main/cli/log-command';
import { LogChannels } from '../../../main/log/log-channels';
import { storedProfileSecrets } from '../../../main/log/profile-secrets';
import { ProfileStore } from '../../../main/profiles/profile-store';
import { CHALLENGE, profileDict, xmlBytes } from '../profiles/profile-fixtures';
import { journalFile, makeRecord, writeJournal } from './journal-fixtures';

let dataDir: string;
let outDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'log-secret-'));
  outDir = path.join(dataDir, 'out');
  const bytes = xmlBytes(profileDict());
  await new ProfileStore(dataDir).save(bytes, {
    fileName: 'Contoso.mobileconfig',
    sha256: createHash('sha256').update(bytes).digest('hex'),
    importedAt: Date.now(),
    source: 'command-line',
  });
  const leaked = makeRecord(1, {
    outcome: 'failed',
    errorCode: 'unknown',
    errorMessage: `install-profile: SCEP payload rejected (Challenge=${CHALLENGE})`,
    finalName: `iPad ${CHALLENGE}`,
    overrides: [`expired profile used: ${CHALLENGE}`],
  });
  await writeJournal(dataDir, [makeRecord(0), leaked, makeRecord(2, { finalName: `x${CHALLENGE}y` })]);
  const extra = {
    v: 1,
    kind: 'job-ended',
    at: 1,
    jobId: 'job-9',
    ecid: '0x1',
    record: { ...makeRecord(9), challenge: CHALLENGE, scep: { Challenge: CHALLENGE } },
  };
  const created = { v: 1, kind: 'job-created', at: 1, jobId: 'job-9', profile: { Challenge: CHALLENGE } };
  await appendFile(journalFile(dataDir), `${JSON.stringify(created)}\n${JSON.stringify(extra)}\n`);
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function cli(args: string[]) {
  let out = '';
  let err = '';
  const io = {
    out: (t: string) => (out += t),
    err: (t: string) => (err += t),
    env: { ENROLL_BENCH_DATA: dataDir },
    now: () => Date.now(),
  };
  return runLogCommand(args, io).then((code) => ({ code, out, err }));
}

describe('no secret in any export', () => {
  it('the challenge really is in the journal (so the test can fail)', async () => {
    expect(await readFile(journalFile(dataDir), 'utf8')).toContain(CHALLENGE);
    const unguarded = new LogChannels({ dataDir, secrets: { secrets: async () => [] } });
    const result = await unguarded.exportLog({ format: 'json', outcome: 'all' });
    expect(JSON.stringify(result)).toContain(CHALLENGE);
  });

  it('finds it in no CLI export, merge or summary', async () => {
    const texts: string[] = [];
    for (const format of ['csv', 'intune', 'json']) {
      const toFile = await cli(
        [
          'log',
          'export',
          '--format',
          format,
          '--outcome',
          'all',
          '--out',
          path.join(outDir, `log.${format}`),
        ].slice(1),
      );
      const toStdout = await cli(['export', '--format', format, '--outcome', 'all']);
      expect([toFile.code, toStdout.code]).toEqual([0, 0]);
      texts.push(toFile.out, toFile.err, toStdout.out, toStdout.err);
    }
    const merged = await cli([
      'merge',
      path.join(outDir, 'log.json'),
      journalFile(dataDir),
      '--out',
      path.join(outDir, 'merged.json'),
    ]);
    const show = await cli(['show']);
    const showJson = await cli(['show', '--json']);
    texts.push(merged.out, merged.err, show.out, showJson.out);
    for (const name of await readdir(outDir)) texts.push(await readFile(path.join(outDir, name), 'utf8'));
    expect(texts.join('\n')).toContain('F7TLWCLB0001');
    expect(texts.join('\n')).toContain('[redacted]');
    for (const text of texts) expect(text).not.toContain(CHALLENGE);
  });

  it('finds it in no page or export of the channel', async () => {
    const channels = new LogChannels({ dataDir, secrets: storedProfileSecrets(dataDir) });
    const results: unknown[] = [await channels.queryLog({ outcome: 'all' })];
    for (const format of ['csv', 'intune', 'json'] as const)
      results.push(await channels.exportLog({ format, outcome: 'all' }));
    const text = JSON.stringify(results);
    expect(text).toContain('F7TLWCLB0001');
    expect(text).not.toContain(CHALLENGE);
  });
});
