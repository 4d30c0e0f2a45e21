/**
 * Pseudonyms for recordings: consistent within a recording, same shapes as the real values, never replacing a
 * value inside another token, and no real identifier left.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameEcid } from '../../../../main/cfgutil/ecid';
import { Pseudonyms } from '../../../../main/cfgutil/recording/pseudonyms';

const listReply = (ecid: string, udid: string, name: string, type: string) =>
  JSON.stringify({
    Command: 'list',
    Output: { [ecid]: { locationID: 1, UDID: udid, ECID: ecid, name, deviceType: type } },
    Type: 'CommandOutput',
    Devices: [ecid],
  });

describe('Pseudonyms', () => {
  it('replaces the captured list entry consistently and keeps its shapes', () => {
    const p = new Pseudonyms();
    const reply = listReply(
      '0x8294E3A41001C',
      '00008130-0008294E3A41001C',
      'Logan’s "work" iPhone',
      'iPhone16,1',
    );
    p.learnJson(reply);
    const out = JSON.parse(p.scrub(reply)) as {
      Devices: string[];
      Output: Record<string, Record<string, string>>;
    };
    const ecid = out.Devices[0] ?? '';
    expect(ecid).toMatch(/^0x[0-9A-F]{13}$/);
    expect(sameEcid(ecid, '0x8294E3A41001C')).toBe(false);
    const entry = out.Output[ecid] ?? {};
    expect(entry.UDID).toBe(`00008130-${ecid.slice(2).padStart(16, '0')}`);
    expect(entry.name).toBe('Device 1');
    expect(entry.deviceType).toBe('iPhone16,1');
    // Same input, same pseudonyms; the -e argument too, in any spelling.
    expect(p.scrub(reply)).toBe(p.scrub(reply));
    expect(p.scrubArg('0x8294e3a41001c')).toBe(ecid);
  });

  it('a device called by its class keeps that word, and deviceType is never touched', () => {
    const p = new Pseudonyms();
    const reply = listReply('0x004F709DB29F9', '00008101-00004F709DB29F9A', 'iPad', 'iPad13,18');
    p.learnJson(reply);
    const out = p.scrub(reply);
    expect(out).toContain('"name":"iPad"');
    expect(out).toContain('"deviceType":"iPad13,18"');
    expect(out).not.toContain('4F709DB29F9');
  });

  it('no serial number learned from a get survives in the scrubbed reply', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z]{10,12}$/), (serial) => {
        fc.pre(!['IPHONE', 'IPAD'].some((w) => serial.includes(w)));
        const p = new Pseudonyms();
        const reply = JSON.stringify({
          Command: 'get',
          Output: { '0x1C604A3405801E': { serialNumber: serial }, Errors: { '0x1C604A3405801E': {} } },
          Type: 'CommandOutput',
          Devices: ['0x1C604A3405801E'],
        });
        p.learnJson(reply);
        const out = p.scrub(reply);
        expect(out).not.toContain(`"${serial}"`);
        expect(out).toContain('"SERIAL0001"');
      }),
    );
  });
});
