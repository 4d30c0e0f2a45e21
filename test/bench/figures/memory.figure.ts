/**
 * Figure 6, memory: the main process's resident memory (RSS, after a full GC) through a long simulated run
 * with 64 devices: the whole cart plugged in, listed, serial numbers read, unplugged, again and again.
 * Targets: under 200 MB at the end, and no upward trend across the second half (fitted rise under 5 MB).
 */
import { emit, figure, info, quick, round, say } from './figure-record';
import { sleep, startCountedBench, until } from './counted-sim-bench';
import { sampleMemory, secondHalfRise, type MemorySample } from './memory-trend';

const DEVICES = 64;
const CYCLES = quick ? 10 : 40;

const bench = await startCountedBench({ devices: 0, timeScale: 0.01, seed: 5 }, { debounceMs: 100 });
try {
  let listed = 0;
  bench.service.hub.subscribe((event) => {
    if (event.channel === 'devicesChanged') listed = event.payload.devices.length;
  });
  const { world } = bench.handle;
  const ecids: string[] = [];
  const taken: MemorySample[] = [];
  const started = sampleMemory().rssMb;
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    for (let i = 0; i < DEVICES; i++) {
      if (cycle === 0) ecids.push(world.attach({ deviceClass: i % 5 === 0 ? 'iPhone' : 'iPad' }).ecid);
      else world.attach({ ecid: ecids[i] as string });
    }
    await until(() => listed === DEVICES, 30_000);
    await until(() => bench.calls.every((c) => performance.now() - c.end > 50), 30_000);
    world.detachAll();
    await until(() => listed === 0, 30_000);
    await sleep(20);
    taken.push(sampleMemory());
  }
  const samples = taken.map((s) => s.rssMb);
  const heap = taken.map((s) => s.heapMb);
  const rise = secondHalfRise(samples);
  const peak = Math.max(...samples);
  say(
    `${CYCLES} cycles of ${DEVICES} devices, ${bench.calls.length} cfgutil runs; RSS MB: ${samples.map((s) => Math.round(s)).join(' ')}`,
  );
  emit([
    figure(
      'memory: main-process RSS after the run, 64 devices',
      round(samples.at(-1) as number, 1),
      'MB',
      ['<', 200],
      `${CYCLES} plug/unplug cycles; simulated world in the same process`,
    ),
    figure(
      'memory: RSS rise across the second half',
      round(rise, 2),
      'MB',
      ['<', 5],
      'least-squares fit, after GC',
    ),
    info('memory: JS heap rise across the second half', round(secondHalfRise(heap), 2), 'MB', 'after GC'),
    info('memory: RSS at start and peak', round(peak - started, 1), 'MB above start'),
  ]);
} finally {
  await bench.close();
}
