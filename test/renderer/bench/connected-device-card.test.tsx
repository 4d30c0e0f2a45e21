/** @vitest-environment jsdom */
/**
 * One device's progress re-renders one card: each card is counted with a React Profiler while progress
 * events for one device are folded into a real store.
 */
import { act, cleanup, render } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectedDeviceCard } from '../../../renderer/bench/connected-device-card';
import { DeviceGrid } from '../../../renderer/bench/device-grid';
import { BenchStoreContext, createBenchStore } from '../../../renderer/state/bench-store';
import { device, FakeBenchApi, snapshot } from '../fixtures';
import { job } from '../store-fixtures';

afterEach(cleanup);

async function benchOf(count: number) {
  const api = new FakeBenchApi();
  const devices = Array.from({ length: count }, (_, i) => device(i + 1));
  api.snapshots.push({
    ok: true,
    value: snapshot({
      seq: 1,
      devices,
      jobs: {
        jobs: devices.map((_, i) => job(i + 1, { progress: 0.1 })),
        facts: {},
        run: {
          armed: true,
          paused: false,
          workflowId: 'supervise-and-enroll',
          countdownSeconds: 5,
          concurrency: 8,
          counts: {
            queued: 0,
            running: count,
            waitingForOperator: 0,
            succeeded: 0,
            failed: 0,
            inUse: 0,
            skipped: 0,
            cancelled: 0,
            total: 0,
          },
        },
      },
    }),
  });
  const store = createBenchStore(api);
  await act(async () => {
    store.start();
  });
  return { api, store, devices };
}

describe('ConnectedDeviceCard', () => {
  it('re-renders only the card whose job changed, at full progress rate on 64 devices', async () => {
    const { api, store, devices } = await benchOf(64);
    const renders = new Map<string, number>();
    const count = (id: string) => renders.set(id, (renders.get(id) ?? 0) + 1);
    render(
      <BenchStoreContext.Provider value={store}>
        <ul>
          {devices.map((d) => (
            <li key={d.ecid}>
              <Profiler id={d.ecid} onRender={count}>
                <ConnectedDeviceCard ecid={d.ecid} compact />
              </Profiler>
            </li>
          ))}
        </ul>
      </BenchStoreContext.Provider>,
    );
    renders.clear();
    const busy = devices[7]!.ecid;
    act(() => {
      for (let step = 1; step <= 10; step++) {
        api.emit('jobChanged', { seq: 1 + step, job: job(8, { progress: 0.1 + step / 20 }) });
      }
    });
    expect(renders.get(busy)).toBeGreaterThanOrEqual(1);
    expect([...renders.keys()]).toEqual([busy]);
    expect(store.getState().jobs[busy]?.progress).toBeCloseTo(0.6);
  });

  it("puts a refused action on that device's card, not anywhere else", async () => {
    const { store, devices } = await benchOf(3);
    render(
      <BenchStoreContext.Provider value={store}>
        <DeviceGrid />
      </BenchStoreContext.Provider>,
    );
    act(() =>
      store.setCardError(devices[1]!.ecid, {
        code: 'device-busy',
        title: 'The device is busy',
        detail: 'Wait for its step to finish.',
        retryable: true,
      }),
    );
    const alerts = document.querySelectorAll('[role="alert"]');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.closest('article')?.getAttribute('data-ecid')).toBe(devices[1]!.ecid);
    act(() => store.setCardError(devices[1]!.ecid, undefined));
    expect(document.querySelectorAll('[role="alert"]')).toHaveLength(0);
  });
});
