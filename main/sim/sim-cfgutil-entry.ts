/**
 * Entry of the bundled `dist/main/sim-cfgutil.mjs`: a cfgutil-compatible command for a world that is
 * already running, found through `ENROLL_BENCH_SIM_SOCKET` or the discovery file.
 *
 * Tests and the app use the generated executable (`startSimulatedWorld().cfgutilPath`) instead; this entry
 * serves people who want a stable path to point a locator at while a demo bench runs.
 */
import { sendToWorld } from './client/sim-client';
import { readDiscovery } from './discovery';

async function main(): Promise<number> {
  const socketPath = process.env.ENROLL_BENCH_SIM_SOCKET ?? (await readDiscovery())?.socketPath;
  if (!socketPath) {
    process.stderr.write('cfgutil: error: no simulated device world is running\n');
    return 1;
  }
  try {
    const end = await sendToWorld(
      socketPath,
      { type: 'run', argv: process.argv.slice(2), cwd: process.cwd() },
      process,
    );
    if (end.kind === 'crash') process.kill(process.pid, end.signal);
    return end.kind === 'exit' ? end.code : 1;
  } catch {
    process.stderr.write('cfgutil: error: the simulated device world is not reachable\n');
    return 1;
  }
}

process.exitCode = await main();
