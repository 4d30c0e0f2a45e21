/**
 * `serve --simulate --scenario`: the engine factory starts the simulated world with the scenario's cart.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEngineFactory } from '../../../main/engine/engine-factory';
import { scratchDir } from '../sim/sim-test-kit';

afterEach(() => vi.unstubAllEnvs());

describe('engine factory with a scenario', () => {
  it('starts the simulator with the messy cart, and refuses an unknown scenario with a clear error', async () => {
    vi.stubEnv('XDG_RUNTIME_DIR', await scratchDir());
    vi.stubEnv('ENROLL_BENCH_DATA', await scratchDir());
    const engine = await createEngineFactory({ timeScale: 0.001, scenario: 'messy-cart' }).startSimulator();
    try {
      expect(await engine.lister.list()).toHaveLength(12);
    } finally {
      await engine.close();
    }
    await expect(createEngineFactory({ scenario: 'no-such.json' }).startSimulator()).rejects.toThrow(
      /scenario/i,
    );
  });
});
