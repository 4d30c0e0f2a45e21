/**
 * The one hook every long-running entry point (the Electron app, `enroll-bench serve`) calls after composing
 * the bench: listen on the data folder's control socket. A socket another bench answers on is left alone
 * ({@link ControlSocketInUse} propagates: two benches must not share a data folder); any other failure (a
 * folder that cannot be made) is returned as a sentence, and the bench runs without remote steering.
 */
import type { BenchHost } from '../events/bench-host';
import type { LogFn } from '../diagnostics/log-fn';
import { controlSocketPath } from './control-socket-path';
import { ControlSocketInUse, startControlServer, type ControlServer } from './control-server';

export type ControlOpening =
  { readonly ok: true; readonly server: ControlServer } | { readonly ok: false; readonly problem: string };

export async function openControlSocket(options: {
  readonly host: BenchHost;
  readonly dataDir: string;
  readonly log?: LogFn;
}): Promise<ControlOpening> {
  const socketPath = controlSocketPath(options.dataDir);
  try {
    const server = await startControlServer({
      host: options.host,
      socketPath,
      ...(options.log ? { log: options.log } : {}),
    });
    options.log?.('control.listening', { socketPath });
    return { ok: true, server };
  } catch (error) {
    if (error instanceof ControlSocketInUse) throw error;
    options.log?.('control.failed', { socketPath, error: String(error) });
    return {
      ok: false,
      problem: `the control socket ${socketPath} could not be opened (${(error as NodeJS.ErrnoException).code ?? String(error)}): "enroll-bench status" and "jobs" cannot reach this bench.`,
    };
  }
}
