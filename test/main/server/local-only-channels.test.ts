import { describe, expect, it } from 'vitest';
import {
  isLoopbackAddress,
  localOnlyChannels,
  localOnlyRefusal,
  localOnlyRefusalFor,
} from '../../../main/server/local-only-channels';

describe('isLoopbackAddress', () => {
  it.each(['127.0.0.1', '127.1.2.3', '127.255.255.255', '::1', '::ffff:127.0.0.1', '::FFFF:127.0.0.9'])(
    'treats %s as this machine',
    (address) => expect(isLoopbackAddress(address)).toBe(true),
  );

  it.each([
    undefined,
    '',
    '10.0.0.5',
    '192.168.1.20',
    '128.0.0.1',
    '1.127.0.0',
    '::ffff:10.0.0.5',
    '::2',
    'fe80::1',
    '127.0.0.1.evil',
    'localhost',
  ])('treats %s as another machine', (address) => expect(isLoopbackAddress(address)).toBe(false));
});

describe('localOnlyRefusalFor', () => {
  it('covers the identity and cfgutil channels', () => {
    expect([...localOnlyChannels].sort()).toEqual([
      'chooseCfgutil',
      'createSupervisionIdentity',
      'importSupervisionIdentity',
    ]);
  });

  it.each(localOnlyChannels)('refuses %s from a LAN peer with the explanation', (channel) => {
    const refusal = localOnlyRefusalFor(channel, '192.168.1.20');
    expect(refusal).toBe(localOnlyRefusal);
    expect(refusal).toMatchObject({ code: 'invalid-request', retryable: false });
    expect(refusal?.detail).toBe(
      'Importing a supervision identity, creating one, or choosing cfgutil is only allowed on the Mac itself: the connection from another screen is not encrypted.',
    );
    expect(localOnlyRefusalFor(channel, undefined)).toBe(localOnlyRefusal);
  });

  it.each(localOnlyChannels)('allows %s from loopback', (channel) => {
    expect(localOnlyRefusalFor(channel, '127.0.0.1')).toBeUndefined();
    expect(localOnlyRefusalFor(channel, '::1')).toBeUndefined();
    expect(localOnlyRefusalFor(channel, '::ffff:127.0.0.1')).toBeUndefined();
  });

  it('leaves every other channel to the dispatcher, from anywhere', () => {
    for (const channel of ['getSnapshot', 'simulate', 'importProfile', 'nope', 42]) {
      expect(localOnlyRefusalFor(channel, '192.168.1.20')).toBeUndefined();
    }
  });
});
