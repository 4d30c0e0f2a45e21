import { access } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { cfgutil, fastWorld, json } from './sim-test-kit';

describe('startSimulatedWorld', () => {
  it('lists attached devices with exactly the documented keys when asked for JSON', async () => {
    const handle = await fastWorld({ devices: 2 });
    const [a, b] = handle.world.list();
    const run = await cfgutil(handle, ['--format', 'JSON', 'list']);
    expect(run.code).toBe(0);
    const envelope = json(run);
    expect(Object.keys(envelope)).toEqual(['Command', 'Output', 'Type', 'Devices']);
    expect(envelope.Devices).toEqual([a?.ecid, b?.ecid]);
    const entry = (envelope.Output as Record<string, Record<string, unknown>>)[a?.ecid ?? ''];
    expect(Object.keys(entry ?? {})).toEqual(['locationID', 'UDID', 'ECID', 'name', 'deviceType']);
    expect(entry).toEqual({
      locationID: a?.locationID,
      UDID: a?.udid,
      ECID: a?.ecid,
      name: a?.name,
      deviceType: a?.deviceType,
    });
    expect(run.stdout.split('\n')).toHaveLength(2);
  });

  it('prints the empty list envelope with no devices and accepts lower-case json', async () => {
    const handle = await fastWorld();
    const run = await cfgutil(handle, ['--format', 'json', 'list']);
    expect(run.stdout).toBe('{"Command":"list","Output":{},"Type":"CommandOutput","Devices":[]}\n');
    expect(run.code).toBe(0);
  });

  it('prints pretty JSON when the jsonStyle quirk asks for it', async () => {
    const handle = await fastWorld({ quirks: { jsonStyle: 'pretty' } });
    const run = await cfgutil(handle, ['--format', 'JSON', 'list']);
    expect(run.stdout).toBe(
      '{\n  "Command": "list",\n  "Output": {},\n  "Type": "CommandOutput",\n  "Devices": []\n}\n',
    );
  });

  it('prints one tab-separated text line per device', async () => {
    const handle = await fastWorld({ devices: 1 });
    const [d] = handle.world.list();
    const run = await cfgutil(handle, ['list']);
    const hex = `0x${(d?.locationID ?? 0).toString(16)}`;
    expect(run.stdout).toBe(
      `Type: ${d?.deviceType}\tECID: ${d?.ecid}\tUDID: ${d?.udid} Location: ${hex} Name: ${d?.name}\n`,
    );
    expect(run.stdout.split(/\s+/)[3]).toBe(d?.ecid);
  });

  it('writes the same structure as an XML plist', async () => {
    const handle = await fastWorld({ devices: 1 });
    const [d] = handle.world.list();
    const run = await cfgutil(handle, ['--format', 'PLIST', 'list']);
    expect(run.stdout).toContain('<key>Command</key>\n    <string>list</string>');
    expect(run.stdout).toContain(`<key>locationID</key>\n        <integer>${d?.locationID}</integer>`);
  });

  it('returns an empty list, not an error, with broken automation tools', async () => {
    const handle = await fastWorld({ devices: 3, quirks: { brokenAutomationTools: true } });
    const run = await cfgutil(handle, ['--format', 'JSON', 'list']);
    expect(json(run).Devices).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('does not write the executable when the tools are not installed', async () => {
    const handle = await fastWorld({ toolsInstalled: false });
    await expect(access(handle.cfgutilPath)).rejects.toThrow();
  });

  it('reports the version in text and JSON', async () => {
    const handle = await fastWorld({ quirks: { version: '2.21', build: '1002.1' } });
    expect((await cfgutil(handle, ['version'])).stdout).toBe('cfgutil 2.21 (1002.1)\n');
    expect(json(await cfgutil(handle, ['--format', 'JSON', 'version'])).Output).toEqual({
      version: '2.21',
      build: '1002.1',
    });
  });

  it('prints help for a command and fails for an unknown one', async () => {
    const handle = await fastWorld();
    const help = await cfgutil(handle, ['help', 'prepare']);
    expect(help.stdout).toMatch(/^cfgutil prepare: /);
    const bad = await cfgutil(handle, ['help', 'frobnicate']);
    expect([bad.code, bad.stderr]).toEqual([1, 'cfgutil: error: unknown command "frobnicate"\n']);
  });

  it('refuses unknown options, unknown commands and bad formats with a non-zero exit', async () => {
    const handle = await fastWorld({ devices: 1 });
    const option = await cfgutil(handle, ['--mdm-url', 'x', 'list']);
    expect([option.code, option.stderr]).toEqual([1, 'cfgutil: error: unrecognized option "--mdm-url"\n']);
    const command = await cfgutil(handle, ['frobnicate']);
    expect([command.code, command.stderr]).toEqual([1, 'cfgutil: error: unknown command "frobnicate"\n']);
    const format = await cfgutil(handle, ['--format', 'yaml', 'list']);
    expect(format.code).toBe(1);
    expect(format.stderr).toContain('invalid format "yaml"');
  });

  it('says "no devices found" on stderr, even in JSON mode, for an ECID that is not attached', async () => {
    const handle = await fastWorld({ devices: 1 });
    const run = await cfgutil(handle, ['--format', 'JSON', '-e', '0xDEADBEEF', 'get', 'name']);
    expect([run.code, run.stdout, run.stderr]).toEqual([1, '', 'cfgutil: error: no devices found\n']);
  });

  it('refuses an ambiguous target by default and acts on all devices with the quirk switched', async () => {
    const handle = await fastWorld({ devices: 2 });
    const run = await cfgutil(handle, ['get', 'name']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^cfgutil: error: more than one device is attached/);
    handle.world.setQuirks({ ambiguousTarget: 'all' });
    const all = await cfgutil(handle, ['--format', 'JSON', 'get', 'name']);
    expect(json(all).Devices).toHaveLength(2);
  });

  it('matches -e numerically: lower case and leading zeros select the same device', async () => {
    const handle = await fastWorld({ devices: 1 });
    const [d] = handle.world.list();
    const spelled = `0x${(d?.ecid ?? '').slice(2).toLowerCase().padStart(16, '0')}`;
    const run = await cfgutil(handle, ['--format', 'JSON', '-e', spelled, 'get', 'ECID']);
    expect(json(run).Devices).toEqual([d?.ecid]);
  });

  it('prints objc noise on stderr without disturbing stdout when the quirk is on', async () => {
    const handle = await fastWorld({ quirks: { objcNoise: true } });
    const run = await cfgutil(handle, ['--format', 'JSON', 'list']);
    expect(run.stderr).toMatch(/^objc\[\d+\]: Class AMSupport.* Which one is undefined\.\n$/);
    expect(json(run).Command).toBe('list');
  });
});
