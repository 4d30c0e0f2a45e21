/**
 * The two workflows every bench ships with. Presets cannot be overwritten; the editor duplicates them.
 *
 * The step order follows what a real device allows (../README.md J1–J3): `prepare` only on a
 * freshly erased device; the direct-enrollment profile only once Setup Assistant is finished (Microsoft's
 * doc, J3); verification reads `configurationProfiles`, never trusts an exit code.
 */
import type { Workflow } from '../../../preload/jobs-domain';

export const SUPERVISE_AND_ENROLL = 'supervise-and-enroll';
export const ENROLL_IN_PLACE = 'enroll-in-place';

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
];
