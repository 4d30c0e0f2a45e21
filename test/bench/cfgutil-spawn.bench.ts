/**
 * The real cost of one reconcile: spawning cfgutil (here the simulator's executable) and parsing its list of
 * a 40-device cart. On a Mac the real tool's own start-up replaces the simulator's; the spawn, pipe and parse
 * work measured here is ours either way.
 */
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { createCfgutilClient, type CfgutilClient } from '../../main/cfgutil/cfgutil-client';
import { startSimulatedWorld, type SimWorldHandle } from '../../main/sim/index';

let handle: SimWorldHandle;
let client: CfgutilClient;

beforeAll(async () => {
  handle = await startSimulatedWorld({ devices: 40, timeScale: 0.001, seed: 1 });
  client = createCfgutilClient({ cfgutilPath: handle.cfgutilPath });
});

afterAll(async () => {
  await handle.close();
});

describe('cfgutil through the spawn boundary, 40 devices attached', () => {
  bench(
    'list (spawn, run, parse)',
    async () => {
      await client.list();
    },
    { iterations: 20, time: 0 },
  );
});
