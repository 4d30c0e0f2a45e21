/**
 * `enroll-bench serve`: the bench's services over HTTP + WebSocket, for a browser on this Mac or, when
 * asked with `--host`, on another screen. Also the fallback of `start` where Electron cannot run.
 */
import { APP_VERSION } from '../app/app-version';
import { startBenchSafety, type BenchSafety } from '../jobs/safety/bench-safety';
import path from 'node:path';
import type { EngineStatus } from '../../preload/domain';
import { createBench } from '../app/create-bench';
import { startRecordReplay } from '../record/command-hooks';
import { NO_RECORD_FLAGS, recordFlagsFrom, type RecordFlags } from '../record/record-flags';
import { defaultDataDir } from '../storage/data-dir';
import { startBenchServer } from '../server/bench-server';
import { ControlSocketInUse } from '../control/control-server';
import { openControlSocket } from '../control/open-control-socket';
import { loadScenario } from '../sim/index';
import { appFlagsFrom, checkReplayAlone, type AppFlags } from './app-flags';
import { BenchCannotRun } from './cannot-run';
import { flagSpec } from './command-table';
import { parseFlags } from '../text/parse-flags';
import { packageRoot } from './package-root';
import { stderrLine, stdoutLine } from './terminal-output';

function describeEngine(engine: EngineStatus): string {
  switch (engine.kind) {
    case 'cfgutil':
      return `cfgutil at ${engine.path}`;
    case 'simulator':
      return 'SIMULATED devices (no real cfgutil)';
    case 'missing':
      return 'no engine yet: cfgutil was not found (the page explains how to install it)';
  }
}

/** Resolves when the process is asked to stop (Ctrl-C, SIGTERM from a test or launchd). */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

export async function serveBench(appFlags: AppFlags, record: RecordFlags = NO_RECORD_FLAGS): Promise<number> {
  // A bad scenario is a clear error now, not a simulator that fails to start later.
  if (appFlags.scenario !== undefined) await loadScenario(appFlags.scenario);
  checkReplayAlone(appFlags, record);
  const dataDir = defaultDataDir();
  // One bench per data folder and per device (issue 19): refused here, before anything is assembled.
  const safety = startBenchSafety({ dataDir, command: 'enroll-bench serve', simulated: appFlags.simulate });
  try {
    // After the lock: a refused serve leaves no recording folder behind.
    const hooks = await startRecordReplay(record, {
      recordedBy: 'serve',
      appVersion: APP_VERSION,
      dataDir,
      ...(appFlags.cfgutilFlag === undefined ? {} : { cfgutilPath: appFlags.cfgutilFlag }),
      warn: (text) => stderrLine(`enroll-bench: ${text}`),
    });
    try {
      const flags = hooks.cfgutilPath ? { ...appFlags, cfgutilFlag: hooks.cfgutilPath } : appFlags;
      return await serveWith(flags, dataDir, safety);
    } finally {
      await hooks.stop();
    }
  } finally {
    safety.release();
  }
}

async function serveWith(flags: AppFlags, dataDir: string, safety: BenchSafety): Promise<number> {
  const bench = await createBench({ ...flags, dataDir, deviceLocks: safety.deviceLocks });
  // `enroll-bench status|jobs|arm|disarm|log tail` reach this bench through its control socket.
  const control = await openControlSocket({ host: bench.host, dataDir, log: bench.log }).catch(
    async (error: unknown) => {
      await bench.close();
      if (error instanceof ControlSocketInUse)
        throw new BenchCannotRun(`another bench is already running on the data folder ${dataDir}.`);
      throw error;
    },
  );
  if (!control.ok) stderrLine(`enroll-bench: ${control.problem}`);
  const server = await startBenchServer({
    host: bench.host,
    rendererDir: path.join(packageRoot(), 'dist', 'renderer'),
    hostname: flags.hostname,
    port: flags.port,
    log: bench.log,
    ...(flags.allowRemoteControl ? { allowRemoteControl: true } : {}),
  });
  for (const problem of bench.problems) stderrLine(`enroll-bench: ${problem}`);
  if (bench.startupProfile)
    stdoutLine(`Profile ${bench.startupProfile.fileName}: ${bench.startupProfile.headline}`);
  // Two addresses: the first carries the control token and is for this Mac's browser only; the second is the
  // one to give other screens (or open through a tunnel): they can watch, not act as the Mac
  // (main/server/local-only-channels.ts).
  stdoutLine(`Enroll Bench is serving ${describeEngine(bench.engine)} at ${server.url}`);
  stdoutLine(
    `Open that address on this Mac only. For other screens (also through an SSH tunnel), use ${server.watchUrl}`,
  );
  if (bench.logPath) stdoutLine(`Diagnostics log: ${bench.logPath}`);
  if (!['127.0.0.1', 'localhost', '::1'].includes(flags.hostname)) {
    stdoutLine(
      flags.allowRemoteControl
        ? `Listening on ${flags.hostname} as asked: anyone who has the URL with its token can watch this bench and run its jobs.`
        : `Listening on ${flags.hostname} as asked: anyone who has the URL with its token can watch this bench; jobs are controlled on this Mac only (--allow-remote-control opens them).`,
    );
  }
  await untilStopped();
  await server.close();
  if (control.ok) await control.server.close();
  await bench.close();
  return 0;
}

export async function runServeCommand(argv: readonly string[]): Promise<number> {
  // One parse: the app's flags plus --record/--replay, all from the command table's `serve` entry.
  const parsed = parseFlags(argv, flagSpec('serve'));
  return serveBench(appFlagsFrom(parsed), recordFlagsFrom(parsed.flags));
}
