import { mkdir, mkdtemp, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Workflow, WorkflowList } from '../../../../preload/jobs-domain';
import { presetWorkflows, SUPERVISE_AND_ENROLL } from '../../../../main/jobs/workflow/presets';
import { MAX_WORKFLOW_FILES, WorkflowStore } from '../../../../main/jobs/workflow/workflow-store';

const inPlace: Workflow = {
  id: 'cart-7',
  name: 'Cart 7',
  description: 'Enroll in place and name by cart position.',
  preset: false,
  steps: [
    { kind: 'install-enrollment-profile' },
    { kind: 'verify-enrollment' },
    { kind: 'rename', template: 'Cart7-{n:2}' },
  ],
};

async function setup() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'eb-workflows-'));
  const dir = path.join(dataDir, 'workflows');
  return { dataDir, dir, store: WorkflowStore.inDataDir(dataDir) };
}

async function writeWorkflowFile(dir: string, name: string, content: unknown): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('WorkflowStore', () => {
  it('lists the presets when the folder does not exist', async () => {
    const { store } = await setup();
    expect(await store.list()).toEqual({ workflows: presetWorkflows, problems: [] });
    expect(await store.get(SUPERVISE_AND_ENROLL)).toBe(presetWorkflows[0]);
  });

  it('saves a workflow as <id>.json, atomically, and reads it back after the presets', async () => {
    const { dir, store } = await setup();
    expect(await store.save(inPlace)).toEqual(inPlace);
    expect(await readdir(dir)).toEqual(['cart-7.json']);
    const onDisk = JSON.parse(await readFile(path.join(dir, 'cart-7.json'), 'utf8'));
    expect(onDisk).toEqual({
      id: 'cart-7',
      name: 'Cart 7',
      description: inPlace.description,
      steps: inPlace.steps,
    });
    expect((await store.list()).workflows.map((w) => w.id)).toEqual([
      'supervise-and-enroll',
      'enroll-in-place',
      'ade-reenroll',
      'cart-7',
    ]);
    expect(await WorkflowStore.inDataDir(path.dirname(dir)).get('cart-7')).toEqual(inPlace);
  });

  it('keeps a bad file, names it and the field, and still lists the rest', async () => {
    const { dir, store } = await setup();
    await store.save(inPlace);
    const text = JSON.stringify({
      ...inPlace,
      id: 'broken',
      steps: [{ kind: 'prepare', language: 'en', locale: 'en-US' }],
    });
    const file = await writeWorkflowFile(dir, 'broken.json', text);
    const list = await store.list();
    expect(list.workflows.map((w) => w.id)).toEqual([
      'supervise-and-enroll',
      'enroll-in-place',
      'ade-reenroll',
      'cart-7',
    ]);
    expect(list.problems).toEqual([
      {
        file,
        message:
          'steps[0].locale: locale must be a locale such as "en_US" or "fr_CA" (an underscore, not a dash)',
      },
    ]);
    expect(await readFile(file, 'utf8')).toBe(text);
    expect(await store.get('broken')).toBeUndefined();
  });

  it('refuses a file whose id is not its name, or that tries to replace a preset', async () => {
    const { dir, store } = await setup();
    await writeWorkflowFile(dir, 'other.json', { ...inPlace, preset: undefined });
    await writeWorkflowFile(dir, `${SUPERVISE_AND_ENROLL}.json`, {
      ...inPlace,
      id: SUPERVISE_AND_ENROLL,
      preset: undefined,
    });
    await writeWorkflowFile(dir, 'Bad Name.json', '{}');
    const { problems, workflows } = await store.list();
    expect(problems.map((p) => [path.basename(p.file), p.message.split(':')[0]])).toEqual([
      ['Bad Name.json', '(the file name)'],
      ['other.json', 'id'],
      ['supervise-and-enroll.json', 'id'],
    ]);
    expect(problems[1]?.message).toContain('is "cart-7" but the file is named other.json');
    expect(workflows.find((w) => w.id === SUPERVISE_AND_ENROLL)).toBe(presetWorkflows[0]);
  });

  it('does not read a file over 64 KB, a symlink, or more than the file limit', async () => {
    const { dir, store } = await setup();
    await writeWorkflowFile(dir, 'huge.json', `{"name":"${'x'.repeat(100_000)}"}`);
    const elsewhere = await writeWorkflowFile(path.join(dir, '..'), 'outside.json', {
      ...inPlace,
      id: 'linked',
    });
    await symlink(elsewhere, path.join(dir, 'linked.json'));
    const { problems } = await store.list();
    expect(problems.map((p) => p.message)).toEqual([
      '(the file): larger than 64 KB; a workflow is a short list of steps',
      '(the file): it is a symbolic link, which the bench does not follow',
    ]);
    for (let i = 0; i <= MAX_WORKFLOW_FILES; i++)
      await writeWorkflowFile(dir, `w-${String(i).padStart(3, '0')}.json`, '{}');
    const many = await store.list();
    expect(many.problems[0]?.message).toMatch(
      /^\(the folder\): holds 203 workflow files; only the first 200 were read/,
    );
    expect(many.problems).toHaveLength(1 + MAX_WORKFLOW_FILES);
  });

  it('refuses to save a workflow that breaks a rule, naming the field, and writes nothing', async () => {
    const { dir, store } = await setup();
    const bad = {
      ...inPlace,
      steps: [{ kind: 'prepare', language: 'en', locale: 'en_US', skipPanes: 'all', allowPairing: false }],
    };
    await expect(store.save(bad)).rejects.toMatchObject({
      info: {
        code: 'invalid-request',
        title: 'The workflow was not saved',
        field: 'steps.0',
        detail: expect.stringMatching(/^Step 1 \(Prepare\): Prepare needs erase/),
      },
    });
    await expect(
      store.save({
        ...inPlace,
        steps: [...inPlace.steps.slice(0, 2), { kind: 'rename', template: '{model}' }],
      }),
    ).rejects.toMatchObject({
      info: {
        field: 'steps.2.template',
        detail: expect.stringMatching(
          /^Step 3 \(Rename\) › Name template: Every device would get the same name/,
        ),
      },
    });
    await expect(stat(dir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('never overwrites or deletes a preset', async () => {
    const { dir, store } = await setup();
    const preset = presetWorkflows[1] as Workflow;
    await expect(store.save({ ...preset, preset: false, name: 'Mine' })).rejects.toMatchObject({
      info: {
        title: 'Presets cannot be changed',
        detail: expect.stringContaining('Duplicate it under a new id'),
      },
    });
    await expect(store.delete(preset.id)).rejects.toMatchObject({
      info: { title: 'Presets cannot be deleted' },
    });
    await expect(stat(dir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('deletes a file, also one with a problem, and refuses an unknown id', async () => {
    const { dir, store } = await setup();
    await store.save(inPlace);
    await writeWorkflowFile(dir, 'broken.json', '{');
    expect((await store.delete('broken')).problems).toEqual([]);
    expect((await store.delete('cart-7')).workflows).toEqual(presetWorkflows);
    await expect(store.delete('cart-7')).rejects.toMatchObject({ info: { title: 'No such workflow' } });
    await expect(store.delete('../settings')).rejects.toMatchObject({ info: { title: 'No such workflow' } });
  });

  it('tells listeners the new list after every save and delete, in order', async () => {
    const { store } = await setup();
    const seen: WorkflowList[] = [];
    const off = store.onChanged((list) => seen.push(list));
    await Promise.all([
      store.save(inPlace),
      store.save({ ...inPlace, id: 'cart-8' }),
      store.delete('cart-7'),
    ]);
    off();
    await store.delete('cart-8');
    expect(seen.map((l) => l.workflows.slice(presetWorkflows.length).map((w) => w.id))).toEqual([
      ['cart-7'],
      ['cart-7', 'cart-8'],
      ['cart-8'],
    ]);
  });
});

describe('WorkflowStore.watchFolder', () => {
  it('announces a file copied in by hand, once, and stops when asked', async () => {
    const { dir, store } = await setup();
    const seen: WorkflowList[] = [];
    store.onChanged((list) => seen.push(list));
    const stop = await store.watchFolder(50);
    await writeWorkflowFile(dir, 'cart-7.json', { ...inPlace, preset: undefined });
    const deadline = Date.now() + 5000;
    while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    expect(seen.map((l) => l.workflows.at(-1)?.id)).toEqual(['cart-7']);
    stop();
    await writeWorkflowFile(dir, 'cart-8.json', { ...inPlace, id: 'cart-8', preset: undefined });
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).toHaveLength(1);
  });

  it('does not announce again what a save already announced', async () => {
    const { store } = await setup();
    const seen: WorkflowList[] = [];
    store.onChanged((list) => seen.push(list));
    const stop = await store.watchFolder(50);
    await store.save(inPlace);
    await new Promise((r) => setTimeout(r, 300));
    stop();
    expect(seen).toHaveLength(1);
  });
});
