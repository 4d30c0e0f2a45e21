import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PORT,
  parseAppFlags,
  parseElectronFlags,
  parseStartFlags,
} from '../../../main/cli/app-flags';
import { findElectronBinary } from '../../../main/cli/electron-binary';
import { UsageError } from '../../../main/text/parse-flags';

describe('parseAppFlags', () => {
  it('takes a simulator scenario by name or file', () => {
    expect(parseAppFlags(['--simulate', '--scenario', 'messy-cart'])).toMatchObject({
      simulate: true,
      scenario: 'messy-cart',
    });
    expect(parseAppFlags(['--simulate'])).not.toHaveProperty('scenario');
  });

  it('reads every flag in both spellings', () => {
    expect(
      parseAppFlags([
        '--simulate',
        '--port=0',
        '--cfgutil',
        '/x/cfgutil',
        '--time-scale',
        '0.1',
        '--host',
        '0.0.0.0',
      ]),
    ).toEqual({
      simulate: true,
      serve: false,
      port: 0,
      hostname: '0.0.0.0',
      cfgutilFlag: '/x/cfgutil',
      timeScale: 0.1,
    });
    expect(parseAppFlags([])).toEqual({
      simulate: false,
      serve: false,
      port: DEFAULT_PORT,
      hostname: '127.0.0.1',
    });
  });

  it('opens the control channels to other screens only when asked', () => {
    expect(parseAppFlags(['--host', '0.0.0.0', '--allow-remote-control'])).toMatchObject({
      allowRemoteControl: true,
    });
    expect(parseAppFlags(['--host', '0.0.0.0'])).not.toHaveProperty('allowRemoteControl');
  });

  it.each([
    [['--bogus'], /unknown option --bogus/],
    [['--port', '70000'], /--port must be a whole number/],
    [['--port'], /--port needs a value/],
    [['--simulate=yes'], /takes no value/],
    [['--time-scale', '0'], /--time-scale must be/],
    [['a.mobileconfig', 'extra'], /unexpected argument "extra"/],
  ])('refuses %j with a message that names the problem', (argv, message) => {
    expect(() => parseAppFlags(argv)).toThrow(UsageError);
    expect(() => parseAppFlags(argv)).toThrow(message);
  });
});

describe('profile file argument', () => {
  it('takes one profile path to import at start', () => {
    expect(parseAppFlags(['--simulate', '/Users/it/Downloads/Contoso.mobileconfig'])).toMatchObject({
      profileFile: '/Users/it/Downloads/Contoso.mobileconfig',
    });
    expect(parseElectronFlags(['/Applications/Enroll Bench.app', 'Contoso.mobileconfig']).app).toMatchObject({
      profileFile: 'Contoso.mobileconfig',
    });
  });
});

describe('parseElectronFlags', () => {
  it('keeps the app flags and ignores what Electron and macOS add', () => {
    const argv = [
      '/Applications/Enroll Bench.app',
      '-psn_0_12345',
      '--inspect=9229',
      '--simulate',
      '--cfgutil',
      '/opt/cfgutil',
      '--enable-logging',
    ];
    expect(parseElectronFlags(argv).app).toMatchObject({ simulate: true, cfgutilFlag: '/opt/cfgutil' });
  });

  it('keeps --record and --replay for the field kit, checked as `start` checks them', () => {
    const argv = ['/Applications/Enroll Bench.app', '-psn_0_1', '--record', '/tmp/field', '--record-raw'];
    expect(parseElectronFlags(argv).record).toEqual({ record: '/tmp/field', recordRaw: true });
    expect(() => parseElectronFlags(['--record-raw'])).toThrow(/--record-raw needs --record DIR/);
    expect(() => parseElectronFlags(['--simulate', '--replay', '/tmp/b'])).toThrow(
      /--replay answers as cfgutil/,
    );
  });
});

describe('parseStartFlags', () => {
  it('reads the app flags and the record flags in one strict parse', () => {
    expect(parseStartFlags(['--simulate', '--record', 'dir'])).toEqual({
      app: expect.objectContaining({ simulate: true }),
      record: { record: 'dir', recordRaw: false },
    });
    expect(() => parseStartFlags(['--simulate', '--recrod', 'dir'])).toThrow(UsageError);
  });
});

describe('findElectronBinary', () => {
  it('reports a binary that was never downloaded instead of downloading it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'eb-electron-'));
    expect(findElectronBinary(dir, {})).toMatchObject({
      kind: 'unavailable',
      reason: expect.stringMatching(/not been downloaded/),
    });
    await writeFile(path.join(dir, 'path.txt'), 'electron');
    expect(findElectronBinary(dir, {})).toMatchObject({
      kind: 'unavailable',
      reason: expect.stringMatching(/missing at/),
    });
    await mkdir(path.join(dir, 'dist'));
    await writeFile(path.join(dir, 'dist', 'electron'), '');
    expect(findElectronBinary(dir, {})).toEqual({
      kind: 'found',
      binary: path.join(dir, 'dist', 'electron'),
    });
    expect(findElectronBinary(undefined, {})).toMatchObject({ kind: 'unavailable' });
  });
});
