/**
 * Only booted iPhones and iPads are bench devices (issue 20 item 4). A Mac in DFU as `cfgutil list` showed it
 * (`iBridge2,15`, UDID and name "N/A"), Apple TVs and anything unrecognised are "Not a bench device"; an
 * iPhone or iPad in DFU/Recovery is "In Recovery: restore needed".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benchDeviceKind, IN_RECOVERY_LABEL, NOT_BENCH_LABEL } from '../../../main/cfgutil/bench-device-kind';

describe('benchDeviceKind', () => {
  it('the captured DFU Mac, an Apple TV, a Watch and an unknown type are not bench devices', () => {
    for (const facts of [
      { deviceType: 'iBridge2,15', udid: 'N/A', name: 'N/A' },
      { deviceType: 'AppleTV11,1', udid: '00008110-000A1B2C3D4E5F60', name: 'Living Room' },
      { deviceType: 'Watch6,1', udid: '00008301-000A1B2C3D4E5F60', name: 'Watch' },
      { deviceType: 'MacBookPro18,3' },
      { deviceType: 'N/A', udid: 'N/A' },
      {},
    ]) {
      expect(benchDeviceKind(facts)).toEqual({ kind: 'not-bench', label: NOT_BENCH_LABEL });
    }
  });

  it('an iPhone or iPad in DFU/Recovery needs a restore; a booted one is a bench device', () => {
    expect(benchDeviceKind({ deviceType: 'iPhone16,1', udid: 'N/A', name: 'N/A' }).kind).toBe('in-recovery');
    expect(benchDeviceKind({ deviceType: 'iPad13,18', udid: '00008101-0001', mode: 'dfu' })).toEqual({
      kind: 'in-recovery',
      label: IN_RECOVERY_LABEL,
    });
    expect(benchDeviceKind({ deviceType: 'iPhone16,1', mode: 'recovery' }).kind).toBe('in-recovery');
    expect(
      benchDeviceKind({
        deviceType: 'iPhone16,1',
        udid: '00008130-0008294E3A41001C',
        name: 'Logan’s iPhone',
      }),
    ).toEqual({ kind: 'bench' });
  });

  it('no product type outside the iPhone and iPad families is ever a bench device', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string(), { nil: undefined }), (deviceType, udid) => {
        fc.pre(!/^(?:iPhone|iPad)\d+,\d+$/.test(deviceType.trim()));
        expect(benchDeviceKind({ deviceType, udid }).kind).toBe('not-bench');
      }),
    );
  });
});
