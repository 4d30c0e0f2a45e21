/**
 * Talks to a running world over its socket from another process: the shell door
 * (`enroll-bench sim …`) and the bundled `sim-cfgutil` entry use it.
 *
 * Mirrors what the generated executable does, but writes to given streams and resolves instead of exiting,
 * so the CLI can return the exit code.
 */
import net from 'node:net';
import { encodeFrame, type ClientFrame } from '../server/frames';

export interface ForwardStreams {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/** How a forwarded run ended: a cfgutil exit code, a crash signal, or a control reply. */
export type ForwardEnd =
  | { readonly kind: 'exit'; readonly code: number }
  | { readonly kind: 'crash'; readonly signal: string }
  | { readonly kind: 'reply'; readonly ok: boolean; readonly text: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Sends one frame and streams the answer; rejects when the world cannot be reached. */
export function sendToWorld(
  socketPath: string,
  frame: ClientFrame,
  streams: ForwardStreams,
): Promise<ForwardEnd> {
  return new Promise((resolve, reject) => {
    let end: ForwardEnd | undefined;
    let buffer = '';
    const socket = net.createConnection(socketPath, () => socket.write(encodeFrame(frame)));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 1);
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch {
          continue;
        }
        if (!isRecord(value)) continue;
        if (value.t === 'out' && typeof value.d === 'string') streams.stdout.write(value.d);
        else if (value.t === 'err' && typeof value.d === 'string') streams.stderr.write(value.d);
        else if (value.t === 'exit' && typeof value.code === 'number')
          end = { kind: 'exit', code: value.code };
        else if (value.t === 'crash' && typeof value.signal === 'string')
          end = { kind: 'crash', signal: value.signal };
        else if (value.t === 'reply')
          end = { kind: 'reply', ok: value.ok === true, text: String(value.text ?? '') };
      }
    });
    socket.on('error', reject);
    socket.on('close', () =>
      end ? resolve(end) : reject(new Error('the simulated world closed the connection')),
    );
  });
}
