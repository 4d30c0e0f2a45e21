import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Pseudonyms } from '../../../main/record/pseudonyms';

const hex = (digits: number) =>
  fc.bigInt({ min: 1n << BigInt(4 * (digits - 1)), max: (1n << BigInt(4 * digits)) - 1n });
const serial = fc.stringMatching(/^[C-HJ-NP-Z][0-9C-HJ-NP-Z]{9,11}$/);
const name = fc.stringMatching(/^[A-Z][a-z]{2,8}'s (iPad|iPhone) [0-9]{1,2}$/);

function listOutput(ecid: bigint, udid: string, deviceName: string): string {
  const key = `0x${ecid.toString(16).toUpperCase().padStart(13, '0')}`;
  return JSON.stringify({
    Command: 'list',
    Output: { [key]: { ECID: key, UDID: udid, name: deviceName, deviceType: 'iPad14,1', locationID: 1 } },
    Type: 'CommandOutput',
    Devices: [key],
  });
}

describe('Pseudonyms', () => {
  it('leaves no real ECID, UDID, serial or name in any field, and maps each the same way everywhere (property)', () => {
    fc.assert(
      fc.property(hex(13), serial, name, (ecid, realSerial, realName) => {
        const names = new Pseudonyms(true);
        const udid = `00008110-${ecid.toString(16).toUpperCase().padStart(16, '0')}`;
        const list = listOutput(ecid, udid, realName);
        const get = JSON.stringify({ Output: { x: { serialNumber: realSerial, name: realName } } });
        names.learnFromOutput(list);
        names.learnFromOutput(get);
        const bare = ecid.toString(16);
        const texts = [
          names.apply(list),
          names.apply(get),
          names.applyArg(bare),
          names.apply(`cfgutil: error on ${realName} (${realSerial}) ECID 0x${bare}`),
        ];
        const all = texts.join('\n');
        expect(all).not.toContain(realSerial);
        expect(all).not.toContain(realName);
        expect(all.toLowerCase()).not.toContain(ecid.toString(16).toLowerCase().padStart(13, '0'));
        // The same ECID in three spellings is one stand-in, and the UDID carries it.
        const standIn = BigInt(`0x${names.applyArg(bare)}`);
        expect(texts[0]).toContain(`0x${standIn.toString(16).toUpperCase().padStart(13, '0')}`);
        expect(texts[0]).toContain(`00008110-${standIn.toString(16).toUpperCase().padStart(16, '0')}`);
        expect(texts[3]?.toLowerCase()).toContain(`0x${standIn.toString(16).padStart(bare.length, '0')}`);
      }),
      { numRuns: 100 },
    );
  });

  it('gives different devices different stand-ins, stable for the life of the bundle', () => {
    const names = new Pseudonyms(true);
    names.learnEcid('0x1111111111111');
    names.learnEcid('0x2222222222222');
    const first = names.apply('0x1111111111111 0x2222222222222');
    expect(new Set(first.split(' ')).size).toBe(2);
    expect(names.apply('0x1111111111111')).toBe(first.split(' ')[0]);
    expect(names.counts().ecids).toBe(2);
  });

  it('keeps the names every erased device has, so model strings survive', () => {
    const names = new Pseudonyms(true);
    names.learnName('iPad');
    expect(names.apply('"name":"iPad","deviceType":"iPad14,1"')).toBe(
      '"name":"iPad","deviceType":"iPad14,1"',
    );
  });

  it("keeps a name built from the serial in its pattern, with the serial's stand-in", () => {
    const names = new Pseudonyms(true);
    names.learnSerial('F9FXK03ABQ7R');
    names.learnName('Cart 3 Q7R9');
    names.learnName('Field Check BQ7R');
    expect(names.apply('Field Check BQ7R')).toBe('Field Check 0001');
    expect(names.apply('Cart 3 Q7R9')).toBe('Bench Device 1');
  });

  it('changes nothing when disabled (--record-raw)', () => {
    const names = new Pseudonyms(false);
    names.learnFromOutput(listOutput(0x1234567890abcn, '00008110-0001234567890ABC', "Ann's iPad 2"));
    const text = "0x1234567890ABC Ann's iPad 2";
    expect(names.apply(text)).toBe(text);
  });

  it('a name with quotes or a backslash leaves no trace in the JSON it came from, nor where it is printed', () => {
    const names = new Pseudonyms(true);
    const real = 'Logan’s "work" iPhone \\ 2';
    const list = listOutput(0x8294e3a41001cn, '00008130-0008294E3A41001C', real);
    names.learnFromOutput(list);
    const out = names.apply(list);
    expect(out).not.toContain('Logan');
    expect(JSON.parse(out)).toMatchObject({ Output: { [`0x${names.applyArg('8294E3A41001C')}`]: {} } });
    expect(names.apply(`rename failed for ${real}`)).not.toContain('Logan');
  });

  it('IMEIs, phone numbers and hardware addresses from a get keep their shape and leave no trace', () => {
    const names = new Pseudonyms(true);
    const get = JSON.stringify({
      Command: 'get',
      Output: {
        '0x1C604A3405801': {
          IMEI: '356938035643809',
          phoneNumber: '+1 (425) 555-0100',
          wifiAddress: 'a4:83:e7:12:34:56',
          bluetoothAddress: 'a4:83:e7:12:34:57',
        },
      },
    });
    names.learnFromOutput(get);
    const out = names.apply(get);
    for (const real of ['356938035643809', '555-0100', 'a4:83:e7:12:34:56', 'a4:83:e7:12:34:57'])
      expect(out).not.toContain(real);
    const values = (JSON.parse(out) as { Output: Record<string, Record<string, string>> }).Output;
    const device = Object.values(values)[0] ?? {};
    expect(device.IMEI).toMatch(/^\d{15}$/);
    expect(device.wifiAddress).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
    expect(device.wifiAddress).not.toBe(device.bluetoothAddress);
    expect(names.counts().others).toBe(4);
  });
});
