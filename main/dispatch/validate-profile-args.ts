/**
 * Argument validators for the profile and supervision-identity channels (issue 4).
 *
 * Shapes only: strings of bounded length, an optional finite `lastModified`. The base64 payload is decoded and
 * size-checked (5 MB) in main/profiles/profile-channels.ts; refusals never echo a password.
 */
import type { InvokeChannels } from '../../preload/contract';
import { invalidRequest } from '../errors/bench-error';
import { none, one, text } from './arg-shapes';
import type { ProfileChannelName } from '../profiles/profile-channels';

type Validators = {
  readonly [K in ProfileChannelName]: (args: readonly unknown[]) => Parameters<InvokeChannels[K]>;
};

/** 5 MB as base64, plus padding. */
const MAX_BASE64 = Math.ceil((5 * 1024 * 1024) / 3) * 4 + 4;

function payload(value: unknown): string {
  if (typeof value !== 'string') throw invalidRequest('dataBase64 must be the file content as base64 text.');
  if (value.length > MAX_BASE64)
    throw invalidRequest('The file is larger than 5 MB; that is not an enrollment profile or identity.');
  return value;
}

export const profileArgValidators: Validators = {
  importProfile: (args) => {
    const req = one(args, 'importProfile');
    const lastModified = req.lastModified;
    if (lastModified !== undefined && (typeof lastModified !== 'number' || !Number.isFinite(lastModified))) {
      throw invalidRequest('lastModified must be epoch milliseconds.');
    }
    const base = { fileName: text(req.fileName, 'fileName', 255), dataBase64: payload(req.dataBase64) };
    return [lastModified === undefined ? base : { ...base, lastModified }];
  },
  getProfile: (args) => none(args, 'getProfile'),
  useTrainingProfile: (args) => none(args, 'useTrainingProfile'),
  overrideProfileAge: (args) => [{ reason: text(one(args, 'overrideProfileAge').reason, 'reason', 500) }],
  importSupervisionIdentity: (args) => {
    const req = one(args, 'importSupervisionIdentity');
    if (typeof req.password !== 'string' || req.password.length > 1024) {
      throw invalidRequest('The password must be text of at most 1024 characters.');
    }
    return [
      {
        fileName: text(req.fileName, 'fileName', 255),
        dataBase64: payload(req.dataBase64),
        password: req.password,
      },
    ];
  },
  createSupervisionIdentity: (args) => [
    {
      organizationName: text(one(args, 'createSupervisionIdentity').organizationName, 'organizationName', 64),
    },
  ],
  getSupervisionIdentity: (args) => none(args, 'getSupervisionIdentity'),
};
