import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  boardSettings,
  composeProvisioning,
  type Provisioning,
  type ProvisioningSettings,
} from '../../../main/app/compose-provisioning';
import { memoryJournal } from '../../../main/journal/job-journal';
import { workflowSource } from '../../../main/jobs/workflow-source';
import { NAMES_DIR } from '../../../main/jobs/workflow/name-book';
import type { Workflow } from '../../../preload/jobs-domain';
import { FakeEngine } from '../../fakes/fake-engine';
import { ManualTimers, settle } from '../../fakes/manual-timers';

const ROOT = path.resolve(__dirname, '../../..');

async function sources(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(path.join(ROOT, dir), { withFileTypes: true })) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') found.push(...(await sources(relative)));
    else if (/\.(ts|tsx|mts|mjs)$/.test(entry.name)) found.push(relative);
  }
  return found;
}

async function filesContaining(needle: string): Promise<string[]> {
  const files = [...(await sources('main')), ...(await sources('test'))];
  const hits: string[] = [];
  for (const file of files) {
    if (file === path.join('test', 'main', 'app', 'compose-provisioning.test.ts')) continue;
    if ((await readFile(path.join(ROOT, file), 'utf8')).includes(needle)) hits.push(file);
  }
  return hits.sort();
}

describe('one composition', () => {
  it('builds the job board in one place: nothing else in main/ or test/ constructs one', async () => {
    expect(await filesContaining('new ' + 'JobBoard(')).toEqual([
      path.join('main', 'app', 'compose-provisioning.ts'),
    ]);
  });

  it('builds the device watcher in one place (and in the watcher’s own unit test)', async () => {
    expect(await filesContaining('new ' + 'DeviceWatcher(')).toEqual([
      path.join('main', 'app', 'device-intake.ts'),
      path.join('test', 'main', 'devices', 'device-watcher.test.ts'),
    ]);
  });

  it('every entry point and harness reaches the board through the composition', async () => {
    const read = (file: string) => readFile(path.join(ROOT, file), 'utf8');
    // The app and `serve` both start createBench, which joins the jobs through jobsAreaFor → composeProvisioning.
    expect(await read('main/electron/electron-main.ts')).toContain('createBench(');
    expect(await read('main/cli/serve-command.ts')).toContain('createBench(');
    expect(await read('main/app/create-bench.ts')).toContain('jobsAreaFor(');
    expect(await read('main/app/jobs-wiring.ts')).toContain('composeProvisioning(');
    // `run`, the benchmarks' cart and the board's simulated-cfgutil harness call the composition themselves.
    for (const file of [
      'main/app/run-session.ts',
      'test/bench/figures/cart-harness.ts',
      'test/main/jobs/jobs-sim-harness.ts',
    ])
      expect(await read(file), file).toContain('composeProvisioning(');
    expect(await read('main/cli/run-command.ts')).toMatch(/io\.startSession \?\? startRunSession\b/);
    expect(await read('test/bench/figures/counted-sim-bench.ts')).toContain('jobsAreaFor(');
  });
});

const settingsArb: fc.Arbitrary<ProvisioningSettings> = fc.record({
  concurrency: fc.integer({ min: 1, max: 64 }),
  countdownSeconds: fc.integer({ min: 0, max: 60 }),
  stationName: fc.string({ minLength: 1, maxLength: 20 }),
  ignore: fc.record({
    serials: fc.array(fc.stringMatching(/^[A-Z0-9]{10,12}$/), { maxLength: 3 }),
    ecids: fc.array(fc.stringMatching(/^0x[0-9A-F]{4,12}$/), { maxLength: 3 }),
  }),
  defaultWorkflowId: fc.constantFrom('supervise-and-enroll', 'enroll-in-place'),
});

describe('boardSettings', () => {
  it('carries every setting to the board; a run choice wins only for what it names', () => {
    fc.assert(
      fc.property(
        settingsArb,
        fc.option(fc.integer({ min: 1, max: 64 }), { nil: undefined }),
        fc.option(fc.constant('custom'), { nil: undefined }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        (settings, concurrency, workflowId, scale) => {
          const board = boardSettings(
            settings,
            { ...(concurrency ? { concurrency } : {}), ...(workflowId ? { workflowId } : {}) },
            scale,
          );
          expect(board.ignoreSerials).toEqual(settings.ignore.serials);
          expect(board.ignoreEcids).toEqual(settings.ignore.ecids);
          expect(board.stationName).toBe(settings.stationName);
          expect(board.countdownSeconds).toBe(settings.countdownSeconds);
          expect(board.countdownMs).toBeCloseTo(settings.countdownSeconds * 1000 * scale);
          expect(board.concurrency).toBe(concurrency ?? settings.concurrency);
          expect(board.workflowId).toBe(workflowId ?? settings.defaultWorkflowId);
        },
      ),
    );
  });
});

describe('composeProvisioning', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function compose(
    settings: Partial<ProvisioningSettings>,
    output: string[],
    given?: { readonly dataDir: string; readonly workflows: Workflow[] },
  ) {
    const dataDir = given?.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'compose-')));
    if (!given) cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const journal = memoryJournal();
    const timers = new ManualTimers();
    const provisioning: Provisioning = await composeProvisioning({
      dataDir,
      settings: {
        concurrency: 8,
        countdownSeconds: 5,
        stationName: 'Bench A',
        ignore: { serials: [], ecids: [] },
        defaultWorkflowId: 'supervise-and-enroll',
        ...settings,
      },
      workflows: workflowSource(given?.workflows),
      supervision: { current: () => ({}) },
      profile: { current: () => undefined },
      journal: { sink: journal },
      devices: {
        devicesChanged: (devices) => output.push(`devices ${devices.map((d) => d.ecid).join(',')}`),
        watcherChanged: () => {},
      },
      events: {
        jobChanged: (job) => output.push(`job ${job.ecid} ${job.phase}`),
        jobRemoved: (ecid) => output.push(`removed ${ecid}`),
        factsChanged: () => {},
        runChanged: () => {},
      },
      tuning: { timers, debounceMs: 10 },
    });
    cleanups.push(() => provisioning.close());
    const engine = new FakeEngine();
    provisioning.intake.attach(engine);
    return { provisioning, engine, journal, timers };
  }

  it('skips a device on the settings’ ignore list, records the station name, and tells the UIs the device list before the job', async () => {
    const output: string[] = [];
    const { provisioning, engine, journal, timers } = await compose(
      { ignore: { serials: [], ecids: ['0x1001'] }, stationName: 'Cart Room 2', concurrency: 3 },
      output,
    );
    expect(provisioning.board.runStatus().concurrency).toBe(3);
    // The bench log learns of an ending from the recorder, once the record is in the journal.
    const endedWith: number[] = [];
    provisioning.onJobEnded(() =>
      endedWith.push(journal.entries.filter((e) => e.kind === 'job-ended').length),
    );
    engine.listed = [{ ecid: '0x1001', name: 'iPad', deviceType: 'iPad13,1' }];
    engine.fire();
    await timers.advance(10);
    await settle();
    expect(provisioning.board.views()).toMatchObject([
      { ecid: '0x1001', phase: 'skipped', skipReason: 'ignore-list' },
    ]);
    // The board answers the list it was given, synchronously after it, without a microtask hop in between.
    expect(output.slice(0, 2)).toEqual(['devices 0x1001', 'job 0x1001 queued']);
    expect(journal.entries[0]).toMatchObject({ kind: 'session-started', stationName: 'Cart Room 2' });
    expect(endedWith).toEqual([1]);
  });

  it('applies each settings save it is told, with no second guess: the same save again is "Back to N"', async () => {
    // Once per save is by construction (the file follower skips the store's own write:
    // test/main/settings/follow-settings-file.test.ts, and the app-level count in create-bench.test.ts).
    const output: string[] = [];
    const { provisioning } = await compose({}, output);
    const runs: number[] = [];
    const board = provisioning.board;
    const apply = board.applySettings.bind(board);
    board.applySettings = (next) => {
      runs.push(next.concurrency);
      return apply(next);
    };
    const saved: ProvisioningSettings = {
      concurrency: 2,
      countdownSeconds: 1,
      stationName: 'Bench B',
      ignore: { serials: [], ecids: [] },
      defaultWorkflowId: 'supervise-and-enroll',
    };
    provisioning.applySettings(saved);
    expect(runs).toEqual([2]);
    expect(board.runStatus().concurrency).toBe(2);
    // The bench lowered the cap by itself (drop-offs): the same save again is "Back to 2", and it applies.
    (board as unknown as { limit: { setInForce(n: number): void } }).limit.setInForce(1);
    expect(board.runStatus()).toMatchObject({ concurrency: 1, concurrencySetting: 2 });
    provisioning.applySettings({ ...saved });
    expect(runs).toEqual([2, 2]);
    expect(board.runStatus().concurrency).toBe(2);
  });

  it('every entry point gets the data folder’s name book: counters go on across compositions (runs, restarts)', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'compose-names-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const cart: Workflow = {
      id: 'cart-names',
      name: 'Cart names',
      description: 'Rename only.',
      preset: false,
      steps: [{ kind: 'rename', template: 'CART-{n:3}' }],
    };
    const given = { dataDir, workflows: [cart] };
    for (const [ecid, run] of [
      ['0x2001', 1],
      ['0x2002', 2],
    ] as const) {
      const { provisioning, engine, timers } = await compose({ defaultWorkflowId: cart.id }, [], given);
      engine.listed = [{ ecid, name: 'iPad', deviceType: 'iPad13,1' }];
      engine.fire();
      await timers.advance(10);
      await settle();
      expect(
        provisioning.board.views().map((v) => v.ecid),
        `run ${run}`,
      ).toEqual([ecid]);
      await provisioning.close();
    }
    const lines = (await readFile(path.join(dataDir, NAMES_DIR, 'names-000001.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { template: string; ecid: string; n: number });
    expect(lines.map(({ template, ecid, n }) => [template, ecid, n])).toEqual([
      ['CART-{n:3}', '0x2001', 1],
      ['CART-{n:3}', '0x2002', 2],
    ]);
  });
});
