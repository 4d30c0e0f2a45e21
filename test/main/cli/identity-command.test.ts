import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIdentityCommand, type IdentityCommandIo } from '../../../main/cli/identity-command';
import { UsageError } from '../../../main/text/parse-flags';
import type { HiddenInput } from '../../../main/cli/ask-password';
import { makeP12, makeWorkDir, P12_PASSWORD } from '../profiles/profile-fixtures';

let work: Awaited<ReturnType<typeof makeWorkDir>>;
let p12File: string;
beforeAll(async () => {
  work = await makeWorkDir();
  p12File = path.join(work.dir, 'Contoso.p12');
  await writeFile(p12File, await makeP12(work.dir, P12_PASSWORD));
});
afterAll(async () => {
  await work.cleanup();
});

/** A terminal that types `text` once it is listened to. */
function fakeTerminal(text: string): HiddenInput & { rawModes: boolean[] } {
  let listener: ((chunk: Buffer | string) => void) | undefined;
  const rawModes: boolean[] = [];
  return {
    isTTY: true,
    rawModes,
    setRawMode: (mode: boolean) => rawModes.push(mode),
    on: (_event, l) => (listener = l),
    off: () => (listener = undefined),
    resume: () => setImmediate(() => listener?.(text)),
    pause: () => undefined,
  };
}

async function run(
  argv: string[],
  opts: { env?: NodeJS.ProcessEnv; stdin?: HiddenInput; dataDir?: string } = {},
) {
  const dataDir = opts.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'eb-cli-identity-')));
  let out = '';
  let err = '';
  let prompt = '';
  const io: IdentityCommandIo = {
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    env: { ENROLL_BENCH_DATA: dataDir, ...opts.env },
    prompt: (t) => (prompt += t),
    ...(opts.stdin ? { stdin: opts.stdin } : {}),
  };
  const code = await runIdentityCommand(argv, io);
  return { code, out, err, prompt, dataDir };
}

describe('identity import', () => {
  it('imports with the password from the environment and prints the summary, never the password or key', async () => {
    const r = await run(['import', p12File, '--json'], { env: { ENROLL_BENCH_P12_PASSWORD: P12_PASSWORD } });
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary).toMatchObject({ organizationName: 'Contoso Ltd', source: 'imported' });
    expect(summary.fingerprintSha256).toMatch(/^[0-9A-F:]{95}$/);
    const key = await readFile(path.join(r.dataDir, 'identity', 'supervision-key.der'));
    for (const text of [r.out, r.err]) {
      expect(text).not.toContain(P12_PASSWORD);
      expect(text).not.toMatch(/PRIVATE KEY/);
      expect(text).not.toContain(key.toString('base64').slice(0, 40));
      expect(text).not.toContain(key.toString('hex').slice(0, 40));
    }
    const shown = await run(['show'], { dataDir: r.dataDir });
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/^Supervision identity: Contoso Ltd \(imported\)/);
  });

  it('asks on the terminal without echo when the variable is not set', async () => {
    const terminal = fakeTerminal(`${P12_PASSWORD}\r`);
    const r = await run(['import', p12File], { stdin: terminal });
    expect(r.code).toBe(0);
    expect(r.prompt).toBe('Password for Contoso.p12: \n');
    expect(terminal.rawModes).toEqual([true, false]);
    expect(r.out + r.err + r.prompt).not.toContain(P12_PASSWORD);
  });

  it('says to set the variable when there is no terminal to ask on', async () => {
    await expect(run(['import', p12File], { stdin: { ...fakeTerminal(''), isTTY: false } })).rejects.toThrow(
      /set ENROLL_BENCH_P12_PASSWORD \(there is no terminal to ask on\)/,
    );
    await expect(run(['import', p12File])).rejects.toBeInstanceOf(UsageError);
  });

  it('refuses a wrong password with exit 1 and a plain message that does not echo it', async () => {
    const r = await run(['import', p12File], { env: { ENROLL_BENCH_P12_PASSWORD: 'not-it-4821' } });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/The password is wrong/);
    expect(r.err).not.toContain('not-it-4821');
    expect((await run(['show'], { dataDir: r.dataDir })).code).toBe(1);
  });

  it('treats an unreadable file as a usage error', async () => {
    await expect(
      run(['import', path.join(work.dir, 'nope.p12')], { env: { ENROLL_BENCH_P12_PASSWORD: 'x' } }),
    ).rejects.toThrow(/cannot be read/);
  });
});

describe('identity create and show', () => {
  it('creates an identity for the organization, and will not replace it without --replace', async () => {
    const r = await run(['create', '--organization', 'Contoso IT']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Supervision identity: Contoso IT \(created\)/);
    const again = await run(['create', '--organization', 'Other'], { dataDir: r.dataDir });
    expect(again.code).toBe(1);
    expect(again.err).toMatch(
      /already has a supervision identity \(CN=Contoso IT, O=Contoso IT\).*--replace/,
    );
    const shown = await run(['show', '--json'], { dataDir: r.dataDir });
    expect(JSON.parse(shown.out)).toMatchObject({ organizationName: 'Contoso IT', source: 'created' });
  });

  it('says there is none yet with exit 1, and refuses a create without an organization', async () => {
    const r = await run(['show', '--json']);
    expect(r.code).toBe(1);
    expect(r.out.trim()).toBe('null');
    expect(r.err).toMatch(/no supervision identity yet/);
    await expect(run(['create'])).rejects.toThrow(/needs --organization NAME/);
    await expect(run(['rotate'])).rejects.toBeInstanceOf(UsageError);
  });

  it('explains an organization name it cannot use', async () => {
    const r = await run(['create', '--organization', 'x'.repeat(65)]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Check the organization name/);
  });
});
