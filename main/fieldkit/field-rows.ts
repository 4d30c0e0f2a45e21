/**
 * The rows `field-check` fills: each is one behaviour the bench assumes of real cfgutil, with the README's
 * "Verified on a real Mac?" row it gives evidence for, and what the bench expects to see.
 */

export type FieldRowId =
  | 'version'
  | 'list'
  | 'pair'
  | 'get'
  | 'erase'
  | 'prepare-forbid-pairing'
  | 'erase-again'
  | 'prepare-allow-pairing'
  | 'install-profile'
  | 'verify'
  | 'rename'
  | 'shut-down';

export interface FieldRow {
  readonly id: FieldRowId;
  readonly behaviour: string;
  readonly expected: string;
  /** The README table row (its first column, shortened) this row gives evidence for. */
  readonly readmeRow: string;
  /** Erases or supervises the device: asked with a typed confirmation first. */
  readonly destructive: boolean;
}

const SHAPES = 'Real `cfgutil` output shapes and codes';

export const FIELD_ROWS: readonly FieldRow[] = [
  {
    id: 'version',
    behaviour: '`cfgutil version`',
    expected: 'exits 0 and prints a version',
    readmeRow: 'What `cfgutil version` prints',
    destructive: false,
  },
  {
    id: 'list',
    behaviour: '`cfgutil list`',
    expected: 'names the device with its ECID, UDID, name and deviceType',
    readmeRow: SHAPES,
    destructive: false,
  },
  {
    id: 'pair',
    behaviour: '`cfgutil pair` and the Trust dialog',
    expected: 'pair succeeds once Trust is tapped, and a re-read says isPaired',
    readmeRow: SHAPES,
    destructive: false,
  },
  {
    id: 'get',
    behaviour:
      '`cfgutil get` (serialNumber, deviceType, firmwareVersion, activationState, isPaired, isSupervised)',
    expected: 'every property has a typed value',
    readmeRow: SHAPES,
    destructive: false,
  },
  {
    id: 'erase',
    behaviour: '`cfgutil erase`',
    expected: 'exits 0, the device leaves USB and comes back Unactivated',
    readmeRow: SHAPES,
    destructive: true,
  },
  {
    id: 'prepare-forbid-pairing',
    behaviour: '`cfgutil prepare --supervised --forbid-pairing --host-cert` with `-C/-K`',
    expected: 'exits 0 (or −402653030, pairing prohibited) and a re-read with -C/-K says isSupervised',
    readmeRow: SHAPES,
    destructive: true,
  },
  {
    id: 'erase-again',
    behaviour: '`cfgutil erase` of a device supervised with --forbid-pairing',
    expected: 'exits 0, the device leaves USB and comes back Unactivated',
    readmeRow: SHAPES,
    destructive: true,
  },
  {
    id: 'prepare-allow-pairing',
    behaviour: '`cfgutil prepare --supervised --host-cert` with `-C/-K` (pairing allowed)',
    expected: 'exits 0 (or −402653030, pairing prohibited) and a re-read with -C/-K says isSupervised',
    readmeRow: SHAPES,
    destructive: true,
  },
  {
    id: 'install-profile',
    behaviour: '`cfgutil -C -K install-profile` of the MDM profile on the supervised device',
    expected: 'installs silently (no 625, nothing to tap on the device)',
    readmeRow: SHAPES,
    destructive: false,
  },
  {
    id: 'verify',
    behaviour: '`cfgutil get configurationProfiles` after the install',
    expected: "lists the profile's PayloadIdentifier",
    readmeRow: SHAPES,
    destructive: false,
  },
  {
    id: 'rename',
    behaviour: '`cfgutil rename`',
    expected: 'exits 0 and a re-read shows the new name',
    readmeRow: SHAPES,
    destructive: false,
  },
  {
    id: 'shut-down',
    behaviour: '`cfgutil -C -K shut-down` of the supervised device',
    expected: 'exits 0 and the device leaves USB',
    readmeRow: SHAPES,
    destructive: false,
  },
];

export type FieldStatus = 'confirmed' | 'different' | 'not-tried';

export interface FieldResult {
  readonly id: FieldRowId;
  readonly behaviour: string;
  readonly expected: string;
  readonly readmeRow: string;
  readonly status: FieldStatus;
  /** What was seen (for `different`) or why it was not tried. */
  readonly seen: string;
}
