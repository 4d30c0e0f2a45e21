/**
 * Checks on the one `com.apple.mdm` payload: server URLs, APNs topic, and the identity payload it points at
 * (./README.md P2–P5).
 */
import type {
  ProfileFinding,
  ProfileFindingCode,
  ProfileFindingSeverity,
  ProfileVariant,
} from '../../preload/domain';
import { isIntuneHost, parseUnambiguousUrl } from './intune-hosts';
import { payloadName } from './payload-names';
import { stringField, type PayloadView } from './read-profile';
import type { ShownValues } from './shown-value';
import { sanitizeText } from '../text/sanitize-text';
import { DOWNLOAD_STEPS } from './wrong-file-findings';

const TOPIC_PREFIX = 'com.apple.mgmt.External.';

/** One finding; exported so the other profile checks build theirs the same way. */
export function finding(
  severity: ProfileFindingSeverity,
  code: ProfileFindingCode,
  message: string,
): ProfileFinding {
  return { severity, code, message };
}

function checkUrl(
  shown: ShownValues,
  mdm: PayloadView,
  key: 'ServerURL' | 'CheckInURL',
  codes: {
    readonly missing: ProfileFindingCode;
    readonly notHttps: ProfileFindingCode;
    readonly notIntune: ProfileFindingCode;
    readonly misleading: ProfileFindingCode;
  },
): ProfileFinding[] {
  const text = stringField(mdm.dict, key);
  if (!text) {
    return [
      finding(
        'error',
        codes.missing,
        `The MDM payload has no ${key}, so devices would not know where to enroll. This file is incomplete or edited. ${DOWNLOAD_STEPS}`,
      ),
    ];
  }
  const read = parseUnambiguousUrl(text);
  if (read && !read.ok) {
    const parsedHost = shown.truth(read.parsedHost, `${key} host`) ?? '(no host)';
    return [
      finding(
        'error',
        codes.misleading,
        `The MDM ${key} is misleading: ${read.problem}. A strict reader and a browser-style reader may name different servers (one reads ${parsedHost}), so the device could enroll with a server other than the one shown here. Do not use this file. ${DOWNLOAD_STEPS}`,
      ),
    ];
  }
  const url = read?.ok ? read : undefined;
  if (!url || url.protocol !== 'https:') {
    return [
      finding(
        'error',
        codes.notHttps,
        `The MDM ${key} must be an https:// address${url ? ` (it is ${sanitizeText(url.protocol.replace(':', ''), { maxLength: 40 })})` : ''}; iOS refuses MDM over an unencrypted connection. ${DOWNLOAD_STEPS}`,
      ),
    ];
  }
  if (!isIntuneHost(url.host)) {
    return [
      finding(
        'warning',
        codes.notIntune,
        `Not an Intune profile: the ${key} points at ${shown.truth(url.host, `${key} host`) ?? '(no host)'}, which is not a Microsoft Intune host. The bench can still install it; make sure this is the file you meant to use.`,
      ),
    ];
  }
  return [];
}

function checkTopic(mdm: PayloadView): ProfileFinding[] {
  const topic = stringField(mdm.dict, 'Topic');
  if (!topic) {
    return [
      finding(
        'error',
        'topic-missing',
        `The MDM payload has no push Topic, so Intune could never reach the devices. ${DOWNLOAD_STEPS}`,
      ),
    ];
  }
  const rest = topic.slice(TOPIC_PREFIX.length);
  if (!topic.startsWith(TOPIC_PREFIX) || !/^[A-Za-z0-9-]+$/.test(rest)) {
    return [
      finding(
        'error',
        'topic-wrong-form',
        `The MDM push Topic should look like ${TOPIC_PREFIX}<ID> (from the Apple push certificate) but does not. The file was edited or is not from Intune. ${DOWNLOAD_STEPS}`,
      ),
    ];
  }
  return [];
}

/** Resolves `IdentityCertificateUUID` and classifies the profile as SCEP or ACME. */
function checkIdentity(
  shown: ShownValues,
  mdm: PayloadView,
  payloads: readonly PayloadView[],
): { findings: ProfileFinding[]; variant: ProfileVariant } {
  const id = stringField(mdm.dict, 'IdentityCertificateUUID');
  if (!id) {
    return {
      variant: 'unknown',
      findings: [
        finding(
          'error',
          'identity-uuid-missing',
          `The MDM payload does not say which certificate identifies the device (IdentityCertificateUUID is missing). ${DOWNLOAD_STEPS}`,
        ),
      ],
    };
  }
  const target = payloads.find((p) => p.uuid === id);
  if (!target) {
    return {
      variant: 'unknown',
      findings: [
        finding(
          'error',
          'identity-uuid-unresolved',
          `The MDM payload's device certificate (IdentityCertificateUUID) points at a payload that is not in the file. The file is incomplete or was edited. ${DOWNLOAD_STEPS}`,
        ),
      ],
    };
  }
  if (target.type === 'com.apple.security.scep') {
    return {
      variant: 'scep',
      findings: [
        finding(
          'info',
          'variant-scep',
          'SCEP profile: works on every iOS and iPadOS version Intune supports, and the serial numbers do not need to be imported into Intune first.',
        ),
      ],
    };
  }
  if (target.type === 'com.apple.security.acme') {
    return {
      variant: 'acme',
      findings: [
        finding(
          'warning',
          'variant-acme',
          'ACME profile: devices need iOS 16.0 or iPadOS 16.1 or later, and every serial number must be imported into ' +
            'Intune (Apple Configurator › Devices) and assigned to this enrollment profile first, or enrollment fails. ' +
            'If it fails to install, use the SCEP profile from the same Export Profile pane instead.',
        ),
      ],
    };
  }
  return {
    variant: 'unknown',
    findings: [
      finding(
        'error',
        'identity-payload-wrong-type',
        `The MDM payload's device certificate is a ${shown.text(payloadName(target.type), 'payload type') ?? 'nameless'} payload; Intune's enrollment profile uses a SCEP or ACME payload. The file is not from Intune or was edited. ${DOWNLOAD_STEPS}`,
      ),
    ],
  };
}

export function checkMdmPayload(
  mdm: PayloadView,
  payloads: readonly PayloadView[],
  shown: ShownValues,
): { findings: ProfileFinding[]; variant: ProfileVariant } {
  const identity = checkIdentity(shown, mdm, payloads);
  return {
    variant: identity.variant,
    findings: [
      ...checkUrl(shown, mdm, 'ServerURL', {
        missing: 'server-url-missing',
        notHttps: 'server-url-not-https',
        notIntune: 'server-url-not-intune',
        misleading: 'server-url-misleading',
      }),
      ...checkUrl(shown, mdm, 'CheckInURL', {
        missing: 'check-in-url-missing',
        notHttps: 'check-in-url-not-https',
        notIntune: 'check-in-url-not-intune',
        misleading: 'check-in-url-misleading',
      }),
      ...checkTopic(mdm),
      ...identity.findings,
    ],
  };
}
