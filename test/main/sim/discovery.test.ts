import { chmod, lstat, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  discoveryFilePath,
  readDiscovery,
  removeDiscovery,
  writeDiscovery,
} from '../../../main/sim/discovery';
import { startSimulatedWorld } from '../../../main/sim/index';
import { scratchDir } from './sim-test-kit';

const info = { socketPath: '/tmp/x/world.sock', cfgutilPath: '/tmp/x/cfgutil', pid: 42 };

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('discovery file', () => {
  it('round-trips a world and is private to the user', async () => {
    const file = path.join(await scratchDir(), 'd.json');
    expect(await writeDiscovery(info, file)).toEqual({ ok: true, file });
    expect((await lstat(file)).mode & 0o777).toBe(0o600);
    expect(await readDiscovery(file)).toEqual(info);
    await removeDiscovery('/some/other.sock', file);
    expect(await readDiscovery(file)).toEqual(info);
    await removeDiscovery(info.socketPath, file);
    expect(await readDiscovery(file)).toBeUndefined();
  });

  it('lives in $XDG_RUNTIME_DIR when set, else in the temp folder', () => {
    const name = path.basename(discoveryFilePath({}));
    expect(discoveryFilePath({ XDG_RUNTIME_DIR: '/run/user/1000' })).toBe(path.join('/run/user/1000', name));
    expect(discoveryFilePath({})).toBe(path.join(os.tmpdir(), name));
    expect(discoveryFilePath({ XDG_RUNTIME_DIR: 'relative' })).toBe(path.join(os.tmpdir(), name));
  });

  it('replaces a symlink planted at its name instead of writing through it', async () => {
    const dir = await scratchDir();
    const victim = path.join(dir, 'victim.txt');
    await writeFile(victim, 'precious\n', { mode: 0o644 });
    const file = path.join(dir, 'd.json');
    await symlink(victim, file);
    expect(await writeDiscovery(info, file)).toEqual({ ok: true, file });
    expect(await readFile(victim, 'utf8')).toBe('precious\n');
    expect((await lstat(victim)).mode & 0o777).toBe(0o644);
    expect((await lstat(file)).isSymbolicLink()).toBe(false);
    expect(await readDiscovery(file)).toEqual(info);
    // No temp file left behind.
    expect((await readdir(dir)).sort()).toEqual(['d.json', 'victim.txt']);
  });

  it('refuses to read through a symlink, even to a good file of ours', async () => {
    const dir = await scratchDir();
    const real = path.join(dir, 'real.json');
    await writeDiscovery(info, real);
    const link = path.join(dir, 'link.json');
    await symlink(real, link);
    expect(await readDiscovery(real)).toEqual(info);
    expect(await readDiscovery(link)).toBeUndefined();
  });

  it('ignores a file of ours that others can write, and one with the wrong shape', async () => {
    const dir = await scratchDir();
    const open = path.join(dir, 'open.json');
    await writeFile(open, JSON.stringify(info), { mode: 0o600 });
    expect(await readDiscovery(open)).toEqual(info);
    await chmod(open, 0o666);
    expect(await readDiscovery(open)).toBeUndefined();
    const odd = path.join(dir, 'odd.json');
    await writeFile(odd, JSON.stringify({ socketPath: 5 }), { mode: 0o600 });
    expect(await readDiscovery(odd)).toBeUndefined();
  });

  it('reports a failure to publish instead of throwing', async () => {
    const file = path.join(await scratchDir(), 'missing-folder', 'd.json');
    const result = await writeDiscovery(info, file);
    expect(result).toMatchObject({ ok: false, file });
    expect(result.ok ? '' : result.reason).toContain('ENOENT');
  });

  it('starts the world even when the discovery file cannot be published', async () => {
    vi.stubEnv('XDG_RUNTIME_DIR', path.join(await scratchDir(), 'no-such-runtime-dir'));
    const handle = await startSimulatedWorld({ timeScale: 0.001, devices: 1, publishDiscovery: true });
    try {
      expect(handle.discovery).toMatchObject({ ok: false, file: discoveryFilePath() });
      expect(handle.world.list()).toHaveLength(1);
    } finally {
      await handle.close();
    }
  });

  it('publishes into $XDG_RUNTIME_DIR and removes the file on close', async () => {
    vi.stubEnv('XDG_RUNTIME_DIR', await scratchDir());
    const handle = await startSimulatedWorld({ timeScale: 0.001, publishDiscovery: true });
    expect(handle.discovery).toEqual({ ok: true, file: discoveryFilePath() });
    expect(await readDiscovery()).toMatchObject({ socketPath: handle.socketPath, pid: process.pid });
    await handle.close();
    expect(await readDiscovery()).toBeUndefined();
  });

  it('keeps two benches apart: each world publishes its own file, and sim verbs reach only theirs', async () => {
    vi.stubEnv('XDG_RUNTIME_DIR', await scratchDir());
    const [benchA, benchB] = [await scratchDir(), await scratchDir()];
    const a = await startSimulatedWorld({
      timeScale: 0.001,
      devices: 1,
      publishDiscovery: true,
      bench: benchA,
    });
    const b = await startSimulatedWorld({
      timeScale: 0.001,
      devices: 2,
      publishDiscovery: true,
      bench: benchB,
    });
    try {
      const fileA = discoveryFilePath(process.env, benchA);
      expect(a.discovery).toEqual({ ok: true, file: fileA });
      expect(b.discovery).toEqual({ ok: true, file: discoveryFilePath(process.env, benchB) });
      expect(fileA).not.toBe(discoveryFilePath(process.env, benchB));
      expect((await readDiscovery(fileA))?.socketPath).toBe(a.socketPath);
      // ENROLL_BENCH_DATA names the bench the default way.
      vi.stubEnv('ENROLL_BENCH_DATA', benchB);
      expect((await readDiscovery())?.socketPath).toBe(b.socketPath);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('does not let a second world take over a live one for the same bench, but replaces a dead one', async () => {
    vi.stubEnv('XDG_RUNTIME_DIR', await scratchDir());
    const bench = await scratchDir();
    const first = await startSimulatedWorld({ timeScale: 0.001, publishDiscovery: true, bench });
    const second = await startSimulatedWorld({ timeScale: 0.001, publishDiscovery: true, bench });
    try {
      expect(second.discovery).toMatchObject({ ok: false });
      expect(second.discovery?.ok ? '' : second.discovery?.reason).toContain('already serves this bench');
      const file = discoveryFilePath(process.env, bench);
      expect((await readDiscovery(file))?.socketPath).toBe(first.socketPath);
      await first.close();
      const third = await startSimulatedWorld({ timeScale: 0.001, publishDiscovery: true, bench });
      expect(third.discovery).toEqual({ ok: true, file });
      await third.close();
    } finally {
      await first.close();
      await second.close();
    }
  });
});
