import { describe, expect, it } from 'vitest';
import { validateSettings } from '../../../main/settings/validate-settings';

describe('validateSettings', () => {
  it('drops a relative cfgutil path with a named problem', () => {
    expect(validateSettings({ cfgutilPath: 'cfgutil' })).toEqual({
      settings: {},
      problems: [
        'Setting cfgutilPath: the cfgutil path must be an absolute path; it was ignored and the default is used.',
      ],
    });
  });

  it('refuses a non-object', () => {
    expect(validateSettings([1]).problems).toEqual([
      'The settings file does not hold a JSON object; defaults are used.',
    ]);
  });

  it('accepts the edges of each range and refuses one past them', () => {
    expect(validateSettings({ concurrency: 1, countdownSeconds: 0 }).settings).toEqual({
      concurrency: 1,
      countdownSeconds: 0,
    });
    expect(validateSettings({ concurrency: 64, countdownSeconds: 60 }).problems).toEqual([]);
    const bad = validateSettings({ concurrency: 65, countdownSeconds: -1 });
    expect(bad.settings).toEqual({});
    expect(bad.problems).toHaveLength(2);
    expect(validateSettings({ concurrency: 2.5 }).problems[0]).toContain(
      'concurrency must be a whole number',
    );
    expect(validateSettings({ concurrency: '8' }).problems[0]).toContain('concurrency must be a number');
  });

  it('normalises the ignore list: serials upper case without spaces, ECIDs in cfgutil form, no duplicates', () => {
    const { settings, problems } = validateSettings({
      ignore: {
        serials: ['f9fxq0a1hg7q', ' F9FX Q0A1 HG7Q '],
        ecids: ['1a2b3c4d5e6f', '0x001A2B3C4D5E6F', '0XABC'],
      },
    });
    expect(problems).toEqual([]);
    expect(settings.ignore).toEqual({ serials: ['F9FXQ0A1HG7Q'], ecids: ['0x1A2B3C4D5E6F', '0xABC'] });
  });

  it('names the bad entry of the ignore list and drops it alone: the rest of the list still counts', () => {
    const { settings, problems } = validateSettings({
      ignore: { serials: ['F9FXQ0A1HG7Q', 'F9FX-Q0A1HG7R', 'no!'], ecids: ['0x1A2B'] },
    });
    expect(settings.ignore).toEqual({ serials: ['F9FXQ0A1HG7Q'], ecids: ['0x1A2B'] });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^Setting ignore\.serials\[1\] \(entry 2\) "F9FX-Q0A1HG7R": a serial number is 8 to 20 letters and digits.*the rest of the list still counts/,
    );
    expect(problems[1]).toMatch(/^Setting ignore\.serials\[2\] \(entry 3\) "no!"/);
    expect(validateSettings({ ignore: { ecids: ['0xZZ', '0x004F709DB29F9'] } })).toMatchObject({
      settings: { ignore: { serials: [], ecids: ['0x4F709DB29F9'] } },
      problems: [expect.stringMatching(/^Setting ignore\.ecids\[0\] \(entry 1\) "0xZZ": an ECID/)],
    });
    expect(validateSettings({ ignore: { phones: [] } }).problems[0]).toMatch(/^Setting ignore: /);
  });

  it('trims the station name and refuses one with a line break or too long', () => {
    expect(validateSettings({ stationName: '  Cart room 2 ' }).settings).toEqual({
      stationName: 'Cart room 2',
    });
    expect(validateSettings({ stationName: 'a\nb' }).problems).toHaveLength(1);
    expect(validateSettings({ stationName: 'x'.repeat(65) }).problems).toHaveLength(1);
    expect(validateSettings({ stationName: '   ' }).problems).toHaveLength(1);
  });

  it('checks the default workflow id form and the sounds switch', () => {
    expect(validateSettings({ defaultWorkflowId: 'cart-7', sounds: false }).settings).toEqual({
      defaultWorkflowId: 'cart-7',
      sounds: false,
    });
    expect(validateSettings({ defaultWorkflowId: '../etc', sounds: 'yes' }).problems).toHaveLength(2);
  });

  it('names unknown fields, scrubbed, and ignores them', () => {
    const { settings, problems } = validateSettings({ concurency: 4, 'evil\u001b[2J': 1 });
    expect(settings).toEqual({});
    expect(problems).toEqual([
      'The settings file has fields this version does not know ("concurency", "evil␛[2J"); they were ignored.',
    ]);
  });
});
