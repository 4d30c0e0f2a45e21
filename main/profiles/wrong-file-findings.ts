/**
 * Plain-language findings for files that are not an enrollment profile at all, naming what they are.
 *
 * Operators at a bench handle several Intune and Apple Business Manager downloads that look alike in Finder;
 * each message says what the file is and where the right one comes from (./README.md P13).
 */
import type { ProfileFinding, ProfileFindingCode } from '../../preload/domain';
import { MAX_PROFILE_BYTES } from './detect-file-kind';
import {
  formatSize,
  MAX_PLIST_DEPTH,
  MAX_PLIST_VALUES,
  MAX_XML_CHARS,
  MAX_XML_REFERENCES,
  type PlistProblem,
} from './plist-budget';
import { sanitizeText } from '../text/sanitize-text';
import { isIntuneHost } from './intune-hosts';

/** Where the direct-enrollment file comes from, as the admin center labels it (intune.md §1, §2). */
export const DOWNLOAD_STEPS =
  'In the Intune admin center open Devices › Enrollment › Apple › Apple Configurator › Profiles, open the profile, ' +
  'choose Export Profile and, under Direct enrollment, choose Download profile.';

/**
 * The refusal for Intune's Setup Assistant enrollment link (Export Profile's "Profile URL", on an Intune host):
 * Apple Configurator's server settings take that URL, cfgutil has no flag for it (main/cfgutil/README.md §8.3),
 * so the operator is sent to the Direct enrollment download instead. Worded by issue 21; tests compare it whole.
 */
export const SETUP_ASSISTANT_LINK_REFUSAL =
  "This is Intune's Setup Assistant enrollment link; cfgutil cannot enroll with it. Download the Direct " +
  'enrollment profile instead: Intune ▸ Devices ▸ iOS/iPadOS ▸ Enrollment ▸ Apple Configurator ▸ Profiles ▸ ' +
  'your profile ▸ Export profile ▸ Download profile.';

function error(code: ProfileFindingCode, message: string): ProfileFinding {
  return { severity: 'error', code, message };
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Findings that end the import before any profile check can run. */
export type WrongFileCode = Extract<
  ProfileFindingCode,
  `file-${string}` | `cms-${string}` | `plist-${string}`
>;

/** The one finding for a file that could not be read as a profile. */
export function wrongFileFinding(
  code: WrongFileCode,
  details: { readonly sizeBytes?: number; readonly host?: string; readonly problem?: PlistProblem } = {},
): ProfileFinding {
  switch (code) {
    case 'file-empty':
      return error(code, `The file is empty (0 bytes), so the download did not finish. ${DOWNLOAD_STEPS}`);
    case 'file-too-large':
      return error(
        code,
        `The file is ${megabytes(details.sizeBytes ?? 0)}; an Intune enrollment profile is a few kilobytes and the ` +
          `bench accepts at most ${megabytes(MAX_PROFILE_BYTES)}. This is some other file. ${DOWNLOAD_STEPS}`,
      );
    case 'file-pdf':
      return error(code, `This is a PDF document, not an enrollment profile. ${DOWNLOAD_STEPS}`);
    case 'file-zip':
      return error(
        code,
        'This is a zip archive. If the profile is inside, unzip it first and drop the .mobileconfig file itself.',
      );
    case 'file-pkcs12':
      return error(
        code,
        'This is a PKCS#12 certificate bundle (.p12 or .pfx), not an enrollment profile. If it is the supervision ' +
          `identity exported from Apple Configurator, import it under Supervision identity instead. ${DOWNLOAD_STEPS}`,
      );
    case 'file-ade-token':
      return error(
        code,
        'This is an Automated Device Enrollment server token (.p7m) from Apple Business Manager. It is uploaded to ' +
          `Intune under Enrollment program tokens and never goes on a device. ${DOWNLOAD_STEPS}`,
      );
    case 'file-certificate':
      return error(code, `This is a certificate, not an enrollment profile. ${DOWNLOAD_STEPS}`);
    case 'file-private-key':
      return error(
        code,
        'This is a private key, not an enrollment profile. Keep it somewhere safe; the bench does not need it here. ' +
          DOWNLOAD_STEPS,
      );
    case 'file-url-text':
      if (details.host !== undefined && isIntuneHost(details.host))
        return error(code, SETUP_ASSISTANT_LINK_REFUSAL);
      return error(
        code,
        `This text file holds a web address on ${details.host ? sanitizeText(details.host) : 'an unknown host'}, probably the Profile URL from ` +
          "Export Profile. That URL is for Setup Assistant enrollment in Apple Configurator's server settings; " +
          `this bench does direct enrollment and needs the downloaded .mobileconfig file. ${DOWNLOAD_STEPS}`,
      );
    case 'file-text':
      return error(code, `This is a text file with no configuration profile in it. ${DOWNLOAD_STEPS}`);
    case 'cms-malformed':
      return error(
        code,
        `The file starts like a signed profile but is damaged or cut short. Download it again. ${DOWNLOAD_STEPS}`,
      );
    case 'cms-not-signed':
      return error(
        code,
        'This is an encrypted or other kind of CMS message, not a signed configuration profile. ' +
          DOWNLOAD_STEPS,
      );
    case 'cms-no-content':
      return error(
        code,
        'This signed file does not contain the profile itself (a detached signature). Download the profile again; ' +
          `the bench needs the file with the profile inside. ${DOWNLOAD_STEPS}`,
      );
    case 'plist-too-large':
      return error(code, `${overBudgetWords(details.problem)} ${DOWNLOAD_STEPS}`);
    case 'plist-malformed':
      if (details.problem?.kind === 'misplaced-binary') {
        return error(
          code,
          'The file holds a binary property list that does not start at its first byte (a byte-order mark or ' +
            "spaces come before it). Apple's tools never write that and iOS does not read it. Download the " +
            `profile again from Intune. ${DOWNLOAD_STEPS}`,
        );
      }
      return error(
        code,
        'The file looks like a configuration profile but cannot be read: it is damaged, cut short or was edited ' +
          `by hand. Download it again. ${DOWNLOAD_STEPS}`,
      );
    case 'plist-not-dictionary':
      return error(code, `This property list is not a configuration profile. ${DOWNLOAD_STEPS}`);
    case 'file-unrecognised':
      return error(
        code,
        'The bench cannot tell what this file is: it is not an XML, binary or signed configuration profile. ' +
          DOWNLOAD_STEPS,
      );
  }
}

/** What a budget refusal says: the size the file was built to reach, and what to do. */
function overBudgetWords(problem: PlistProblem | undefined): string {
  const again =
    'It is damaged or was made to attack the bench, so the bench did not open it: download the profile again from Intune.';
  switch (problem?.kind) {
    case 'expands':
      return `This file is built to expand to ${formatSize(problem.expandedBytes)} when read (a small part of it is referenced over and over), where an enrollment profile is a few kilobytes. ${again}`;
    case 'too-many-values':
      return `This file holds ${problem.values.toLocaleString('en-US')} values once read, where an enrollment profile holds about a hundred and the bench reads at most ${MAX_PLIST_VALUES.toLocaleString('en-US')}. ${again}`;
    case 'too-deep':
      return `This file nests lists ${problem.depth.toLocaleString('en-US')} levels deep, where an enrollment profile nests about five and the bench reads at most ${MAX_PLIST_DEPTH}. ${again}`;
    case 'xml-too-long':
      return `This XML profile is ${formatSize(problem.chars)} of text, where an enrollment profile is a few kilobytes and the bench reads XML profiles of up to ${formatSize(MAX_XML_CHARS)}. ${again}`;
    case 'xml-too-many-references':
      return `This XML profile holds ${problem.references.toLocaleString('en-US')} entity references and attributes, where an enrollment profile holds a handful and the bench reads at most ${MAX_XML_REFERENCES.toLocaleString('en-US')}. ${again}`;
    case 'malformed':
    case 'misplaced-binary':
    case undefined:
      return `This file is far larger once read than any enrollment profile. ${again}`;
  }
}
