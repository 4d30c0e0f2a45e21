/** Builds append-child.ts once with esbuild and runs it as a real Node process. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export async function buildChildWriter(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'append-child.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./append-child.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

export interface ChildWriter {
  readonly child: ChildProcess;
  /** The highest sequence number the child has reported durable so far (-1 before the first). */
  lastAck(): number;
  waitForAck(seq: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startChildWriter(script: string, args: readonly (string | number)[]): ChildWriter {
  const child = spawn(process.execPath, [script, ...args.map(String)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let last = -1;
  let buffered = '';
  const waiters: { seq: number; resolve: () => void }[] = [];
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (text: string) => {
    buffered += text;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const seq = Number(/^ack (\d+)$/.exec(line)?.[1] ?? Number.NaN);
      if (Number.isInteger(seq)) last = Math.max(last, seq);
    }
    for (const w of waiters.filter((w) => last >= w.seq)) w.resolve();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    lastAck: () => last,
    waitForAck: (seq) =>
      last >= seq
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            waiters.push({ seq, resolve });
            void exited.then(() =>
              last >= seq ? resolve() : reject(new Error(`writer exited before ack ${seq}`)),
            );
          }),
    exited,
  };
}
