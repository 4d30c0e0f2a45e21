/**
 * A stand-in world socket that answers every run with scripted frames, so a test can make cfgutil end with any
 * exit code or signal (the simulated world itself only exits 0 or 1). It records the frames it received.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { ServerFrame } from '../../main/sim/server/frames';

export interface ScriptedWorld {
  readonly socketPath: string;
  readonly received: unknown[];
  close(): Promise<void>;
}

export async function startScriptedWorld(answer: readonly ServerFrame[]): Promise<ScriptedWorld> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scripted-world-'));
  const socketPath = path.join(dir, 'world.sock');
  const received: unknown[] = [];
  const server = net.createServer((socket) => {
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      const end = buffer.indexOf('\n');
      if (end < 0) return;
      received.push(JSON.parse(buffer.slice(0, end)));
      socket.end(answer.map((frame) => `${JSON.stringify(frame)}\n`).join(''));
    });
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    socketPath,
    received,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
