/**
 * Figure 2, detection.
 * - A burst of 30 simulated attaches (a hub of iPads powering up, one every 30 ms) into the bench's device
 *   area (EngineSupervisor). Counts the `cfgutil list` runs the burst causes (target <= 3: the debounce must turn
 *   30 USB signals into one listing, two at most if a listing was already running) and how long after each
 *   attach the device is on the bench's list (reported).
 * - Attach to that job's first cfgutil command: iPads plugged in one at a time, 2 s apart, into the armed job
 *   board (./cart-harness.ts, the simulator's executable spawned as the app does, the app's 1.5 s debounce and
 *   10 s poll, countdown 0), p50 and p95, target p95 <= debounce + 250 ms: once on a quiet bench (each iPad
 *   unplugged again when its job has begun) and once with the earlier jobs still running, whose reboots are
 *   USB events too (the world runs at 1/20 time, so they come 20 times as often as on a real cart).
 */
import { emit, figure, info, percentile, quick, round, say } from './figure-record';
import { startCart } from './cart-harness';
import { sleep, startCountedBench, until } from './counted-sim-bench';

const BURST = 30;
const GAP_MS = 30;
const DEBOUNCE_MS = 1_500;
const SINGLES = quick ? 3 : 8;

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

/** Plugs iPads in one at a time; `quiet` unplugs each once its job has begun, so no other device is busy. */
async function firstCommandLatencies(quiet: boolean): Promise<number[]> {
  const cart = await startCart({
    scale: 0.05,
    cap: 8,
    cfgutil: 'spawn',
    debounceMs: DEBOUNCE_MS,
    pollMs: 10_000,
    countdownSeconds: 0,
  });
  try {
    await sleep(500);
    const latencies: number[] = [];
    for (let i = 0; i < SINGLES; i++) {
      const [ecid] = cart.plugIn(1);
      const at = performance.now();
      const first = () => cart.calls.find((c) => c.ecid?.toLowerCase() === ecid?.toLowerCase());
      await until(() => first() !== undefined, 30_000);
      const firstAt = first()?.start as number;
      latencies.push(firstAt - at);
      // BENCH_DIAG=1: every cfgutil run between the attach and the job's first command.
      if (process.env.BENCH_DIAG) {
        const between = cart.calls.filter((c) => c.end >= at && c.start <= firstAt);
        say(
          between
            .map(
              (c) =>
                `${c.command}${c.ecid === undefined ? '' : ` ${c.ecid.slice(-4)}`}@${Math.round(c.start - at)}`,
            )
            .join(' '),
        );
      }
      if (quiet) cart.handle.world.detach(ecid as string);
      await sleep(2_000);
    }
    say(
      `attach to first job command (${quiet ? 'quiet bench' : 'earlier jobs running'}), ms: ${latencies.map((l) => Math.round(l)).join(' ')}`,
    );
    return latencies;
  } finally {
    await cart.close();
  }
}

const quietBench = await firstCommandLatencies(true);
const busyBench = await firstCommandLatencies(false);
const target = ['<=', DEBOUNCE_MS + 250] as const;
emit([
  info(
    "detection: attach to the job's first cfgutil command, quiet bench, p50",
    round(percentile(quietBench, 50)),
    'ms',
    `${SINGLES} iPads one at a time`,
  ),
  figure(
    "detection: attach to the job's first cfgutil command, quiet bench, p95",
    round(percentile(quietBench, 95)),
    'ms',
    target,
    'debounce 1.5 s + 250 ms',
  ),
  info(
    "detection: attach to the job's first cfgutil command, jobs running, p50",
    round(percentile(busyBench, 50)),
    'ms',
    'other devices rebooting',
  ),
  figure(
    "detection: attach to the job's first cfgutil command, jobs running, p95",
    round(percentile(busyBench, 95)),
    'ms',
    target,
    'other devices rebooting',
  ),
]);
