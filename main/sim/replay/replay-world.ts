/**
 * A cfgutil that answers from a recorded bundle: the same generated executable as the simulator's (a `sh`
 * wrapper and a tiny Node client on a Unix socket, main/sim/server/cfgutil-script.ts), with a server that looks
 * each request up in the recording instead of a simulated world.
 *
 * A request the recording cannot answer gets a clear error on stderr and exit {@link REPLAY_MISS_EXIT}, and is
 * kept in `unanswered()`, so a test or `sim replay` can say exactly where the replay left the recording.
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { readBundle, type ReadBundle } from '../../record/bundle-reader';
import { type CfgutilLauncher, cfgutilClientModule, cfgutilWrapper } from '../server/cfgutil-script';
import { encodeFrame, MAX_FRAME_BYTES, parseClientFrame, type ServerFrame } from '../server/frames';
import { ReplayAnswers } from './replay-answers';

/** The exit status of a request the recording has no answer for (cfgutil itself uses 0 and 1). */
export const REPLAY_MISS_EXIT = 97;

export interface ReplayHandle {
  readonly cfgutilPath: string;
  readonly bundle: ReadBundle;
  unanswered(): readonly string[];
  leftOver(): number;
  close(): Promise<void>;
}

function framesFor(answer: ReturnType<ReplayAnswers['answer']>): ServerFrame[] {
  if (answer.kind === 'no-answer')
    return [
      { t: 'err', d: `cfgutil (replay): error: no recorded answer: ${answer.reason}\n` },
      { t: 'exit', code: REPLAY_MISS_EXIT },
    ];
  const e = answer.exchange;
  const frames: ServerFrame[] = [];
  if (e.stdout !== '') frames.push({ t: 'out', d: e.stdout });
  if (e.stderr !== '') frames.push({ t: 'err', d: e.stderr });
  if (e.exitCode === null && e.signal !== null) frames.push({ t: 'crash', signal: e.signal });
  else frames.push({ t: 'exit', code: e.exitCode ?? 1 });
  return frames;
}

function onConnection(answers: ReplayAnswers, socket: net.Socket, sockets: Set<net.Socket>): void {
  sockets.add(socket);
  let buffer = '';
  let started = false;
  socket.setEncoding('utf8');
  socket.on('error', () => undefined);
  socket.on('close', () => sockets.delete(socket));
  socket.on('data', (chunk: string) => {
    if (started) return;
    buffer += chunk;
    const index = buffer.indexOf('\n');
    if (index < 0) {
      if (buffer.length > MAX_FRAME_BYTES) socket.destroy();
      return;
    }
    started = true;
    const frame = parseClientFrame(buffer.slice(0, index));
    const frames: ServerFrame[] =
      frame?.type === 'run'
        ? framesFor(answers.answer(frame.argv))
        : [
            { t: 'err', d: 'cfgutil (replay): error: malformed request\n' },
            { t: 'exit', code: 1 },
          ];
    socket.end(frames.map(encodeFrame).join(''));
  });
}

export interface StartReplayOptions {
  readonly bundleDir: string;
  readonly launcher?: CfgutilLauncher;
}

export async function startReplay(options: StartReplayOptions): Promise<ReplayHandle> {
  const bundle = await readBundle(options.bundleDir);
  const answers = new ReplayAnswers(bundle.exchanges);
  const launcher = options.launcher ?? { kind: 'node', nodePath: process.execPath };
  // 0700, like the simulator's: only this user reaches the socket and the executable.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'enroll-bench-replay-'));
  await chmod(dir, 0o700);
  const socketPath = path.join(dir, 'replay.sock');
  const clientPath = path.join(dir, 'cfgutil-client.mjs');
  const cfgutilPath = path.join(dir, 'cfgutil');
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => onConnection(answers, socket, sockets));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => {
        server.off('error', reject);
        resolve();
      });
    });
    if (launcher.kind === 'node')
      await writeFile(clientPath, cfgutilClientModule(socketPath), { mode: 0o600 });
    await writeFile(cfgutilPath, cfgutilWrapper(launcher, { socketPath, clientPath }), { mode: 0o755 });
    await chmod(cfgutilPath, 0o755);
  } catch (error) {
    server.close();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    cfgutilPath,
    bundle,
    unanswered: () => answers.unanswered(),
    leftOver: () => answers.leftOver(),
    close: () => {
      closing ??= (async () => {
        for (const socket of sockets) socket.destroy();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await rm(dir, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}
