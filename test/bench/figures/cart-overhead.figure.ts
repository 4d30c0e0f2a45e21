/**
 * Figure 1, cart overhead: 30 and 64 simulated iPads through `supervise-and-enroll`, at cap 8 and uncapped,
 * with the reference's device durations scaled down. Figure: wall time from plugging the cart in to the last
 * job done, divided by the ideal time of ./ideal-schedule.ts under the same cap. Target <= 1.02.
 *
 * The cfgutil commands go to the simulated world in this process (./in-process-cfgutil.ts): the simulator's
 * executable is a Node process per command, a start-up cost a real Mac's native cfgutil does not have and
 * that would swamp the scaled device times on two shared cores. One run through the real spawn is reported
 * beside them (information: it measures this machine's process start-up as much as the bench).
 */
import { defaultTimings } from '../../../main/sim/sim-options';
import { startCart, untilFinished } from './cart-harness';
import { emit, figure, info, quick, round, say, type FigureRecord } from './figure-record';
import { idealMakespan, superviseAndEnrollTasks } from './ideal-schedule';

const timings = { jitter: 0, prepareMinSeconds: 62, prepareMaxSeconds: 62 };
const tasks = superviseAndEnrollTasks({ ...defaultTimings, ...timings });

interface Case {
  readonly devices: number;
  readonly cap: number | 'uncapped';
  readonly scale: number;
  readonly cfgutil: 'spawn' | 'in-process';
}

const CASES: readonly Case[] = quick
  ? [{ devices: 30, cap: 8, scale: 1 / 50, cfgutil: 'in-process' }]
  : [
      { devices: 30, cap: 8, scale: 1 / 20, cfgutil: 'in-process' },
      { devices: 30, cap: 'uncapped', scale: 1 / 20, cfgutil: 'in-process' },
      { devices: 64, cap: 8, scale: 1 / 20, cfgutil: 'in-process' },
      { devices: 64, cap: 'uncapped', scale: 1 / 20, cfgutil: 'in-process' },
      { devices: 30, cap: 8, scale: 1 / 20, cfgutil: 'spawn' },
    ];

async function runCase(c: Case): Promise<FigureRecord> {
  const cap = c.cap === 'uncapped' ? c.devices : c.cap;
  const cart = await startCart({ scale: c.scale, cap, cfgutil: c.cfgutil, world: { timings } });
  try {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = performance.now();
    const ecids = cart.plugIn(c.devices);
    const idealS = idealMakespan(tasks, c.devices, cap) * c.scale;
    const jobs = await untilFinished(cart, ecids, idealS * 1000 * 4 + 30_000);
    const wallS = (performance.now() - started) / 1000;
    const failed = jobs.filter((j) => j.phase !== 'succeeded');
    if (failed.length > 0)
      throw new Error(
        `${failed.length} jobs did not succeed: ${failed.map((j) => `${j.phase} ${j.error?.title ?? ''}`).join('; ')}`,
      );
    const ratio = wallS / idealS;
    // BENCH_DIAG=1: the first device's cfgutil runs on the device clock (seconds since the cart was plugged in).
    if (process.env.BENCH_DIAG) {
      const first = ecids[0];
      const seq = cart.calls.filter((r) => r.ecid?.toLowerCase() === first?.toLowerCase());
      say(
        seq
          .map(
            (r) =>
              `${r.command}@${round((r.start - started) / 1000 / c.scale, 1)}-${round((r.end - started) / 1000 / c.scale, 1)}`,
          )
          .join(' '),
      );
    }
    const runs = cart.calls.filter((r) => r.start >= started).length;
    say(
      `${c.devices} devices, cap ${c.cap}, ${c.cfgutil}: wall ${round(wallS)} s, ideal ${round(idealS)} s ` +
        `(${round(idealS / c.scale)} device-seconds), ${runs} cfgutil runs`,
    );
    const name = `cart: wall / ideal, ${c.devices} devices, cap ${c.cap}`;
    const note = `1/${Math.round(1 / c.scale)} time, ideal ${round(idealS, 1)} s, ${runs} cfgutil runs`;
    return c.cfgutil === 'spawn'
      ? info(`${name}, through the simulator's executable`, round(ratio, 3), '×', note)
      : figure(name, round(ratio, 3), '×', ['<=', 1.02], note);
  } finally {
    await cart.close();
  }
}

const records: FigureRecord[] = [];
for (const c of CASES) records.push(await runCase(c));
emit(records);
