/**
 * Files are files (issue 23 item 5): the safe reader itself, then every entry point that reads a file of the
 * data folder or a merge input, each given a named pipe (which hangs an ordinary open), a link to /dev/zero
 * (which never ends) and a link out of the folder. Each must end at once with words, never hang.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IdentityStore } from '../../../main/identity/identity-store';
import { openJsonlAppender, readJsonlFiles } from '../../../main/storage/jsonl-files';
import { MAX_JSON_CONTAINERS, readLogFile } from '../../../main/log/merge-logs';
import { ProfileStore } from '../../../main/profiles/profile-store';
import { readProfileFile } from '../../../main/profiles/read-profile-file';
import { SettingsStore } from '../../../main/settings/settings-store';
import { WorkflowStore } from '../../../main/jobs/workflow/workflow-store';
import { readSafeFile, UnsafeFileError } from '../../../main/storage/safe-file';

async function folder(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'eb-safe-file-'));
}

const fifo = (file: string): void => void execFileSync('mkfifo', [file]);

async function failure(promise: Promise<unknown>): Promise<UnsafeFileError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnsafeFileError);
  return error as UnsafeFileError;
}

describe('readSafeFile', () => {
  it('reads a regular file within its cap', async () => {
    const dir = await folder();
    await writeFile(path.join(dir, 'a.json'), '{"a":1}');
    expect(
      (await readSafeFile(path.join(dir, 'a.json'), { maxBytes: 100, insideFolder: dir })).toString(),
    ).toBe('{"a":1}');
  });

  it('refuses a named pipe without hanging, naming what it is', async () => {
    const dir = await folder();
    fifo(path.join(dir, 'pipe.json'));
    const error = await failure(readSafeFile(path.join(dir, 'pipe.json'), { maxBytes: 100 }));
    expect(error.code).toBe('ENOTREGULAR');
    expect(error.message).toMatch(/pipe\.json is a named pipe, not a regular file/);
  });

  it('refuses a link to /dev/zero, whether links are refused, confined or followed', async () => {
    const dir = await folder();
    await symlink('/dev/zero', path.join(dir, 'zero.json'));
    const file = path.join(dir, 'zero.json');
    expect((await failure(readSafeFile(file, { maxBytes: 100 }))).code).toBe('ELOOP');
    expect((await failure(readSafeFile(file, { maxBytes: 100, insideFolder: dir }))).code).toBe('EOUTSIDE');
    const followed = await failure(readSafeFile(file, { maxBytes: 100, followLinks: true }));
    expect(followed.message).toMatch(/is a device, not a regular file/);
  });

  it('follows a link that stays inside the folder, and refuses one that leaves it', async () => {
    const dir = await folder();
    const outside = await folder();
    await writeFile(path.join(dir, 'real.json'), 'inside');
    await writeFile(path.join(outside, 'secret.json'), 'outside');
    await symlink(path.join(dir, 'real.json'), path.join(dir, 'in.json'));
    await symlink(path.join(outside, 'secret.json'), path.join(dir, 'out.json'));
    expect(String(await readSafeFile(path.join(dir, 'in.json'), { maxBytes: 100, insideFolder: dir }))).toBe(
      'inside',
    );
    const error = await failure(
      readSafeFile(path.join(dir, 'out.json'), { maxBytes: 100, insideFolder: dir }),
    );
    expect(error.message).toMatch(/leads out of the bench's data folder/);
  });

  it('refuses a file over the cap by its size, and a folder by its kind', async () => {
    const dir = await folder();
    await writeFile(path.join(dir, 'big.json'), Buffer.alloc(2048));
    expect((await failure(readSafeFile(path.join(dir, 'big.json'), { maxBytes: 1024 }))).message).toMatch(
      /big\.json is larger than 1 KB/,
    );
    await mkdir(path.join(dir, 'sub.json'));
    expect((await failure(readSafeFile(path.join(dir, 'sub.json'), { maxBytes: 1024 }))).message).toMatch(
      /is a folder/,
    );
  });
});

describe('every reader of the data folder ends at once on a pipe or a /dev/zero link', () => {
  it('settings.json: defaults with the reason, not a hang', async () => {
    const dir = await folder();
    fifo(path.join(dir, 'settings.json'));
    const loaded = await new SettingsStore(path.join(dir, 'settings.json')).load();
    expect(loaded.settings).toEqual({});
    expect(loaded.problems.join(' ')).toMatch(/settings\.json is a named pipe.*Defaults are used/);
  });

  it('workflows/: a pipe and a /dev/zero link are problems in the list, the rest still listed', async () => {
    const dir = await folder();
    await mkdir(path.join(dir, 'workflows'));
    fifo(path.join(dir, 'workflows', 'piped.json'));
    await symlink('/dev/zero', path.join(dir, 'workflows', 'zero.json'));
    const list = await WorkflowStore.inDataDir(dir).list();
    expect(list.workflows.length).toBeGreaterThan(0); // the presets
    expect(list.problems.map((p) => [path.basename(p.file), p.message])).toEqual([
      ['piped.json', expect.stringMatching(/not a regular file/)],
      ['zero.json', expect.stringMatching(/symbolic link/)],
    ]);
  });

  it('the stored profile and identity: a pipe or a /dev/zero link reads as nothing stored', async () => {
    const dir = await folder();
    await mkdir(path.join(dir, 'profile'));
    fifo(path.join(dir, 'profile', 'current.json'));
    expect(await new ProfileStore(dir).load()).toBeNull();
    await mkdir(path.join(dir, 'identity'));
    await symlink('/dev/zero', path.join(dir, 'identity', 'supervision-cert.der'));
    expect(await new IdentityStore(dir).load()).toBeNull();
  });

  it('a profile file the operator names: a pipe is refused in words', async () => {
    const dir = await folder();
    fifo(path.join(dir, 'p.mobileconfig'));
    await expect(readProfileFile(path.join(dir, 'p.mobileconfig'))).rejects.toMatchObject({
      info: { detail: expect.stringMatching(/p\.mobileconfig: a named pipe, not a regular file/) },
    });
  });

  it('the journal: never appended through a link, never read through a pipe', async () => {
    const dir = await folder();
    const outside = await folder();
    await writeFile(path.join(outside, 'victim.txt'), 'precious\n');
    await mkdir(path.join(dir, 'journal'));
    await symlink(path.join(outside, 'victim.txt'), path.join(dir, 'journal', 'journal-000001.jsonl'));
    await expect(
      openJsonlAppender({ dir: path.join(dir, 'journal'), prefix: 'journal' }),
    ).rejects.toMatchObject({
      code: 'ELOOP',
    });
    expect(await readFile(path.join(outside, 'victim.txt'), 'utf8')).toBe('precious\n');
    // A journal folder that is itself a link out of the data folder is refused too.
    await symlink(outside, path.join(dir, 'linked'));
    await expect(openJsonlAppender({ dir: path.join(dir, 'linked'), prefix: 'journal' })).rejects.toThrow(
      /symbolic link, not a folder/,
    );
    // Reading: a pipe in the journal folder is passed over at once; a link out of it is refused, not read.
    const piped = await folder();
    fifo(path.join(piped, 'journal-000001.jsonl'));
    expect(await readJsonlFiles(piped, 'journal', () => undefined)).toEqual({ records: [], warnings: [] });
    await expect(readJsonlFiles(path.join(dir, 'journal'), 'journal', () => undefined)).rejects.toMatchObject(
      {
        code: 'ELOOP',
      },
    );
  });

  it('log merge: a pipe is refused, and a JSON export of millions of empty lists is refused before parsing', async () => {
    const dir = await folder();
    fifo(path.join(dir, 'other-mac.jsonl'));
    await expect(readLogFile(path.join(dir, 'other-mac.jsonl'))).rejects.toMatchObject({
      code: 'ENOTREGULAR',
    });
    const empties = `[${'[],'.repeat(MAX_JSON_CONTAINERS)}[]]`;
    await writeFile(path.join(dir, 'empties.json'), empties);
    const read = await readLogFile(path.join(dir, 'empties.json'));
    expect(read.records).toEqual([]);
    expect(read.warnings.join(' ')).toMatch(/more than 2,000,000 lists and objects, not read/);
  });
});
