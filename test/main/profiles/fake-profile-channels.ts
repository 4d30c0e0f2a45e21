/**
 * Profile and identity channels for fakes that do not exercise them: gets answer "none yet", actions are
 * refused. Spread into a fake `InvokeChannels` object so the contract stays complete.
 */
import type { InvokeChannels } from '../../../preload/contract';
import type { ProfileChannelName } from '../../../main/profiles/profile-channels';

const refused = {
  ok: false,
  error: {
    code: 'invalid-request',
    title: 'Not in this fake',
    detail: 'Profiles are not part of this test.',
    retryable: false,
  },
} as const;

export const noProfileChannels: Pick<InvokeChannels, ProfileChannelName> = {
  importProfile: async () => refused,
  useTrainingProfile: async () => refused,
  getProfile: async () => ({ ok: true, value: null }),
  overrideProfileAge: async () => refused,
  importSupervisionIdentity: async () => refused,
  createSupervisionIdentity: async () => refused,
  getSupervisionIdentity: async () => ({ ok: true, value: null }),
};
