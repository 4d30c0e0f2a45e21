import { describe, expect, it } from 'vitest';
import { defaultTimings } from '../../../main/sim/sim-options';
import { idealMakespan, superviseAndEnrollTasks, type DeviceTask } from './ideal-schedule';

const exact = { ...defaultTimings, jitter: 0, prepareMinSeconds: 62, prepareMaxSeconds: 62 };

describe('superviseAndEnrollTasks', () => {
  it('follows the simulator: erase until settled, prepare and its reboot, install, verify and rename', () => {
    const tasks = superviseAndEnrollTasks(exact);
    expect(tasks.map((t) => t.heavySeconds)).toEqual([3.5, 62, 2]);
    // Erase: reboot scheduled 0.5 s in, detach at 20.5 s, back 39 s later, settled 60 s after that.
    expect(tasks[0]?.thenSeconds).toBeCloseTo(0.5 + 20.5 + 39 + 60 - 3.5);
    expect(tasks[1]?.thenSeconds).toBeCloseTo(5 + 30 + 60);
    expect(tasks[2]?.thenSeconds).toBeCloseTo(0.18 + 0.5);
  });

  it('refuses timings whose ideal would not be exact', () => {
    expect(() => superviseAndEnrollTasks(defaultTimings)).toThrow(RangeError);
  });
});

describe('idealMakespan', () => {
  const tasks: DeviceTask[] = [
    { heavySeconds: 10, thenSeconds: 5 },
    { heavySeconds: 2, thenSeconds: 1 },
  ];

  it('is one device alone when nothing waits for a slot', () => {
    expect(idealMakespan(tasks, 1, 8)).toBe(18);
    expect(idealMakespan(tasks, 8, 8)).toBe(18);
  });

  it('queues heavy commands beyond the cap, first come first served', () => {
    // Cap 1, two devices: A 0–10, B 10–20, A's second 20–22 (ready at 15), B's second 25–27 (ready at 25).
    expect(idealMakespan(tasks, 2, 1)).toBe(28);
    expect(idealMakespan(tasks, 16, 8)).toBeGreaterThan(idealMakespan(tasks, 8, 8));
  });
});
