/**
 * Figure 2, detection: a burst of 30 simulated attaches (a hub of iPads powering up, one every 30 ms) into
 * the bench's device area. Counts the `cfgutil list` runs the burst causes (target <= 3: the debounce must
 * turn 30 USB signals into one listing, two at most if a listing was already running) and how long after
 * each attach the device is on the bench's list (reported; the debounce is 1.5 s by design).
 */
import { emit, figure, info, percentile, round, say } from './figure-record';
import { sleep, startCountedBench, until } from './counted-sim-bench';

const BURST = 30;
const GAP_MS = 30;

const bench = await startCountedBench({ devices: 0, timeScale: 0.05, seed: 7 });
try {
  await until(() => bench.service.hub.currentSeq > 0 && bench.calls.length > 0, 10_000);
  await sleep(300);
  const before = bench.calls.length;
  const attachedAt = new Map<string, number>();
  const listedAt = new Map<string, number>();
  const off = bench.service.hub.subscribe((event) => {
    if (event.channel !== 'devicesChanged') return;
    const now = performance.now();
    for (const d of event.payload.devices) if (!listedAt.has(d.ecid)) listedAt.set(d.ecid, now);
  });
  const burstStart = performance.now();
  for (let i = 0; i < BURST; i++) {
    const { ecid } = bench.handle.world.attach({ deviceClass: 'iPad' });
    attachedAt.set(ecid, performance.now());
    await sleep(GAP_MS);
  }
  await until(() => [...attachedAt.keys()].every((e) => listedAt.has(e)), 30_000);
  // Let anything the burst set off (a second listing, serial reads) finish before counting.
  await sleep(2_500);
  off();
  const burstCalls = bench.calls.slice(before).filter((c) => c.start >= burstStart);
  const lists = burstCalls.filter((c) => c.command === 'list').length;
  const latencies = [...attachedAt].map(([ecid, at]) => (listedAt.get(ecid) as number) - at);
  say(`burst: ${lists} list, ${burstCalls.length - lists} other cfgutil runs`);
  emit([
    figure(
      'detection: cfgutil list runs for a burst of 30 attaches',
      lists,
      'runs',
      ['<=', 3],
      '30 iPads 30 ms apart, debounce 1.5 s',
    ),
    info(
      'detection: attach to device listed, p50',
      round(percentile(latencies, 50)),
      'ms',
      'debounce 1.5 s + one list',
    ),
    info('detection: attach to device listed, p95', round(percentile(latencies, 95)), 'ms'),
  ]);
} finally {
  await bench.close();
}
