import { describe as group, expect, it } from 'vitest';
import type { ErrorCode } from '../../../preload/domain';
import { BenchError, toErrorInfo } from '../../../main/errors/bench-error';
import {
  CFGUTIL_CODES,
  CfgutilError,
  MESSAGE_FALLBACKS,
  cfgutilError,
  cfgutilErrorFromRaw,
  classifyCfgutilError,
  errorInfo,
} from '../../../main/cfgutil/cfgutil-error';
import { describe } from '../../../main/cfgutil/describe-error';
import { assertNever } from '../../../main/cfgutil/assert-never';

/** Every ErrorCode; the Record type makes the compiler reject a missing or extra member. */
const ALL_CODES: Record<ErrorCode, true> = {
  'needs-user-approval': true,
  'already-prepared': true,
  'configuration-unavailable': true,
  'not-activated': true,
  'passcode-locked': true,
  'trust-pending': true,
  'trust-denied': true,
  'pairing-prohibited': true,
  'device-disconnected': true,
  'device-busy': true,
  'activation-locked': true,
  'mac-out-of-date': true,
  'no-devices-found': true,
  'value-missing': true,
  'set-prohibited': true,
  'network-unavailable': true,
  'no-such-profile': true,
  'output-unparseable': true,
  'cfgutil-missing': true,
  'cfgutil-not-executable': true,
  'timed-out': true,
  'in-use-unanswered': true,
  'manager-unknown': true,
  cancelled: true,
  'invalid-request': true,
  internal: true,
  unknown: true,
};
const codes = Object.keys(ALL_CODES) as ErrorCode[];

group('classifyCfgutilError by numeric code (§7.1)', () => {
  const table: [number, ErrorCode, string, string][] = [
    [
      625,
      'needs-user-approval',
      'User interaction on the device is required to install this profile.',
      'Une interaction avec l’utilisateur est requise sur l’appareil pour installer ce profil.',
    ],
    [
      612,
      'already-prepared',
      'The device is already prepared and must be erased to change settings.',
      'L’appareil est déjà préparé et doit être effacé pour modifier les réglages.',
    ],
    [
      33001,
      'configuration-unavailable',
      'The configuration is not available.',
      'La configuration n’est pas disponible.',
    ],
    [
      401,
      'mac-out-of-date',
      'The required framework "MobileDevice" is out of date. Please update macOS.',
      'Le framework « MobileDevice » est obsolète. Mettez à jour macOS.',
    ],
    [
      -402653158,
      'passcode-locked',
      'The device is passcode protected.',
      'L’appareil est protégé par un code.',
    ],
    [-402653163, 'value-missing', 'The value is missing.', 'La valeur est manquante.'],
    [
      -402653161,
      'set-prohibited',
      'Cannot set value on device.',
      'Impossible de définir la valeur sur l’appareil.',
    ],
    [-402653030, 'pairing-prohibited', 'Pairing is prohibited.', 'Le jumelage est interdit.'],
    [-402653034, 'trust-pending', 'Please tap Trust on the device.', 'Touchez Se fier sur l’appareil.'],
    [-402653035, 'trust-denied', 'The user denied pairing.', 'L’utilisateur a refusé le jumelage.'],
    [-402653052, 'device-disconnected', 'The device was disconnected.', 'L’appareil a été déconnecté.'],
    [
      603,
      'device-disconnected',
      'Unable to determine device state.',
      'Impossible de déterminer l’état de l’appareil.',
    ],
  ];

  it.each(table)('maps %i to %s in English', (code, expected, english) => {
    expect(classifyCfgutilError({ code, message: english })).toBe(expected);
  });

  it.each(table)(
    'maps %i to %s in French too (messages are localized, codes are not)',
    (code, expected, _en, french) => {
      expect(classifyCfgutilError({ code, message: french })).toBe(expected);
    },
  );

  it('covers every code the table lists', () => {
    expect(new Set(table.map(([code]) => code))).toEqual(new Set(CFGUTIL_CODES.keys()));
  });

  it('maps Foundation network codes only together with NSURLErrorDomain', () => {
    expect(
      classifyCfgutilError({
        code: -1009,
        domain: 'NSURLErrorDomain',
        detail: 'Erreur de communication réseau.',
      }),
    ).toBe('network-unavailable');
    expect(classifyCfgutilError({ code: -1001, domain: 'NSURLErrorDomain' })).toBe('network-unavailable');
    expect(classifyCfgutilError({ code: -1009, domain: 'SomeOtherDomain' })).toBe('unknown');
    expect(classifyCfgutilError({ code: -1009 })).toBe('unknown');
  });

  it('lets the code win over a misleading message', () => {
    expect(classifyCfgutilError({ code: 625, message: 'already in use' })).toBe('needs-user-approval');
    expect(classifyCfgutilError({ code: -402653158, detail: 'Network communication error.' })).toBe(
      'passcode-locked',
    );
  });
});

group('classifyCfgutilError by the message fallback table', () => {
  const fallbacks: [string, { message?: string; detail?: string; code?: number }, ErrorCode][] = [
    [
      'busy',
      { message: 'This action cannot be performed on the device while it is already in use.' },
      'device-busy',
    ],
    [
      'Activation Lock',
      { message: 'Erase failed. Please complete the activation process on the device.' },
      'activation-locked',
    ],
    ['not activated', { message: 'The device is not activated.', code: 9999 }, 'not-activated'],
    ['no devices (stderr)', { message: 'no devices found' }, 'no-devices-found'],
    ['no such profile (stderr warning)', { message: 'no such profile' }, 'no-such-profile'],
    [
      'offline prepare Detail',
      { message: 'The operation couldn’t be completed.', code: -1, detail: 'Network communication error.' },
      'network-unavailable',
    ],
    ['upper-case text', { message: 'THIS DEVICE IS ALREADY IN USE' }, 'device-busy'],
  ];

  it.each(fallbacks)('classifies %s', (_name, raw, expected) => {
    expect(classifyCfgutilError(raw)).toBe(expected);
  });

  it('has one entry per fallback case, each plain lower-case English words', () => {
    // Lower case because the fields are lower-cased before matching (an upper-case entry would never match);
    // ASCII letters and spaces only, because the table is for cfgutil's English texts (§7.1): localized
    // messages are classified by code, never by text.
    for (const entry of MESSAGE_FALLBACKS) expect(entry.text).toMatch(/^[a-z]+(?: [a-z]+)*$/);
    expect(MESSAGE_FALLBACKS.map((entry) => entry.code).sort()).toEqual([
      'activation-locked',
      'device-busy',
      'network-unavailable',
      'no-devices-found',
      'no-such-profile',
      'not-activated',
    ]);
  });

  it('gives up as unknown on a localized message-only error, keeping code and text', () => {
    const raw = { code: 2006, message: 'Cette action ne peut pas être effectuée.' };
    expect(classifyCfgutilError(raw)).toBe('unknown');
    const error = cfgutilErrorFromRaw(raw, { ecid: '0x8294E3A41001C' });
    expect(error.info).toMatchObject({
      code: 'unknown',
      cfgutilCode: 2006,
      originalMessage: raw.message,
      ecid: '0x8294E3A41001C',
    });
    expect(error.info.detail).toContain('Cette action ne peut pas être effectuée.');
    expect(error.info.detail).toContain('2006');
  });

  it('classifies an empty error as unknown', () => {
    expect(classifyCfgutilError({})).toBe('unknown');
  });
});

group('describe()', () => {
  it.each(codes)('words %s with a title, a detail and a retry flag', (code) => {
    const words = describe(code);
    expect(words.title.length).toBeGreaterThan(3);
    expect(words.detail.length).toBeGreaterThan(words.title.length);
    expect(typeof words.retryable).toBe('boolean');
  });

  it('gives every code its own title', () => {
    expect(new Set(codes.map((code) => describe(code).title)).size).toBe(codes.length);
  });

  it('tells the operator how to fix the common bench situations', () => {
    expect(describe('trust-pending').detail).toMatch(/tap Trust/);
    expect(describe('needs-user-approval').detail).toMatch(/VPN & Device Management/);
    expect(describe('already-prepared').detail).toMatch(/Erase/);
    expect(describe('cfgutil-missing').detail).toMatch(/Install Automation Tools/);
  });

  it('marks transient situations retryable and dead ends not', () => {
    expect(describe('device-busy').retryable).toBe(true);
    expect(describe('timed-out').retryable).toBe(true);
    expect(describe('activation-locked').retryable).toBe(false);
    expect(describe('already-prepared').retryable).toBe(false);
  });

  it('throws for a value outside the union (assertNever)', () => {
    expect(() => describe('made-up' as ErrorCode)).toThrow(/made-up/);
    expect(() => assertNever('x' as never, 'Boom')).toThrow('Boom: x');
  });
});

group('CfgutilError', () => {
  it('is a BenchError whose info crosses the process boundary unchanged', () => {
    const error = cfgutilError('passcode-locked', { ecid: '0x8294E3A41001C', cfgutilCode: -402653158 });
    expect(error).toBeInstanceOf(BenchError);
    expect(error).toBeInstanceOf(CfgutilError);
    expect(error.code).toBe('passcode-locked');
    expect(error.ecid).toBe('0x8294E3A41001C');
    expect(toErrorInfo(error)).toEqual(
      errorInfo('passcode-locked', { ecid: '0x8294E3A41001C', cfgutilCode: -402653158 }),
    );
    expect(error.message).toBe(`${describe('passcode-locked').title}: ${describe('passcode-locked').detail}`);
  });

  it('keeps the cfgutil code and both message and Detail for the log', () => {
    const error = cfgutilErrorFromRaw({
      code: -1,
      message: 'Failed.',
      detail: 'Network communication error.',
    });
    expect(error.info).toMatchObject({
      code: 'network-unavailable',
      cfgutilCode: -1,
      originalMessage: 'Failed. — Network communication error.',
      retryable: true,
    });
  });

  it('does not add original text to the words of known codes', () => {
    const error = cfgutilErrorFromRaw({ code: 612, message: 'secret path /Users/x' });
    expect(error.info.detail).toBe(describe('already-prepared').detail);
    expect(error.info.originalMessage).toBe('secret path /Users/x');
  });
});

group('outside text in cfgutil errors', () => {
  it('sanitises and caps what cfgutil said and the path sentence before they reach the detail', () => {
    const info = errorInfo('unknown', {
      originalMessage: `Oops\u001b[2K\nVerdict: READY \u202E${'x'.repeat(5000)}`,
      about: 'The cfgutil at /tmp/evil\n2026-12-01T00:00:00Z INFO forged',
    });
    for (const text of [info.detail, info.originalMessage ?? '']) {
      expect([...text].some((c) => c.charCodeAt(0) < 0x20 || c === '\u202e')).toBe(false);
    }
    expect(info.detail).toContain('Oops␛[2K Verdict: READY <U+202E>');
    expect(info.detail).toContain('/tmp/evil 2026-12-01');
    expect(Array.from(info.originalMessage ?? '').length).toBeLessThanOrEqual(200);
    expect(info.detail.length).toBeLessThan(1000);
  });
});
