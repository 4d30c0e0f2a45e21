import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDiscovery, removeDiscovery, writeDiscovery } from '../../../main/sim/discovery';
import { scratchDir } from './sim-test-kit';

describe('discovery file', () => {
  it('round-trips a world and is private to the user', async () => {
    const file = path.join(await scratchDir(), 'd.json');
    const info = { socketPath: '/tmp/x/world.sock', cfgutilPath: '/tmp/x/cfgutil', pid: 42 };
    await writeDiscovery(info, file);
    expect(await readDiscovery(file)).toEqual(info);
    await removeDiscovery('/some/other.sock', file);
    expect(await readDiscovery(file)).toEqual(info);
    await removeDiscovery(info.socketPath, file);
    expect(await readDiscovery(file)).toBeUndefined();
  });

  it('ignores a file others can write, and one with the wrong shape', async () => {
    const dir = await scratchDir();
    const open = path.join(dir, 'open.json');
    await writeFile(open, JSON.stringify({ socketPath: '/s', cfgutilPath: '/c', pid: 1 }));
    await chmod(open, 0o666);
    expect(await readDiscovery(open)).toBeUndefined();
    const odd = path.join(dir, 'odd.json');
    await writeFile(odd, JSON.stringify({ socketPath: 5 }), { mode: 0o600 });
    expect(await readDiscovery(odd)).toBeUndefined();
  });
});
