import { presetWorkflows } from '../../../../main/jobs/workflow/presets';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BenchEvent } from '../../../../preload/contract';
import type { SkipPaneCatalogue, Workflow } from '../../../../preload/jobs-domain';
import { SKIP_PANES } from '../../../../main/cfgutil/prepare-options';
import { catalogueKeys, skipPaneCatalogue } from '../../../../main/cfgutil/skip-pane-names';
import { localOnlyChannels } from '../../../../main/server/local-only-channels';
import { createBench, type Bench } from '../../../../main/app/create-bench';
import { EventHub } from '../../../../main/events/event-hub';
import {
  SERIAL_NOT_READ,
  WorkflowChannels,
  type AttachedDevice,
} from '../../../../main/jobs/workflow/workflow-channels';
import { WorkflowStore } from '../../../../main/jobs/workflow/workflow-store';

const cart: Workflow = {
  id: 'cart-7',
  name: 'Cart 7',
  description: '',
  preset: false,
  steps: [
    { kind: 'install-enrollment-profile' },
    { kind: 'verify-enrollment' },
    { kind: 'rename', template: 'C7-{n:2}' },
  ],
};

async function setup(devices: readonly AttachedDevice[] = []) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'eb-wf-channels-'));
  const hub = new EventHub();
  const events: BenchEvent[] = [];
  hub.subscribe((e) => events.push(e));
  const channels = new WorkflowChannels(WorkflowStore.inDataDir(dataDir), () => devices);
  channels.wire(hub);
  return { channels, events };
}

describe('WorkflowChannels', () => {
  it('saves, lists and deletes, and emits workflowsChanged with the new list each time', async () => {
    const { channels, events } = await setup();
    expect(await channels.saveWorkflow({ workflow: cart })).toEqual({ ok: true, value: cart });
    const listed = await channels.listWorkflows();
    expect(listed.ok && listed.value.workflows.map((w) => w.id)).toEqual([
      'supervise-and-enroll',
      'enroll-in-place',
      'ade-reenroll',
      'cart-7',
    ]);
    await channels.deleteWorkflow({ workflowId: 'cart-7' });
    const changes = events.filter((e) => e.channel === 'workflowsChanged');
    expect(changes.map((e) => e.channel === 'workflowsChanged' && e.payload.list.workflows.length)).toEqual([
      presetWorkflows.length + 1,
      presetWorkflows.length,
    ]);
  });

  it('previews names in the order the devices are attached, and says when a serial is not read yet', async () => {
    const { channels } = await setup([
      { ecid: '0x1A', serialNumber: 'F9FXQ0A1HG7Q', model: 'iPad mini' },
      { ecid: '0x2B', model: 'iPad (10th generation)' },
    ]);
    expect(await channels.previewNames({ template: 'C7-{n:2} {model}' })).toEqual({
      ok: true,
      value: [
        { ecid: '0x1A', name: 'C7-01 iPad mini' },
        { ecid: '0x2B', name: 'C7-02 iPad (10th generation)' },
      ],
    });
    const bySerial = await channels.previewNames({ template: 'iPad-{serial}' });
    expect(bySerial.ok && bySerial.value.map((d) => d.name)).toEqual(['iPad-F9FXQ0A1HG7Q', SERIAL_NOT_READ]);
  });

  it('refuses a template that cannot tell devices apart, with the reason', async () => {
    const { channels } = await setup([{ ecid: '0x1A' }]);
    await expect(channels.previewNames({ template: 'Cart 7' })).rejects.toMatchObject({
      info: {
        code: 'invalid-request',
        detail: 'Every device would get the same name: add {serial} or a counter such as {n:3}.',
      },
    });
  });
});

describe('workflow channels in the composed bench', () => {
  let bench: Bench | undefined;
  afterEach(async () => {
    await bench?.close();
    bench = undefined;
  });

  it('answers through the dispatcher, refuses with the field, and previews the attached simulated devices', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'eb-wf-bench-'));
    bench = await createBench({ simulate: true, dataDir, timeScale: 0.01, log: () => {} });
    const events: BenchEvent[] = [];
    bench.host.subscribe((e) => events.push(e));
    expect(await bench.host.dispatch('saveWorkflow', [{ workflow: cart }])).toEqual({
      ok: true,
      value: cart,
    });
    expect(events.some((e) => e.channel === 'workflowsChanged')).toBe(true);
    const refused = await bench.host.dispatch('saveWorkflow', [{ workflow: { ...cart, id: 'Cart 7' } }]);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', field: 'id', detail: expect.stringMatching(/^File name: /) },
    });
    expect(await bench.workflows.get('cart-7')).toEqual(cart);
    expect(bench.settings).toMatchObject({
      concurrency: 8,
      countdownSeconds: 5,
      defaultWorkflowId: 'supervise-and-enroll',
    });
    await bench.host.dispatch('simulate', [{ type: 'attach', deviceClass: 'iPad' }]);
    const deadline = Date.now() + 10_000;
    let names: unknown;
    while (Date.now() < deadline) {
      const preview = await bench.host.dispatch('previewNames', [{ template: 'C7-{n:2}' }]);
      const value = preview.ok ? (preview.value as readonly { readonly name: string }[]) : [];
      if (value.length === 1) {
        names = value.map((d) => d.name);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(names).toEqual(['C7-01']);
    // The other job channels belong to the jobs area, composed beside the workflow channels.
    expect(await bench.host.dispatch('setArmed', [{ armed: false }])).toMatchObject({
      ok: true,
      value: { armed: false },
    });
  });

  it('tells the operator at start about a corrupt settings file and a bad workflow file, and still starts', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'eb-wf-bench-'));
    await writeFile(path.join(dataDir, 'settings.json'), '{"concurrency": 4');
    await mkdir(path.join(dataDir, 'workflows'));
    await writeFile(
      path.join(dataDir, 'workflows', 'cart-9.json'),
      JSON.stringify({ ...cart, id: 'cart-9', steps: [] }),
    );
    bench = await createBench({ simulate: true, dataDir, timeScale: 0.01, log: () => {} });
    expect(bench.problems).toEqual([
      expect.stringMatching(/^The settings file was not valid JSON; it was kept as settings\.json\.corrupt-/),
      `Workflow file ${path.join(dataDir, 'workflows', 'cart-9.json')}: steps: steps must hold at least one step`,
    ]);
    expect(bench.settings.concurrency).toBe(8);
  });
});

describe('skip panes through the workflow channels (issue 21 item 5)', () => {
  const prepareCart = (skipPanes: 'all' | string[]): Workflow => ({
    id: 'cart-9',
    name: 'Cart 9',
    description: '',
    preset: false,
    steps: [
      { kind: 'erase', allowOtherOrganization: false },
      { kind: 'wait-until-settled' },
      { kind: 'prepare', language: 'en', locale: 'en_US', skipPanes, allowPairing: false },
      { kind: 'finish-setup-assistant' },
      { kind: 'install-enrollment-profile' },
    ],
  });
  const listing = (keys: string[]) => async () => skipPaneCatalogue(keys);

  it('lists the catalogue it is given, and saves panes it offers (a newer cfgutil’s too), keys unchanged', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'eb-wf-panes-'));
    const channels = new WorkflowChannels(
      WorkflowStore.inDataDir(dataDir),
      () => [],
      listing(['appleid', 'siri', 'holo-setup']),
    );
    expect(await channels.listSkipPanes()).toEqual({
      ok: true,
      value: skipPaneCatalogue(['appleid', 'siri', 'holo-setup']),
    });
    const saved = await channels.saveWorkflow({ workflow: prepareCart(['holo-setup', 'appleid']) });
    expect(saved.ok && saved.value.steps[2]).toMatchObject({ skipPanes: ['holo-setup', 'appleid'] });
  });

  it('refuses a pane this cfgutil does not offer, next to its field, in words', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'eb-wf-panes-'));
    const store = WorkflowStore.inDataDir(dataDir);
    const channels = new WorkflowChannels(store, () => [], listing(['appleid', 'siri']));
    await expect(channels.saveWorkflow({ workflow: prepareCart(['siri', 'foo']) })).rejects.toMatchObject({
      info: {
        code: 'invalid-request',
        title: 'The workflow was not saved',
        field: 'steps.2.skipPanes',
        detail:
          'Step 3 (Prepare) › Panes to skip: "foo" is not a pane this cfgutil knows. Choose from the list.',
      },
    });
    expect(await store.get('cart-9')).toBeUndefined();
  });

  it('the composed simulated bench answers listSkipPanes from its engine (any screen may ask)', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'eb-wf-bench-'));
    const bench = await createBench({ simulate: true, dataDir, timeScale: 0.01, log: () => {} });
    try {
      const answer = await bench.host.dispatch('listSkipPanes', []);
      expect(answer).toMatchObject({ ok: true, value: { source: 'known-list' } });
      if (answer.ok)
        expect([...catalogueKeys(answer.value as SkipPaneCatalogue)].sort()).toEqual([...SKIP_PANES].sort());
      expect(localOnlyChannels.listSkipPanes).toBe('any');
    } finally {
      await bench.close();
    }
  });
});
