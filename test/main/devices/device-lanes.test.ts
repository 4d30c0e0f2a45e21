import { describe, expect, it } from 'vitest';
import { DeviceLanes } from '../../../main/devices/device-lanes';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('DeviceLanes', () => {
  it('runs tasks on one ECID one after another (any spelling), and different ECIDs in parallel', async () => {
    const lanes = new DeviceLanes();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name}+`);
      await tick(20);
      log.push(`${name}-`);
    };
    await Promise.all([
      lanes.run('0xABC', task('a1')),
      lanes.run('0xabc', task('a2')),
      lanes.run('0xDEF', task('b1')),
    ]);
    expect(log.indexOf('a2+')).toBeGreaterThan(log.indexOf('a1-'));
    expect(log.indexOf('b1+')).toBeLessThan(log.indexOf('a1-'));
  });

  it('a failed task does not block the next one', async () => {
    const lanes = new DeviceLanes();
    await expect(lanes.run('0x1', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lanes.run('0x1', async () => 'next')).resolves.toBe('next');
  });
});
