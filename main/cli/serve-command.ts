/**
 * `enroll-bench serve`: the bench's services over HTTP + WebSocket, for a browser on this Mac or, when
 * asked with `--host`, on another screen. Also the fallback of `start` where Electron cannot run.
 */
import path from 'node:path';
import type { EngineStatus } from '../../preload/domain';
import { createBench } from '../app/create-bench';
import { defaultDataDir } from '../app/data-dir';
import { startRecordReplay } from '../record/command-hooks';
import { takeRecordFlags, type RecordFlags } from '../record/record-flags';
import { startBenchServer } from '../server/bench-server';
import { loadScenario } from '../sim/index';
import { parseAppFlags, type AppFlags } from './app-flags';
import { UsageError } from './parse-flags';
import { packageRoot } from './package-root';

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

export async function serveBench(appFlags: AppFlags, record?: RecordFlags): Promise<number> {
  // A bad scenario is a clear error now, not a simulator that fails to start later.
  if (appFlags.scenario !== undefined) await loadScenario(appFlags.scenario);
  if (record?.replay && (appFlags.simulate || appFlags.cfgutilFlag))
    throw new UsageError('--replay answers as cfgutil: give it without --simulate or --cfgutil');
  const hooks = await startRecordReplay(record ?? { rest: [], recordRaw: false }, {
    recordedBy: 'serve',
    dataDir: defaultDataDir(),
    ...(appFlags.cfgutilFlag === undefined ? {} : { cfgutilPath: appFlags.cfgutilFlag }),
    warn: (text) => console.error(`enroll-bench: ${text}`),
  });
  const flags = hooks.cfgutilPath ? { ...appFlags, cfgutilFlag: hooks.cfgutilPath } : appFlags;
  const bench = await createBench({ ...flags, dataDir: defaultDataDir() });
  const server = await startBenchServer({
    host: bench.host,
    rendererDir: path.join(packageRoot(), 'dist', 'renderer'),
    hostname: flags.hostname,
    port: flags.port,
    log: bench.log,
    ...(flags.allowRemoteControl ? { allowRemoteControl: true } : {}),
  });
  for (const problem of bench.problems) console.error(`enroll-bench: ${problem}`);
  if (bench.startupProfile)
    console.log(`Profile ${bench.startupProfile.fileName}: ${bench.startupProfile.headline}`);
  console.log(`Enroll Bench is serving ${describeEngine(bench.engine)} at ${server.url}`);
  if (bench.logPath) console.log(`Diagnostics log: ${bench.logPath}`);
  if (!['127.0.0.1', 'localhost', '::1'].includes(flags.hostname)) {
    console.log(
      flags.allowRemoteControl
        ? `Listening on ${flags.hostname} as asked: anyone who has the URL with its token can watch this bench and run its jobs.`
        : `Listening on ${flags.hostname} as asked: anyone who has the URL with its token can watch this bench; jobs are controlled on this Mac only (--allow-remote-control opens them).`,
    );
  }
  await untilStopped();
  await server.close();
  await bench.close();
  await hooks.stop();
  return 0;
}

export async function runServeCommand(argv: readonly string[]): Promise<number> {
  const record = takeRecordFlags(argv);
  return serveBench(parseAppFlags(record.rest), record);
}
