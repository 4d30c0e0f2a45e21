import { describe, expect, it } from 'vitest';
import type { WebContents } from 'electron';
import { EventHub } from '../../../main/events/event-hub';
import { registerBenchIpc } from '../../../main/electron/typed-ipc';
import { isTrustedSender } from '../../../main/electron/trusted-sender';
import { invokeChannelNames } from '../../../preload/contract';
import { createWebContentsFake } from '../../fakes/electron';

const INDEX = 'app://bench/index.html';
const OLD_FILE_INDEX =
  'file:///Applications/Enroll%20Bench.app/Contents/Resources/app.asar/dist/renderer/index.html';

function setup() {
  const contents = createWebContentsFake();
  const hub = new EventHub();
  const calls: { channel: unknown; args: readonly unknown[] }[] = [];
  const host = {
    dispatch: async (channel: unknown, args: readonly unknown[]) => {
      calls.push({ channel, args });
      return { ok: true as const, value: 'done' };
    },
    subscribe: hub.subscribe.bind(hub),
  };
  const unregister = registerBenchIpc(contents as unknown as WebContents, host, INDEX);
  return { contents, hub, calls, unregister };
}

describe('isTrustedSender', () => {
  it('accepts only the top frame of our own index.html at app://bench', () => {
    expect(isTrustedSender({ url: INDEX }, INDEX)).toBe(true);
    expect(isTrustedSender({ url: `${INDEX}#devices`, parent: null }, INDEX)).toBe(true);
    expect(isTrustedSender(null, INDEX)).toBe(false);
    expect(isTrustedSender({ url: INDEX, parent: { url: INDEX } }, INDEX)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/index.html' }, INDEX)).toBe(false);
    expect(isTrustedSender({ url: 'app://evil/index.html' }, INDEX)).toBe(false);
    expect(isTrustedSender({ url: 'app://bench/other.html' }, INDEX)).toBe(false);
    // file:// is no longer our page: any file on the disk shares that "origin".
    expect(isTrustedSender({ url: OLD_FILE_INDEX }, OLD_FILE_INDEX)).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/index.html' }, INDEX)).toBe(false);
    expect(isTrustedSender({ url: 'not a url' }, INDEX)).toBe(false);
  });
});

describe('registerBenchIpc', () => {
  it('registers one handler per invoke channel on this window only', () => {
    const t = setup();
    expect([...t.contents.handlers.keys()].sort()).toEqual(
      Object.keys(invokeChannelNames)
        .map((n) => `bench:${n}`)
        .sort(),
    );
  });

  it('dispatches calls from our page and refuses other senders without reaching the bench', async () => {
    const t = setup();
    const handler = t.contents.handlers.get('bench:simulate');
    expect(await handler?.({ senderFrame: { url: INDEX } }, { type: 'detach-all' })).toEqual({
      ok: true,
      value: 'done',
    });
    const refused = await handler?.(
      { senderFrame: { url: 'https://evil.example/' } },
      { type: 'detach-all' },
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await handler?.({ senderFrame: null })).toMatchObject({ ok: false });
    expect(t.calls).toEqual([{ channel: 'simulate', args: [{ type: 'detach-all' }] }]);
  });

  it('forwards events while the window lives, and cleans up on unregister', () => {
    const t = setup();
    t.hub.emit('devicesChanged', { devices: [] });
    t.contents.destroy();
    t.hub.emit('devicesChanged', { devices: [] });
    expect(t.contents.sent).toEqual([{ channel: 'bench:devicesChanged', payload: { devices: [], seq: 1 } }]);
    t.unregister();
    expect(t.contents.handlers.size).toBe(0);
  });
});
