import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSettingsCommand } from '../../../main/cli/settings-command';
import { UsageError } from '../../../main/text/parse-flags';

async function run(argv: string[], dataDir: string) {
  let out = '';
  let err = '';
  const code = await runSettingsCommand(argv, {
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    env: { ENROLL_BENCH_DATA: dataDir },
  });
  return { code, out, err };
}

describe('enroll-bench settings', () => {
  it('shows the defaults, sets a value, and puts it back to default', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'eb-cli-settings-'));
    expect((await run(['show'], dir)).out).toMatch(/concurrency\s+8 {2}\(default\)/);
    const set = await run(['set', 'concurrency', '12'], dir);
    expect(set.code).toBe(0);
    expect(set.out).toMatch(/concurrency\s+12\n/);
    expect(JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8'))).toEqual({ concurrency: 12 });
    expect((await run(['set', 'sounds', 'on', '--json'], dir)).out).toContain('"sounds": true');
    expect((await run(['set', 'notify', 'off'], dir)).out).toMatch(/notify\s+off\n/);
    await run(['set', 'notify', 'default'], dir);
    await run(['set', 'concurrency', 'default'], dir);
    expect(JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8'))).toEqual({ sounds: true });
  });

  it('refuses a bad value by field name with exit 1, and never sets the cfgutil path', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'eb-cli-settings-'));
    const bad = await run(['set', 'countdownSeconds', '99'], dir);
    expect(bad).toMatchObject({ code: 1, err: 'enroll-bench: countdownSeconds: Must be from 0 to 60.\n' });
    expect((await run(['set', 'cfgutilPath', '/tmp/x'], dir)).code).toBe(1);
    await expect(run(['set', 'colour', 'red'], dir)).rejects.toBeInstanceOf(UsageError);
  });

  it('ignore list: a bad entry fails `set` with exit 1 naming it, and `show` counts the entries that hold', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'eb-cli-settings-'));
    const good = await run(['set', 'ignore', '{"serials":["F9FXQ0A1HG7Q","DMPW12ABCD34"],"ecids":[]}'], dir);
    expect(good.code).toBe(0);
    const bad = await run(['set', 'ignore', '{"serials":["F9FXQ0A1HG7Q","F9FX-Q0A1"],"ecids":[]}'], dir);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('ignore.serials[1] (entry 2) "F9FX-Q0A1"');
    // Hand-edited with a typo: the typo alone is dropped and named.
    await writeFile(
      path.join(dir, 'settings.json'),
      JSON.stringify({ ignore: { serials: ['F9FXQ0A1HG7Q', 'F9FX-Q0A1'], ecids: ['0x004F709DB29F9'] } }),
    );
    const shown = await run(['show'], dir);
    expect(shown.out).toMatch(/ignore\s+1 serials, 1 ECIDs/);
    expect(shown.out).toContain('Note: Setting ignore.serials[1] (entry 2) "F9FX-Q0A1"');
  });
});
