/**
 * The Intune checks on a loaded profile: structure, MDM payload, signature, embedded expiry dates.
 *
 * Hard problems are `error` (the bench refuses the file), doubts are `warning`, good news is `info`; every
 * message names the problem and the fix (./README.md P1–P8). The age rule lives in
 * profile-age.ts because it changes with the clock.
 */
import { X509Certificate } from 'node:crypto';
import type { ProfileFinding, ProfileSigner, ProfileVariant } from '../../preload/domain';
import { checkMdmPayload, finding } from './check-mdm-payload';
import { parseUnambiguousUrl } from './intune-hosts';
import type { LoadedProfile } from './load-profile';
import { listPayloadNames } from './payload-names';
import { field, stringField, type ProfileModel } from './read-profile';
import { createShownValues, type ShownValues } from './shown-value';
import { DOWNLOAD_STEPS } from './wrong-file-findings';

export interface ProfileCheck {
  readonly findings: readonly ProfileFinding[];
  readonly variant: ProfileVariant;
  /** Host of the MDM `ServerURL`, when there is exactly one MDM payload with a readable URL. */
  readonly mdmHost?: string;
}

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function checkSignature(
  signer: ProfileSigner | undefined,
  signerProblem: string | undefined,
  now: number,
  shown: ShownValues = createShownValues([]),
): ProfileFinding[] {
  const subject = shown.text(signer?.subject, 'signer name') ?? '(no name)';
  if (signerProblem) {
    return [
      finding(
        'error',
        'signature-invalid',
        `${signerProblem} The signature cannot be checked, so the file may have been changed. ${DOWNLOAD_STEPS}`,
      ),
    ];
  }
  if (!signer) {
    return [
      finding(
        'info',
        'unsigned',
        'The file is not signed. iOS shows such profiles as "Not Verified"; that does not stop enrollment.',
      ),
    ];
  }
  if (!signer.signatureValid) {
    return [
      finding(
        'error',
        'signature-invalid',
        `The signature by ${subject} does not match the contents: the file was changed after it was signed, or damaged. Do not use it. ${DOWNLOAD_STEPS}`,
      ),
    ];
  }
  const out = [
    finding('info', 'signature-valid', `Signed by ${subject}; the signature matches the contents.`),
  ];
  // A certificate that names itself as issuer is trusted by nobody; one whose chain stops at an authority
  // outside the public list proves only that someone holds that authority's key.
  if (signer.subject === signer.issuer || signer.chain?.trust === 'self-signed') {
    out.push(
      finding(
        'warning',
        'signer-self-signed',
        `The signer's certificate is self-signed (${subject} vouches for itself): anyone can make such a signature, so it does not show who made the file. On the device the profile shows as "Not Verified". Use the file only if you exported it yourself from Intune.`,
      ),
    );
  } else if (signer.chain?.trust === 'unknown-ca') {
    const stopsAt = shown.text(signer.chain.stopsAt, 'certificate authority') ?? '(no name)';
    out.push(
      finding(
        'warning',
        'signer-untrusted',
        `The signer's certificate does not lead to a public certificate authority (its chain stops at ${stopsAt}), so the signature does not show who made the file. The device may show the profile as "Not Verified". Use the file only if you exported it yourself from Intune.`,
      ),
    );
  }
  if (signer.notAfter < now) {
    out.push(
      finding(
        'warning',
        'signer-certificate-expired',
        `The signer's certificate expired on ${day(signer.notAfter)}. iOS will show the profile as "Not Verified" but can still install it; a fresh download may be signed with a current certificate.`,
      ),
    );
  } else if (signer.notBefore > now) {
    out.push(
      finding(
        'warning',
        'signer-certificate-not-yet-valid',
        `The signer's certificate is only valid from ${day(signer.notBefore)}. Check this Mac's date and time.`,
      ),
    );
  }
  return out;
}

function checkTopLevel(model: ProfileModel, shown: ShownValues): ProfileFinding[] {
  if (model.payloadType !== 'Configuration') {
    const type = shown.text(model.payloadType, 'top-level PayloadType');
    const said = type ? `"${type}"` : 'nothing';
    return [
      finding(
        'error',
        'payload-type-wrong',
        `The file's top-level PayloadType is ${said} instead of "Configuration", so it is not a configuration profile. ${DOWNLOAD_STEPS}`,
      ),
    ];
  }
  if (model.payloads.length === 0) {
    return [
      finding('error', 'no-payload-content', `The profile is empty: it has no payloads. ${DOWNLOAD_STEPS}`),
    ];
  }
  return [];
}

const REMOVAL_PASSWORD_TYPE = 'com.apple.profileRemovalPassword';

/** Things in the file that change what the profile does on the device in a way the operator may not expect. */
function checkDeviceEffects(model: ProfileModel, shown: ShownValues): ProfileFinding[] {
  const out: ProfileFinding[] = [];
  if (model.hasRemovalPasscode || model.payloads.some((p) => p.type === REMOVAL_PASSWORD_TYPE)) {
    out.push(
      finding(
        'warning',
        'removal-password',
        "The profile has a removal password: on the device, removing this profile (and so leaving management) asks for that password. Intune's enrollment profile has none; make sure you know the password, or the device cannot be released without an erase.",
      ),
    );
  }
  const seen = new Map<string, number>();
  for (const uuid of [model.uuid, ...model.payloads.map((p) => p.uuid)]) {
    if (uuid !== undefined) seen.set(uuid.toUpperCase(), (seen.get(uuid.toUpperCase()) ?? 0) + 1);
  }
  const repeated = [...seen].filter(([, count]) => count > 1).map(([uuid]) => uuid);
  if (repeated.length > 0) {
    out.push(
      finding(
        'warning',
        'duplicate-payload-uuid',
        `Payloads share a PayloadUUID (${shown.text(repeated.join(', '), 'PayloadUUID')}): on the device a payload replaces any installed payload with the same UUID, so one of them silently overwrites the other, and the certificate the MDM payload points at may be the wrong one. The file was edited or merged. ${DOWNLOAD_STEPS}`,
      ),
    );
  }
  return out;
}

function checkExpiryDates(model: ProfileModel, now: number, shown: ShownValues): ProfileFinding[] {
  const out: ProfileFinding[] = [];
  for (const date of [model.expirationDate, model.removalDate]) {
    if (date && date.getTime() < now) {
      out.push(
        finding(
          'error',
          'payload-expired',
          `The profile itself says it expired on ${day(date.getTime())}. ${DOWNLOAD_STEPS}`,
        ),
      );
      break;
    }
  }
  const certTypes = ['com.apple.security.root', 'com.apple.security.pem', 'com.apple.security.pkcs1'];
  for (const payload of model.payloads) {
    if (!payload.type || !certTypes.includes(payload.type)) continue;
    const content = field(payload.dict, 'PayloadContent');
    if (!(content instanceof Uint8Array)) continue;
    try {
      const cert = new X509Certificate(content);
      const notAfter = new Date(cert.validTo).getTime();
      if (notAfter < now) {
        out.push(
          finding(
            'warning',
            'embedded-certificate-expired',
            `A certificate inside the profile ("${shown.text(payload.displayName, 'certificate name') ?? 'unnamed'}") expired on ${day(notAfter)}; enrollment may fail. ${DOWNLOAD_STEPS}`,
          ),
        );
      }
    } catch {
      // Not a parseable certificate: iOS will judge it; nothing useful to tell the operator here.
    }
  }
  return out;
}

/**
 * Runs every content check; `now` in epoch milliseconds. Every value from the file that a message quotes goes
 * through `shown` (sanitised; a secret in a descriptive value hidden; reuse recorded for one warning).
 */
export function checkProfile(
  loaded: LoadedProfile,
  now: number,
  shown: ShownValues = createShownValues(loaded.secrets),
): ProfileCheck {
  const { model } = loaded;
  const findings: ProfileFinding[] = [...checkTopLevel(model, shown)];
  let variant: ProfileVariant = 'unknown';
  let mdmHost: string | undefined;
  if (findings.length === 0) {
    const mdm = model.payloads.filter((p) => p.type === 'com.apple.mdm');
    const [only] = mdm;
    if (mdm.length === 0) {
      findings.push(
        finding(
          'error',
          'no-mdm-payload',
          `This profile has no MDM enrollment payload; it holds ${shown.text(listPayloadNames(model.payloads.map((p) => p.type)), 'payload types') ?? 'no'} settings. It is a settings profile, not the Intune enrollment profile. ${DOWNLOAD_STEPS}`,
        ),
      );
    } else if (mdm.length > 1 || !only) {
      findings.push(
        finding(
          'error',
          'multiple-mdm-payloads',
          `The profile has ${mdm.length} MDM payloads; a device accepts exactly one. The file was edited or merged. ${DOWNLOAD_STEPS}`,
        ),
      );
    } else {
      const result = checkMdmPayload(only, model.payloads, shown);
      findings.push(...result.findings);
      variant = result.variant;
      const serverUrl = stringField(only.dict, 'ServerURL');
      // A misleading URL has no one host to show: the finding names the problem instead.
      const read = serverUrl ? parseUnambiguousUrl(serverUrl) : undefined;
      mdmHost = read?.ok ? read.host : undefined;
    }
  }
  findings.push(
    ...checkDeviceEffects(model, shown),
    ...checkExpiryDates(model, now, shown),
    ...checkSignature(loaded.signer, loaded.signerProblem, now, shown),
  );
  return { findings, variant, mdmHost };
}
