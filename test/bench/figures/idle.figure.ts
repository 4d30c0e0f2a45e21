/**
 * Figure 3, idle cost: 30 devices attached and settled, nothing happening. Counts the cfgutil runs per minute
 * (target <= 6: the periodic reconcile, nothing else) and the main process's CPU over the same window
 * (target < 1 % of one core), with process.cpuUsage(). The simulated world answers from the same process, so
 * the CPU figure is an upper bound on the bench's own cost.
 */
import { emit, figure, quick, round, say } from './figure-record';
import { sleep, startCountedBench, until } from './counted-sim-bench';

const DEVICES = 30;
const WINDOW_MS = quick ? 20_000 : 60_000;

const bench = await startCountedBench({ devices: DEVICES, timeScale: 0.05, seed: 11 });
try {
  // Settled: all listed, and the start-up work (serial reads of new devices) over for a while.
  let listed = 0;
  bench.service.hub.subscribe((event) => {
    if (event.channel === 'devicesChanged') listed = event.payload.devices.length;
  });
  const quietFor = (ms: number) => bench.calls.every((c) => performance.now() - c.end > ms);
  await until(() => listed === DEVICES && bench.calls.length > DEVICES && quietFor(1_500), 30_000, 50);
  await sleep(1_000);
  const first = bench.calls.length;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await sleep(WINDOW_MS);
  const used = process.cpuUsage(cpu);
  const elapsed = performance.now() - started;
  const calls = bench.calls.slice(first).filter((c) => c.start >= started);
  const perMinute = (calls.length * 60_000) / elapsed;
  const cpuPercent = ((used.user + used.system) / 1000 / elapsed) * 100;
  say(
    `idle ${round(elapsed / 1000, 1)} s: ${calls.length} cfgutil runs (${[...new Set(calls.map((c) => c.command))].join(', ')})`,
  );
  emit([
    figure(
      'idle: cfgutil runs per minute, 30 devices',
      round(perMinute, 1),
      'runs/min',
      ['<=', 6],
      `${round(elapsed / 1000)} s window`,
    ),
    figure(
      'idle: main-process CPU, 30 devices',
      round(cpuPercent, 3),
      '% of a core',
      ['<', 1],
      'simulated world in the same process',
    ),
  ]);
} finally {
  await bench.close();
}
