import { spawn } from 'node:child_process';
import { lstat, mkdtemp, rm, stat } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BenchEvent } from '../../../preload/contract';
import type { BenchHost } from '../../../main/events/bench-host';
import { EventHub } from '../../../main/events/event-hub';
import { connectControl, NoBenchRunning } from '../../../main/control/control-client';
import {
  ControlSocketInUse,
  startControlServer,
  type ControlServer,
} from '../../../main/control/control-server';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function bench() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'eb-ctl-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const hub = new EventHub();
  const calls: { channel: unknown; args: readonly unknown[] }[] = [];
  const host: BenchHost = {
    dispatch: async (channel, args) => {
      calls.push({ channel, args });
      return channel === 'setArmed'
        ? { ok: true, value: { armed: (args[0] as { armed: boolean }).armed } }
        : {
            ok: false,
            error: {
              code: 'invalid-request',
              title: 'Refused',
              detail: `no ${String(channel)}`,
              retryable: false,
            },
          };
    },
    subscribe: (listener) => hub.subscribe(listener),
  };
  const socketPath = path.join(dir, 'run', 'control.sock');
  const start = async (): Promise<ControlServer> => {
    const server = await startControlServer({ host, socketPath });
    cleanups.push(() => server.close());
    return server;
  };
  return { dir, hub, calls, socketPath, start };
}

describe('the control socket', () => {
  it('is owner-only: its folder 0700 and the socket 0600', async () => {
    const b = await bench();
    await b.start();
    expect((await stat(path.dirname(b.socketPath))).mode & 0o777).toBe(0o700);
    const info = await lstat(b.socketPath);
    expect(info.isSocket()).toBe(true);
    expect(info.mode & 0o777).toBe(0o600);
  });

  it('answers through the dispatcher it was given, and streams the events', async () => {
    const b = await bench();
    await b.start();
    const client = await connectControl(b.socketPath, b.dir);
    cleanups.push(async () => client.close());
    expect(await client.invoke('setArmed', { armed: false })).toEqual({ ok: true, value: { armed: false } });
    expect(await client.invoke('importProfile', {})).toMatchObject({
      ok: false,
      error: { detail: 'no importProfile' },
    });
    expect(b.calls.map((c) => c.channel)).toEqual(['setArmed', 'importProfile']);
    const events: BenchEvent[] = [];
    client.subscribe((e) => events.push(e));
    await client.invoke('setArmed', { armed: true }); // a round trip: the subscription is in place
    b.hub.emit('jobRemoved', { ecid: '0x1' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).toEqual([{ channel: 'jobRemoved', payload: { ecid: '0x1', seq: 1 } }]);
  });

  it('closes a connection that sends a deeply nested line, and goes on answering others', async () => {
    const b = await bench();
    await b.start();
    const bad = net.connect(b.socketPath);
    const closed = new Promise((resolve) => bad.on('close', resolve));
    bad.on('error', () => undefined);
    bad.write(`${'['.repeat(100_000)}\n`);
    await closed;
    const client = await connectControl(b.socketPath, b.dir);
    cleanups.push(async () => client.close());
    expect(await client.invoke('setArmed', { armed: true })).toMatchObject({ ok: true });
  });

  it('replaces a stale socket a dead bench left, and refuses to take over one a live bench answers on', async () => {
    const b = await bench();
    const first = await b.start();
    await expect(
      startControlServer({
        host: { dispatch: async () => ({ ok: true, value: 1 }), subscribe: () => () => {} },
        socketPath: b.socketPath,
      }),
    ).rejects.toBeInstanceOf(ControlSocketInUse);
    await first.close();
    // A socket file nobody answers on: a bench SIGKILLed while listening leaves it behind.
    const child = spawn(process.execPath, [
      '-e',
      `require('node:net').createServer().listen(${JSON.stringify(b.socketPath)}, () => console.log('up'))`,
    ]);
    await new Promise((resolve) => child.stdout.once('data', resolve));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect((await lstat(b.socketPath)).isSocket()).toBe(true);
    await b.start();
    const client = await connectControl(b.socketPath, b.dir);
    cleanups.push(async () => client.close());
    expect(await client.invoke('setArmed', { armed: true })).toMatchObject({ ok: true });
  });

  it('says no bench is running when there is no socket', async () => {
    const b = await bench();
    await expect(connectControl(b.socketPath, b.dir)).rejects.toBeInstanceOf(NoBenchRunning);
  });
});
