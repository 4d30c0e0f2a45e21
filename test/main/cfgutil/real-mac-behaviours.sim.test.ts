/**
 * The client against a simulator that behaves as public captures of real Macs show (issue 20 items 3–6):
 * only the prepare flags this cfgutil lists; no command beyond `list` to a Mac in DFU, an Apple TV or a
 * device in Recovery; ECIDs zero-padded by cfgutil and compared by value; a `get` that exits 1 with a valid
 * envelope; info and `objc[…]` lines beside the output.
 */
import { describe, expect, it } from 'vitest';
import { createCfgutilClient } from '../../../main/cfgutil/cfgutil-client';
import { sameEcid } from '../../../main/cfgutil/ecid';
import { interpretRun } from '../../../main/cfgutil/interpret-run';
import {
  forgetPrepareFlags,
  prepareFlagReport,
  skipFlagsInHelp,
} from '../../../main/cfgutil/prepare-flag-support';
import { runCfgutil, type CfgutilRun } from '../../../main/cfgutil/run-cfgutil';
import { SKIP_PANES } from '../../../main/cfgutil/prepare-options';
import {
  catalogueKeys,
  KNOWN_LIST_NOTES,
  readSkipPaneCatalogue,
} from '../../../main/cfgutil/skip-pane-names';
import { cfgutilVersionCheck } from '../../../main/preflight/cfgutil-checks';
import { startSimulatedWorld, type StartOptions } from '../../../main/sim/index';
import { afterEach } from 'vitest';
import { rejectsWith } from './rejects-with';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A world and a client that records every run (including `help prepare`) and every notice. */
async function bench(options: StartOptions = {}) {
  const handle = await startSimulatedWorld({ timeScale: 0.001, seed: 11, ...options });
  closers.push(() => handle.close());
  forgetPrepareFlags(handle.cfgutilPath);
  const runs: CfgutilRun[] = [];
  const notices: string[] = [];
  const client = createCfgutilClient({
    cfgutilPath: handle.cfgutilPath,
    runner: async (path, args, opts) => {
      const run = await runCfgutil(path, args, opts);
      runs.push(run);
      return run;
    },
    onNotice: (text) => notices.push(text),
  });
  return { handle, client, runs, notices };
}

const isHelp = (run: CfgutilRun) => run.argv.includes('help');
const prepareRuns = (runs: readonly CfgutilRun[]) =>
  runs.filter((r) => r.argv.includes('prepare') && !isHelp(r));
const known = SKIP_PANES.filter((p) => p !== 'apple-intelligence' && p !== 'camera-controls');

describe('prepare flags: only what this cfgutil knows (item 3)', () => {
  it('help lists its panes: help is read once, and only listed flags are sent; the rest are reported', async () => {
    const b = await bench({ quirks: { helpListsSkipFlags: true, prepareSkipPanes: known } });
    const one = b.handle.world.attach({ state: 'erased' });
    const two = b.handle.world.attach({ state: 'erased' });
    const options = { supervised: true, name: 'Contoso Schools', skip: [...SKIP_PANES] };
    await b.client.prepare(one.ecid, options);
    await b.client.prepare(two.ecid, options);
    expect(b.runs.filter(isHelp)).toHaveLength(1);
    const sent = prepareRuns(b.runs);
    expect(sent).toHaveLength(2);
    for (const run of sent) {
      expect(run.argv).not.toContain('--skip-apple-intelligence');
      expect(run.argv).not.toContain('--skip-camera-controls');
      expect(run.argv).toContain('--skip-zoom');
      expect(run.exitCode).toBe(0);
    }
    expect([...(prepareFlagReport(b.handle.cfgutilPath)?.dropped ?? [])].sort()).toEqual([
      '--skip-apple-intelligence',
      '--skip-camera-controls',
    ]);
    expect(b.notices.at(-1)).toMatch(/--skip-apple-intelligence --skip-camera-controls/);
    expect(b.handle.world.device(one.ecid)?.isSupervised).toBe(true);
  });

  it('help lists none: a usage error naming the flag drops it and retries once, and says so', async () => {
    const b = await bench({
      quirks: { helpListsSkipFlags: false, prepareSkipPanes: SKIP_PANES.filter((p) => p !== 'zoom') },
    });
    const device = b.handle.world.attach({ state: 'erased' });
    await b.client.prepare(device.ecid, {
      supervised: true,
      name: 'Contoso Schools',
      skip: ['zoom', 'siri'],
    });
    const sent = prepareRuns(b.runs);
    expect(sent).toHaveLength(2);
    expect(sent[0]?.exitCode).not.toBe(0);
    expect(sent[0]?.stderr).toMatch(/--skip-zoom/);
    expect(sent[1]?.argv).not.toContain('--skip-zoom');
    expect(sent[1]?.argv).toContain('--skip-siri');
    expect(b.handle.world.device(device.ecid)?.skippedPanes).toEqual(['siri']);
    expect(b.notices.join('\n')).toMatch(/--skip-zoom/);
  });

  it('preflight says which prepare options this cfgutil did not know, and is plain ok when none', async () => {
    const b = await bench({ quirks: { prepareSkipPanes: SKIP_PANES.filter((p) => p !== 'zoom') } });
    const engine = { kind: 'cfgutil' as const, path: b.handle.cfgutilPath };
    const version = (signal: AbortSignal) => b.client.version({ signal });
    const before = await cfgutilVersionCheck(engine, version, new AbortController().signal);
    expect(before.status).toBe('ok');
    const device = b.handle.world.attach({ state: 'erased' });
    await b.client.prepare(device.ecid, { supervised: true, skip: ['zoom', 'siri'] });
    const after = await cfgutilVersionCheck(engine, version, new AbortController().signal);
    expect(after.status).toBe('warning');
    expect(after.sentence).toMatch(/--skip-zoom/);
    expect(after.sentence).not.toMatch(/--skip-siri/);
  });

  it('only once: a second unknown flag after the retry fails the prepare, and nothing was done', async () => {
    const b = await bench({
      quirks: { prepareSkipPanes: SKIP_PANES.filter((p) => p !== 'zoom' && p !== 'siri') },
    });
    const device = b.handle.world.attach({ state: 'erased' });
    await rejectsWith(b.client.prepare(device.ecid, { supervised: true, skip: ['zoom', 'siri'] }), 'unknown');
    expect(prepareRuns(b.runs)).toHaveLength(2);
    expect(b.handle.world.device(device.ecid)?.isSupervised).toBe(false);
  });

  it('reads flags out of any help layout, and nothing from a help without them', () => {
    expect(skipFlagsInHelp('  --skip-all\n  --skip-siri  Skip Siri\n--skip-apple-intelligence,')).toEqual(
      new Set(['--skip-all', '--skip-siri', '--skip-apple-intelligence']),
    );
    expect(skipFlagsInHelp('cfgutil prepare: initial configuration')).toBeUndefined();
  });
});

describe('not bench devices get no command beyond list (item 4)', () => {
  it('a Mac in DFU and an Apple TV are listed as captured, and the client refuses to spawn for them', async () => {
    const b = await bench();
    const mac = b.handle.world.attachForeign();
    const tv = b.handle.world.attachForeign({
      deviceType: 'AppleTV11,1',
      name: 'Lobby',
      udid: '00008020-000A1B2C3D4E5F60',
    });
    const listed = await b.client.list();
    const macEntry = listed.find((d) => sameEcid(d.ecid, mac));
    expect(macEntry).toMatchObject({ deviceType: 'iBridge2,15', udid: 'N/A', name: 'N/A' });
    const before = b.runs.length;
    await rejectsWith(b.client.get(mac, ['serialNumber']), 'invalid-request');
    await rejectsWith(b.client.erase(tv), 'invalid-request');
    await rejectsWith(b.client.prepare(mac, { supervised: true }), 'invalid-request');
    expect(b.runs.length).toBe(before);
  });

  it('an iPhone in Recovery lists with "N/A" and is refused until a list shows it booted', async () => {
    const b = await bench();
    const phone = b.handle.world.attach({ bootedState: 'Recovery' });
    const listed = await b.client.list();
    expect(listed.find((d) => sameEcid(d.ecid, phone.ecid))).toMatchObject({ udid: 'N/A', name: 'N/A' });
    await rejectsWith(b.client.pair(phone.ecid), 'invalid-request');
  });
});

describe('ECIDs as cfgutil prints them (item 5)', () => {
  it('JSON keys and Devices are zero-padded; the client reads them by value and sends bare lower-case hex fine', async () => {
    const b = await bench();
    b.handle.world.attach({ ecid: '0x4F709DB29F9', paired: true });
    const raw = await runCfgutil(b.handle.cfgutilPath, ['--format', 'JSON', 'list'], {});
    expect(JSON.parse(raw.stdout)).toMatchObject({ Devices: ['0x004F709DB29F9'] });
    const [device] = await b.client.list();
    expect(sameEcid(device?.ecid, '0x004F709DB29F9')).toBe(true);
    const read = await b.client.get('4f709db29f9', ['isPaired']);
    expect(read.values.isPaired).toBe(true);
    const bare = await runCfgutil(
      b.handle.cfgutilPath,
      ['-e', '4f709db29f9', '--format', 'JSON', 'get', 'isPaired'],
      {},
    );
    expect(Object.keys((JSON.parse(bare.stdout) as { Output: object }).Output)).toContain('0x004F709DB29F9');
  });
});

describe('smaller truths (item 6)', () => {
  it('get exits 1 with a valid envelope: the envelope decides', async () => {
    const b = await bench({ quirks: { partialGetExitCode: 1 } });
    // Unsupervised, so it has no organization name: that one property fails, the rest answer.
    const ipad = b.handle.world.attach({ deviceType: 'iPad13,18', paired: true });
    const read = await b.client.get(ipad.ecid, ['serialNumber', 'organizationName']);
    expect(b.runs.at(-1)?.exitCode).toBe(1);
    expect(read.values.serialNumber).toMatch(/^[0-9A-Z]{10}$/);
    expect(read.errors.organizationName?.code).toBe('value-missing');
  });

  it('objc[…] noise and "cfgutil: restore: …" info lines beside a valid envelope are not errors', async () => {
    const b = await bench({ quirks: { objcNoise: true } });
    const phone = b.handle.world.attach({ paired: true });
    const run = await runCfgutil(
      b.handle.cfgutilPath,
      ['-vvvv', '--format', 'JSON', '-e', phone.ecid, 'get', 'isPaired'],
      {},
    );
    expect(run.stderr).toMatch(/^objc\[/m);
    const withInfo = { ...run, stderr: `${run.stderr}cfgutil: restore: target OS is 12.1\n` };
    const result = interpretRun(withInfo, { ecid: phone.ecid });
    expect(result.kind).toBe('output');
  });
});

describe('the skip-pane checklist comes from the cfgutil in use (issue 21 item 5)', () => {
  it('help lists its panes: read once, bounded, and a pane this table lacks is offered under "Other"', async () => {
    const b = await bench({
      quirks: { helpListsSkipFlags: true, prepareSkipPanes: [...known, 'holo-setup'] },
    });
    const first = await readSkipPaneCatalogue(b.client);
    const again = await readSkipPaneCatalogue(b.client);
    expect(b.runs.filter(isHelp)).toHaveLength(1);
    expect(b.runs.find(isHelp)?.argv).toEqual(expect.arrayContaining(['help', 'prepare']));
    expect(first).toEqual(again);
    expect(first.source).toBe('cfgutil');
    expect([...catalogueKeys(first)].sort()).toEqual([...known, 'holo-setup'].sort());
    expect(first.groups.find((g) => g.title === 'Other')?.panes).toEqual([
      { key: 'holo-setup', name: 'Holo setup' },
    ]);
  });

  it('help lists none (the default simulator): the known list, saying so', async () => {
    const b = await bench();
    const catalogue = await readSkipPaneCatalogue(b.client);
    expect(catalogue).toMatchObject({ source: 'known-list', note: KNOWN_LIST_NOTES['help-lists-none'] });
    expect([...catalogueKeys(catalogue)].sort()).toEqual([...SKIP_PANES].sort());
  });
});
