/**
 * Argument validators for the Intune channels (issue 24): ids are plain GUID-like text, the cloud one of the
 * table's names, the refresh interval a whole number of days inside Intune's two weeks. Unknown fields are
 * ignored; nothing else reaches the service.
 */
import type { IntuneInvokeChannels } from '../../preload/contract';
import { invalidRequest } from '../errors/bench-error';
import { CLOUD_NAMES, isCloudName } from '../intune/clouds';
import { REFRESH_DAYS_RANGE } from '../intune/intune-config';
import { boundedInteger, none, one, text } from './arg-shapes';

type Validators = {
  readonly [K in keyof IntuneInvokeChannels]: (
    args: readonly unknown[],
  ) => Parameters<IntuneInvokeChannels[K]>;
};

const ID = /^[A-Za-z0-9._-]+$/;

function id(value: unknown, field: string, max: number): string {
  const t = text(value, field, max).trim();
  if (!ID.test(t))
    throw invalidRequest(`${field} must be an id such as 72f988bf-86f1-41af-91ab-2d7cd011db47.`);
  return t;
}

export const intuneArgValidators: Validators = {
  getIntuneStatus: (args) => none(args, 'getIntuneStatus'),
  connectIntune: (args) => {
    const req = one(args, 'connectIntune');
    const cloud = req.cloud;
    if (typeof cloud !== 'string' || !isCloudName(cloud)) {
      throw invalidRequest(`cloud must be one of ${CLOUD_NAMES.join(', ')}.`);
    }
    if (req.allowUnconfirmedCloud !== undefined && typeof req.allowUnconfirmedCloud !== 'boolean') {
      throw invalidRequest('allowUnconfirmedCloud must be true or false.');
    }
    return [
      {
        tenantId: id(req.tenantId, 'tenantId', 200),
        clientId: id(req.clientId, 'clientId', 100),
        cloud,
        ...(req.allowUnconfirmedCloud ? { allowUnconfirmedCloud: true } : {}),
      },
    ];
  },
  disconnectIntune: (args) => none(args, 'disconnectIntune'),
  listIntuneProfiles: (args) => none(args, 'listIntuneProfiles'),
  pullIntuneProfile: (args) => [
    { profileId: id(one(args, 'pullIntuneProfile').profileId, 'profileId', 300) },
  ],
  setIntuneRefreshDays: (args) => [
    {
      days: boundedInteger(
        one(args, 'setIntuneRefreshDays').days,
        'days',
        REFRESH_DAYS_RANGE.min,
        REFRESH_DAYS_RANGE.max,
      ),
    },
  ],
  setIntunePushSerials: (args) => {
    const on = one(args, 'setIntunePushSerials').on;
    if (typeof on !== 'boolean') throw invalidRequest('on must be true or false.');
    return [{ on }];
  },
  getIntuneEnrollments: (args) => none(args, 'getIntuneEnrollments'),
};
