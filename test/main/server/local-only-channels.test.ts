import { describe, expect, it } from 'vitest';
import { invokeChannelNames, type InvokeChannelName } from '../../../preload/contract';
import {
  isLoopbackAddress,
  localOnlyChannels,
  localOnlyRefusal,
  localOnlyRefusalFor,
  remoteControlChannels,
  remoteControlRefusal,
} from '../../../main/server/local-only-channels';

const lanPeer = '192.168.1.20';
const channels = Object.keys(invokeChannelNames) as InvokeChannelName[];
const anyChannels = channels.filter((c) => localOnlyChannels[c] === 'any');
const neverRemote = channels.filter(
  (c) => localOnlyChannels[c] === 'local' && !(remoteControlChannels as readonly string[]).includes(c),
);

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

describe('localOnlyChannels', () => {
  it('says for every contract channel whether another screen may call it', () => {
    expect(Object.keys(localOnlyChannels).sort()).toEqual([...channels].sort());
    expect(anyChannels.sort()).toEqual([
      'exportLog',
      'getIntuneEnrollments',
      'getIntuneStatus',
      'getPreflight',
      'getProfile',
      'getSettings',
      'getSnapshot',
      'getSupervisionIdentity',
      'listSkipPanes',
      'listWorkflows',
      'previewNames',
      'queryLog',
    ]);
  });

  it('keeps every job channel local unless the operator opts in', () => {
    for (const channel of [
      'setArmed',
      'setPaused',
      'selectWorkflow',
      'jobAction',
      'retryFailed',
      'saveWorkflow',
      'deleteWorkflow',
    ] as const) {
      expect(localOnlyChannels[channel]).toBe('local');
      expect(remoteControlChannels).toContain(channel);
    }
    for (const channel of remoteControlChannels) expect(localOnlyChannels[channel]).toBe('local');
  });

  it('never opens the trust channels, whatever the flags', () => {
    expect(neverRemote.sort()).toEqual([
      'answerInUse',
      'chooseCfgutil',
      'cleanRestoreLeftovers',
      'connectIntune',
      'createSupervisionIdentity',
      'disconnectIntune',
      'importProfile',
      'importSupervisionIdentity',
      'listIntuneProfiles',
      'overrideProfileAge',
      'pullIntuneProfile',
      'saveSettings',
      'setIntunePushSerials',
      'setIntuneRefreshDays',
      'useTrainingProfile',
    ]);
  });
});

describe('localOnlyRefusalFor', () => {
  it.each(neverRemote)('refuses %s from a LAN peer even with --allow-remote-control', (channel) => {
    expect(localOnlyRefusalFor(channel, lanPeer)).toBe(localOnlyRefusal);
    expect(localOnlyRefusalFor(channel, lanPeer, { allowRemoteControl: true })).toBe(localOnlyRefusal);
    expect(localOnlyRefusalFor(channel, undefined, { allowRemoteControl: true })).toBe(localOnlyRefusal);
  });

  it('refuses answerInUse (erase every in-use device) from another screen, whatever the flags', () => {
    expect(localOnlyChannels.answerInUse).toBe('local');
    expect(remoteControlChannels).not.toContain('answerInUse');
    for (const policy of [
      {},
      { allowRemoteControl: true },
      { allowRemoteControl: true, controlProven: true },
    ])
      expect(localOnlyRefusalFor('answerInUse', lanPeer, policy)).toBe(localOnlyRefusal);
    // A tunnelled screen (loopback without the control token) is another screen too.
    expect(localOnlyRefusalFor('answerInUse', '127.0.0.1', { allowRemoteControl: true })).toBe(
      localOnlyRefusal,
    );
    expect(localOnlyRefusalFor('answerInUse', '127.0.0.1', { controlProven: true })).toBeUndefined();
  });

  it('refuses importProfile from another screen with the explanation', () => {
    expect(localOnlyRefusalFor('importProfile', lanPeer)).toMatchObject({
      code: 'invalid-request',
      retryable: false,
      detail: expect.stringContaining('Importing a profile'),
    });
  });

  it.each(remoteControlChannels)('refuses %s from a LAN peer unless remote control is allowed', (channel) => {
    expect(localOnlyRefusalFor(channel, lanPeer)).toBe(remoteControlRefusal);
    expect(remoteControlRefusal.detail).toContain('--allow-remote-control');
    expect(localOnlyRefusalFor(channel, lanPeer, { allowRemoteControl: true })).toBeUndefined();
  });

  it.each(channels)('allows %s to the Mac itself: loopback and the control token', (channel) => {
    const mac = { controlProven: true };
    expect(localOnlyRefusalFor(channel, '127.0.0.1', mac)).toBeUndefined();
    expect(localOnlyRefusalFor(channel, '::1', mac)).toBeUndefined();
    expect(localOnlyRefusalFor(channel, '::ffff:127.0.0.1', mac)).toBeUndefined();
  });

  it.each(neverRemote)('refuses %s to a tunnelled screen: loopback without the control token', (channel) => {
    expect(localOnlyRefusalFor(channel, '127.0.0.1')).toBe(localOnlyRefusal);
    expect(localOnlyRefusalFor(channel, '127.0.0.1', { allowRemoteControl: true })).toBe(localOnlyRefusal);
    // The control token copied to another machine is no use over --host either.
    expect(localOnlyRefusalFor(channel, lanPeer, { controlProven: true })).toBe(localOnlyRefusal);
  });

  it.each(remoteControlChannels)('treats a tunnelled screen like any other screen for %s', (channel) => {
    expect(localOnlyRefusalFor(channel, '127.0.0.1')).toBe(remoteControlRefusal);
    expect(localOnlyRefusalFor(channel, '127.0.0.1', { allowRemoteControl: true })).toBeUndefined();
  });

  it('lets the read-only channels and unknown names through from anywhere (the dispatcher refuses unknowns)', () => {
    for (const channel of [...anyChannels, 'nope', 42, 'constructor', '__proto__']) {
      expect(localOnlyRefusalFor(channel, lanPeer)).toBeUndefined();
    }
  });
});

describe('Mac-only job actions (issue 26: switch to direct enrollment)', () => {
  it('refuses switch-to-direct from another screen even with remote control allowed, and allows it on the Mac', () => {
    const frame = [{ ecid: '0x1', action: 'switch-to-direct' }];
    expect(localOnlyRefusalFor('jobAction', lanPeer, { allowRemoteControl: true }, frame)).toBe(
      localOnlyRefusal,
    );
    expect(localOnlyRefusalFor('jobAction', lanPeer, {}, frame)).toBe(localOnlyRefusal);
    // A tunnelled screen arrives from loopback without the control token: another screen all the same.
    expect(localOnlyRefusalFor('jobAction', '127.0.0.1', { allowRemoteControl: true }, frame)).toBe(
      localOnlyRefusal,
    );
    expect(localOnlyRefusalFor('jobAction', '127.0.0.1', { controlProven: true }, frame)).toBeUndefined();
    // Other actions keep the channel's own rule.
    const retry = [{ ecid: '0x1', action: 'retry' }];
    expect(localOnlyRefusalFor('jobAction', lanPeer, { allowRemoteControl: true }, retry)).toBeUndefined();
    expect(
      localOnlyRefusalFor('jobAction', lanPeer, { allowRemoteControl: true }, 'garbage'),
    ).toBeUndefined();
  });
});
