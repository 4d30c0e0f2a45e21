/**
 * The two workflows every bench ships with. Presets cannot be overwritten; the editor duplicates them.
 *
 * The step order follows what a real device allows (../README.md J1–J3): `prepare` only on a
 * freshly erased device; the direct-enrollment profile only once Setup Assistant is finished (Microsoft's
 * doc, J3); verification reads `configurationProfiles`, never trusts an exit code.
 *
 * `ade-reenroll` sends an Automated Device Enrollment device back through enrollment (issue 26): the ADE
 * configuration from Apple Business/School Manager supervises it and leaves it at Setup Assistant, where Remote
 * Management enrolls it in Intune. It names no organization: ADE devices count as ours for erase only under
 * this bench's organization name, so a school duplicates it and lists its names in `adeOrganizations`.
 */
import type { Workflow } from '../../../preload/jobs-domain';

export const SUPERVISE_AND_ENROLL = 'supervise-and-enroll';
export const ENROLL_IN_PLACE = 'enroll-in-place';
export const ADE_REENROLL = 'ade-reenroll';

export const presetWorkflows: readonly Workflow[] = [
  {
    id: SUPERVISE_AND_ENROLL,
    name: 'Supervise and enroll',
    description:
      'Erases the device, prepares it supervised by this bench with every Setup Assistant pane skipped, installs the Intune profile, checks it is on the device, and renames it.',
    preset: true,
    steps: [
      { kind: 'erase', allowOtherOrganization: false },
      { kind: 'wait-until-settled' },
      { kind: 'prepare', language: 'en', locale: 'en_US', skipPanes: 'all', allowPairing: false },
      { kind: 'wait-until-settled' },
      { kind: 'finish-setup-assistant' },
      { kind: 'install-enrollment-profile' },
      { kind: 'verify-enrollment' },
      { kind: 'rename', template: '{class}-{serial}' },
    ],
  },
  {
    id: ENROLL_IN_PLACE,
    name: 'Enroll in place',
    description:
      'No erase: installs the Intune profile on a device that is already set up (supervised by this bench, or approved on the device), checks it is there, and renames it.',
    preset: true,
    steps: [
      { kind: 'install-enrollment-profile' },
      { kind: 'verify-enrollment' },
      { kind: 'rename', template: '{model}-{serial}' },
    ],
  },
  {
    id: ADE_REENROLL,
    name: 'Re-enroll through ADE',
    description:
      'Erases the device (only one supervised by your organizations), runs prepare --dep so its Automated Device Enrollment configuration supervises it, waits for its restart, and checks from the device that it is ready for its user (Setup Assistant will enroll it in Intune) or already enrolled.',
    preset: true,
    adeOrganizations: [],
    steps: [
      { kind: 'erase', allowOtherOrganization: false },
      { kind: 'wait-until-settled' },
      { kind: 'prepare-ade', language: 'en', locale: 'en_US' },
      { kind: 'wait-until-settled' },
      { kind: 'confirm-ade-enrollment' },
    ],
  },
];
