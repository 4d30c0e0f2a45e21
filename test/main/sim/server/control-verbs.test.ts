/**
 * The shell door's verbs for the in-use and cannot-tell waits (issue 21): a device can be made unreadable
 * (a property error from `get`) and readable again, and the world says which cfgutil commands reached a device,
 * so a test can prove that nothing was sent to it. Bad arguments are a reply with ok:false, never a throw.
 */
import { describe, expect, it } from 'vitest';
import { runControlVerb } from '../../../../main/sim/server/control-verbs';
import { cfgutil, fastWorld } from '../sim-test-kit';

describe('sim unreadable and sim commands', () => {
  it('attach --unreadable shows a property error until `unreadable … off`', async () => {
    const handle = await fastWorld();
    const attached = await runControlVerb(handle.world, [
      'attach',
      '--paired',
      '--unreadable',
      'isSupervised',
    ]);
    expect(attached.ok).toBe(true);
    const ecid = attached.text.trim();
    const read = async () =>
      JSON.parse(
        (await cfgutil(handle, ['--format', 'JSON', '-e', ecid, 'get', 'isSupervised', 'serialNumber']))
          .stdout,
      ) as { Output: Record<string, Record<string, unknown>> };
    const device = (output: Awaited<ReturnType<typeof read>>) => Object.values(output.Output)[0] ?? {};
    expect(device(await read()).isSupervised).toBeUndefined();
    expect((await runControlVerb(handle.world, ['unreadable', ecid, 'isSupervised', 'off'])).ok).toBe(true);
    expect(device(await read()).isSupervised).toBe(false);
    expect((await runControlVerb(handle.world, ['unreadable', ecid, 'isSupervised', 'on'])).ok).toBe(true);
    expect(device(await read()).isSupervised).toBeUndefined();
  });

  it('lists the commands a device took, oldest first, and only that device’s', async () => {
    const handle = await fastWorld();
    const one = (await runControlVerb(handle.world, ['attach', '--paired'])).text.trim();
    const two = (await runControlVerb(handle.world, ['attach', '--paired'])).text.trim();
    expect(await runControlVerb(handle.world, ['commands', one])).toEqual({ ok: true, text: '' });
    await cfgutil(handle, ['--format', 'JSON', '-e', one, 'get', 'name']);
    await cfgutil(handle, ['--format', 'JSON', '-e', one, 'erase'], { timeoutMs: 30_000 });
    await cfgutil(handle, ['--format', 'JSON', '-e', two, 'get', 'name']);
    expect((await runControlVerb(handle.world, ['commands', one])).text).toBe('get\nerase\n');
    expect((await runControlVerb(handle.world, ['commands', two])).text).toBe('get\n');
  });

  it('refuses an unknown property, a missing ECID or state, and an unknown device, in words', async () => {
    const handle = await fastWorld();
    const ecid = (await runControlVerb(handle.world, ['attach'])).text.trim();
    for (const argv of [
      ['attach', '--unreadable', 'favouriteColour'],
      ['unreadable', ecid, 'favouriteColour', 'on'],
      ['unreadable', ecid, 'isSupervised'],
      ['unreadable'],
      ['commands'],
      ['commands', '0x1'],
    ]) {
      const reply = await runControlVerb(handle.world, argv);
      expect(reply.ok, argv.join(' ')).toBe(false);
      expect(reply.text).toMatch(/property|missing|on" or "off|unknown device/);
    }
  });
});
