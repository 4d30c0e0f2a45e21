import { describe, expect, it } from 'vitest';
import { SUPERVISION_PROPERTIES, type DeviceRead } from '../../../main/jobs/device-read';
import { readDevice, currentRead } from '../../../main/jobs/step-kit';
import { LastRead } from '../../../main/jobs/last-read';
import { fakeJob } from './fake-job';

const read = (locked = false): DeviceRead => ({
  values: { isSupervised: false },
  facts: { readAt: 0 },
  locked,
  errorCodes: [],
});

describe('LastRead', () => {
  const entry = { read: read(), properties: new Set(SUPERVISION_PROPERTIES), generation: 2, at: 1000 };

  it('serves a read that asked for the properties, on the same generation, young enough', () => {
    const last = new LastRead();
    last.remember(entry);
    expect(last.valid(['isSupervised', 'organizationName'], 2, 1500, 1000)).toBe(entry.read);
    expect(last.valid(['configurationProfiles'], 2, 1500, 1000)).toBeUndefined();
    expect(last.valid(['isSupervised'], 3, 1500, 1000)).toBeUndefined();
    expect(last.valid(['isSupervised'], 2, 2001, 1000)).toBeUndefined();
    last.forget();
    expect(last.valid(['isSupervised'], 2, 1500, 1000)).toBeUndefined();
  });

  it('never serves a locked screen’s answer', () => {
    const last = new LastRead();
    last.remember({ ...entry, read: read(true) });
    expect(last.valid(['isSupervised'], 2, 1000, 1000)).toBeUndefined();
  });
});

describe('currentRead', () => {
  it('decides on the last read while nothing happened, and asks again after a change, a re-plug or time', async () => {
    const job = fakeJob();
    const gets = () => job.calls.filter((c) => c.command === 'get').length;
    await readDevice(job.ctx);
    await currentRead(job.ctx, SUPERVISION_PROPERTIES);
    expect(gets()).toBe(1);

    await job.ctx.client.rename(job.ctx.ecid, 'Cart 1');
    await currentRead(job.ctx, SUPERVISION_PROPERTIES);
    expect(gets()).toBe(2);

    job.replug();
    await currentRead(job.ctx, SUPERVISION_PROPERTIES);
    expect(gets()).toBe(3);

    job.advance(job.ctx.timings.lastReadMaxAgeMs + 1);
    await currentRead(job.ctx, SUPERVISION_PROPERTIES);
    expect(gets()).toBe(4);
    await currentRead(job.ctx, SUPERVISION_PROPERTIES);
    expect(gets()).toBe(4);
  });

  it('a failed changing command forgets the last read too (it may have done something)', async () => {
    const job = fakeJob({ device: { busyFor: 1 } });
    await readDevice(job.ctx);
    await job.ctx.client.prepare(job.ctx.ecid, { supervised: true }).catch(() => {});
    await currentRead(job.ctx, SUPERVISION_PROPERTIES);
    expect(job.calls.map((c) => c.command)).toEqual(['get', 'prepare', 'get']);
  });
});
