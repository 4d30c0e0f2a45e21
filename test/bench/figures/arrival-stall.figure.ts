/**
 * The main thread while a 64-device cart arrives within one second: EngineSupervisor and the jobs area
 * (./counted-sim-bench.ts), so every device gets its arrival read and its serial read through the laned
 * client and the one spawn module, the simulator's executable spawned as the app does. Reports the event
 * loop's longest stall and its p99 from the first attach until all 128 reads have run, and how long that
 * took. For information: `child_process.spawn` blocks while it forks, so starting every read in one turn
 * stalled the loop for over a second; main/devices/start-pacer.ts gives each start a turn of its own.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { emit, info, say } from './figure-record';
import { sleep, startCountedBench, until } from './counted-sim-bench';

const COUNT = 64;
const bench = await startCountedBench({ devices: 0, timeScale: 0.01, seed: 3 });
try {
  await until(() => bench.calls.length > 0, 10_000);
  await sleep(500);
  const lag = monitorEventLoopDelay({ resolution: 10 });
  const before = bench.calls.length;
  lag.enable();
  const started = performance.now();
  await bench.handle.world.cart(COUNT, 1, { deviceClass: 'iPad', paired: true });
  await until(() => bench.calls.slice(before).filter((c) => c.command === 'get').length >= 2 * COUNT, 60_000);
  const took = performance.now() - started;
  lag.disable();
  const maxMs = Math.round(lag.max / 1e5) / 10;
  const p99Ms = Math.round(lag.percentile(99) / 1e5) / 10;
  const gets = bench.calls.slice(before).filter((c) => c.command === 'get');
  say(
    `${COUNT} arrivals: ${gets.length} gets in ${Math.round(took)} ms; lag max ${maxMs} ms, p99 ${p99Ms} ms`,
  );
  emit([
    info('arrival: event-loop stall, longest, 64 devices in 1 s', maxMs, 'ms', 'arrival + serial reads'),
    info('arrival: event-loop delay, p99', p99Ms, 'ms'),
    info('arrival: first attach to the last of 128 reads', Math.round(took), 'ms'),
  ]);
} finally {
  await bench.close();
}
