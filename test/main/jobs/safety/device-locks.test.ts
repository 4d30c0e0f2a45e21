/** One bench per device on this Mac: the lock by the ECID's value, in a folder only this user can enter. */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeviceLocks } from '../../../../main/jobs/safety/device-locks';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function runtime(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'device-locks-'));
  dirs.push(dir);
  return dir;
}

describe('createDeviceLocks', () => {
  it('a device held by one bench is "other-bench" for another, whatever the ECID spelling', async () => {
    const dir = await runtime();
    const a = createDeviceLocks({ dir, what: 'bench A' });
    const b = createDeviceLocks({ dir, what: 'bench B' });
    expect(a.claim('0x4F709DB29F9')).toBe('ours');
    expect(a.claim('0x4F709DB29F9')).toBe('ours');
    expect(b.claim('0x004f709db29f9')).toBe('other-bench');
    a.release('0x4F709DB29F9');
    expect(b.claim('0x004f709db29f9')).toBe('ours');
    b.releaseAll();
    expect(a.claim('0x4F709DB29F9')).toBe('ours');
  });

  it('a lock left by a crashed bench is taken over', async () => {
    const dir = await runtime();
    const crashed = createDeviceLocks({ dir, what: 'crashed', alive: () => true });
    expect(crashed.claim('0x1A2B')).toBe('ours');
    const next = createDeviceLocks({ dir, what: 'next', alive: () => false });
    expect(next.claim('0x1A2B')).toBe('ours');
  });

  it('a lock folder others may enter is not used: the claim throws, so nothing is sent', async () => {
    const dir = await runtime();
    await chmod(dir, 0o755);
    expect(() => createDeviceLocks({ dir, what: 'x' }).claim('0x1A2B')).toThrow(/not a private folder/);
  });
});
