import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../main/text/parse-flags';
import { runWorkflowCommand } from '../../../main/cli/workflow-command';
import { forgetPrepareFlags } from '../../../main/cfgutil/prepare-flag-support';
import { KNOWN_LIST_NOTES } from '../../../main/cfgutil/skip-pane-names';
import { startSimulatedWorld } from '../../../main/sim/index';

const cart = {
  id: 'cart-7',
  name: 'Cart 7',
  steps: [
    { kind: 'install-enrollment-profile' },
    { kind: 'verify-enrollment' },
    { kind: 'rename', template: 'C7-{n:2}' },
  ],
};

async function dataFolder(files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'eb-cli-workflow-'));
  await mkdir(path.join(dir, 'workflows'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, 'workflows', name), text);
  return dir;
}

async function run(argv: string[], dataDir: string) {
  let out = '';
  let err = '';
  const code = await runWorkflowCommand(argv, {
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    env: { ENROLL_BENCH_DATA: dataDir },
  });
  return { code, out, err };
}

describe('workflow list', () => {
  it('lists the presets and the files, exit 0', async () => {
    const r = await run(['list'], await dataFolder({ 'cart-7.json': JSON.stringify(cart) }));
    expect(r.code).toBe(0);
    expect(r.out.split('\n').map((l) => l.split(/\s+/)[0])).toEqual([
      'supervise-and-enroll',
      'enroll-in-place',
      'ade-reenroll',
      'cart-7',
      '',
    ]);
    expect(r.err).toBe('');
  });

  it('names a bad file and its field on stderr and exits 1; --json carries the problems', async () => {
    const dir = await dataFolder({
      'bad.json': JSON.stringify({ ...cart, id: 'bad', steps: [{ kind: 'verify-enrollment' }] }),
    });
    const r = await run(['list', '--json'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `${path.join(dir, 'workflows', 'bad.json')}: steps[0]: verify-enrollment needs install-enrollment-profile`,
    );
    expect(JSON.parse(r.out).problems).toHaveLength(1);
  });
});

describe('workflow show', () => {
  it('shows a preset step by step, and a file as JSON', async () => {
    const dir = await dataFolder({ 'cart-7.json': JSON.stringify(cart) });
    const preset = await run(['show', 'supervise-and-enroll'], dir);
    expect(preset.code).toBe(0);
    expect(preset.out).toContain('3. prepare supervised, en / en_US, skip all panes, pairing forbidden');
    const file = await run(['show', 'cart-7', '--json'], dir);
    expect(JSON.parse(file.out)).toMatchObject({ id: 'cart-7', preset: false, description: '' });
  });

  it('exits 1 for an unknown id, and gives the problem of a broken file', async () => {
    const dir = await dataFolder({ 'broken.json': '{' });
    expect((await run(['show', 'nope'], dir)).err).toMatch(/there is no workflow "nope"/);
    const broken = await run(['show', 'broken'], dir);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/broken\.json: \(the file\): not valid JSON/);
    await expect(run(['show'], dir)).rejects.toBeInstanceOf(UsageError);
  });
});

describe('workflow validate', () => {
  async function validate(content: string | undefined, extra: string[] = []) {
    const dir = await dataFolder();
    const file = path.join(dir, 'candidate.json');
    if (content !== undefined) await writeFile(file, content);
    return { ...(await run(['validate', file, ...extra], dir)), dir };
  }

  it('accepts a good file and says where to put it', async () => {
    const r = await validate(JSON.stringify(cart));
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Valid. To use it, copy it to ${path.join(r.dir, 'workflows', 'cart-7.json')}`);
  });

  it('refuses a bad file naming the field, exit 1, also as JSON', async () => {
    const r = await validate(JSON.stringify({ ...cart, steps: [{ kind: 'rename', template: 'Cart' }] }), [
      '--json',
    ]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual({
      valid: false,
      problem:
        'steps[0].template: Every device would get the same name: add {serial} or a counter such as {n:3}.',
    });
  });

  it('refuses a file that would replace a preset', async () => {
    const r = await validate(JSON.stringify({ ...cart, id: 'enroll-in-place' }));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/is a shipped preset/);
  });

  it('exits 2 for a file that cannot be read', async () => {
    const r = await validate(undefined);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot be read/);
  });
});

describe('workflow panes (issue 21 item 5)', () => {
  it('--simulate --json: the known list, grouped, saying why', async () => {
    const r = await run(['panes', '--simulate', '--json'], await dataFolder());
    expect(r.code).toBe(0);
    const catalogue = JSON.parse(r.out) as { source: string; note: string; groups: { title: string }[] };
    expect(catalogue).toMatchObject({ source: 'known-list', note: KNOWN_LIST_NOTES['help-lists-none'] });
    expect(catalogue.groups.map((g) => g.title)).toEqual([
      'Welcome and language',
      'Accounts and privacy',
      'Features',
      'Device-specific',
      'After restore/update',
    ]);
  });

  it('asks the cfgutil it is given: a simulated cfgutil whose help lists its panes', async () => {
    const world = await startSimulatedWorld({
      timeScale: 0.001,
      quirks: { helpListsSkipFlags: true, prepareSkipPanes: ['appleid', 'siri', 'holo-setup'] },
    });
    try {
      forgetPrepareFlags(world.cfgutilPath);
      const r = await run(['panes', '--cfgutil', world.cfgutilPath], await dataFolder());
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^all +Skip all panes \(--skip-all\)$/m);
      expect(r.out).toMatch(/^Accounts and privacy:\n {2}appleid +Apple Account$/m);
      expect(r.out).toMatch(/^Other:\n {2}holo-setup +Holo setup$/m);
      expect(r.out).not.toContain('zoom');
    } finally {
      await world.close();
    }
  });

  it('takes no arguments', async () => {
    await expect(run(['panes', 'extra'], await dataFolder())).rejects.toBeInstanceOf(UsageError);
  });
});
