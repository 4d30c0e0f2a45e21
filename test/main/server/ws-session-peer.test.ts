/**
 * runWsSession with a peer address chosen by the test: a real socket from another machine cannot be made in
 * a unit test, so the session is handed the address the server would have read from the TCP socket.
 */
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { localOnlyRefusal, remoteControlRefusal } from '../../../main/server/local-only-channels';
import type { SessionPolicy } from '../../../main/server/ws-session';
import { runWsSession } from '../../../main/server/ws-session';
import { createFakeBenchHost } from './fake-bench-host';
import { frameLog, openSocket } from './http-helpers';

let wss: WebSocketServer | undefined;
const clients: WebSocket[] = [];

afterEach(async () => {
  clients.splice(0).forEach((ws) => ws.terminate());
  await new Promise((resolve) => wss?.close(resolve));
});

async function sessionAs(
  peerAddress: string | undefined,
  policy: SessionPolicy = {},
): Promise<ReturnType<typeof frameLog>> {
  const fake = createFakeBenchHost();
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  wss = server;
  server.on('connection', (ws) => runWsSession(ws, fake.host, peerAddress, policy));
  await new Promise((resolve) => server.once('listening', resolve));
  const ws = await openSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  clients.push(ws);
  const log = frameLog(ws);
  const invoke = (id: number, channel: string, args: unknown[]): void =>
    ws.send(JSON.stringify({ type: 'invoke', id, channel, args }));
  invoke(1, 'chooseCfgutil', [{ path: '/tmp/evil' }]);
  invoke(2, 'importSupervisionIdentity', [{ fileName: 'a.p12', dataBase64: 'AA==', password: 'pw' }]);
  invoke(3, 'createSupervisionIdentity', [{ organizationName: 'Contoso' }]);
  invoke(4, 'simulate', [{ type: 'attach' }]);
  invoke(5, 'getSnapshot', []);
  invoke(6, 'importProfile', [{ fileName: 'a.mobileconfig', dataBase64: 'AA==' }]);
  return log;
}

describe('runWsSession local-only channels', () => {
  it.each(['192.168.1.20', '::ffff:10.0.0.5', 'fe80::1', undefined])(
    'refuses identity, profile, cfgutil and control channels from %s, and answers the read-only ones',
    async (peer) => {
      const log = await sessionAs(peer);
      for (const id of [1, 2, 3, 6]) {
        expect(await log.next((f) => f.id === id)).toEqual({
          type: 'result',
          id,
          result: { ok: false, error: localOnlyRefusal },
        });
      }
      expect(await log.next((f) => f.id === 4)).toEqual({
        type: 'result',
        id: 4,
        result: { ok: false, error: remoteControlRefusal },
      });
      expect(await log.next((f) => f.id === 5)).toMatchObject({ result: { ok: true } });
    },
  );

  it('with --allow-remote-control opens the control channels, not the trust ones, and logs each refusal', async () => {
    const logged: { message: string; detail: unknown }[] = [];
    const log = await sessionAs('192.168.1.20', {
      allowRemoteControl: true,
      log: (message, detail) => logged.push({ message, detail }),
    });
    expect(await log.next((f) => f.id === 4)).toMatchObject({ result: { ok: true } });
    expect(await log.next((f) => f.id === 1)).toMatchObject({
      result: { ok: false, error: localOnlyRefusal },
    });
    expect(await log.next((f) => f.id === 6)).toMatchObject({
      result: { ok: false, error: localOnlyRefusal },
    });
    expect(logged.map((l) => l.message)).toEqual(Array(4).fill('server.channel-refused'));
    expect(logged[0]?.detail).toMatchObject({ channel: 'chooseCfgutil', peer: '192.168.1.20' });
  });

  it('refuses them to a loopback peer without the control token (an SSH tunnel arrives as 127.0.0.1)', async () => {
    const log = await sessionAs('127.0.0.1');
    expect(await log.next((f) => f.id === 1)).toMatchObject({
      result: { ok: false, error: localOnlyRefusal },
    });
    expect(await log.next((f) => f.id === 4)).toMatchObject({
      result: { ok: false, error: remoteControlRefusal },
    });
    expect(await log.next((f) => f.id === 5)).toMatchObject({ result: { ok: true } });
  });

  it('passes them to the dispatcher for the Mac itself (loopback and the control token)', async () => {
    const log = await sessionAs('::ffff:127.0.0.1', { controlProven: true });
    expect(await log.next((f) => f.id === 1)).toMatchObject({
      result: { ok: true, value: { kind: 'cfgutil', path: '/tmp/evil' } },
    });
    expect(await log.next((f) => f.id === 4)).toMatchObject({ result: { ok: true } });
  });
});
