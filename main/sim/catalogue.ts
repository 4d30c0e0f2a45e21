/**
 * The models the simulated bench can produce.
 *
 * Product types, chip IDs and OS versions follow real hardware so the app's model names, UDID parsing
 * (chip ID + ECID, main/cfgutil/README.md §2.1) and Wi-Fi-only handling (no IMEI,
 * main/cfgutil/README.md §5) meet realistic input.
 */
export type SimDeviceClass = 'iPad' | 'iPhone';

/** One row of the catalogue. */
export interface SimModel {
  readonly deviceType: string;
  readonly marketingName: string;
  readonly deviceClass: SimDeviceClass;
  /** SoC chip ID; the first half of a modern UDID. Undefined for pre-2018 models with 40-hex UDIDs. */
  readonly chipId?: number;
  /** Cellular models have an IMEI; Wi-Fi-only ones report "The value is missing." for it. */
  readonly cellular: boolean;
  readonly storageGb: readonly [number, ...number[]];
  readonly firmwareVersion: string;
  readonly buildVersion: string;
  /** Serial format: 12 characters before 2021, 10 randomized characters after. */
  readonly serialLength: 10 | 12;
}

export const simCatalogue: readonly [SimModel, ...SimModel[]] = [
  {
    deviceType: 'iPad13,18',
    marketingName: 'iPad (10th generation)',
    deviceClass: 'iPad',
    chipId: 0x8101,
    cellular: false,
    storageGb: [64, 256],
    firmwareVersion: '18.6.2',
    buildVersion: '22G100',
    serialLength: 10,
  },
  {
    deviceType: 'iPad13,19',
    marketingName: 'iPad (10th generation)',
    deviceClass: 'iPad',
    chipId: 0x8101,
    cellular: true,
    storageGb: [64, 256],
    firmwareVersion: '18.6.2',
    buildVersion: '22G100',
    serialLength: 10,
  },
  {
    deviceType: 'iPad14,1',
    marketingName: 'iPad mini (6th generation)',
    deviceClass: 'iPad',
    chipId: 0x8110,
    cellular: false,
    storageGb: [64, 256],
    firmwareVersion: '18.6.2',
    buildVersion: '22G100',
    serialLength: 10,
  },
  {
    deviceType: 'iPad12,1',
    marketingName: 'iPad (9th generation)',
    deviceClass: 'iPad',
    chipId: 0x8030,
    cellular: false,
    storageGb: [64, 256],
    firmwareVersion: '18.5',
    buildVersion: '22F76',
    serialLength: 12,
  },
  {
    deviceType: 'iPad15,7',
    marketingName: 'iPad (A16)',
    deviceClass: 'iPad',
    chipId: 0x8120,
    cellular: false,
    storageGb: [128, 256],
    firmwareVersion: '26.0.1',
    buildVersion: '23A355',
    serialLength: 10,
  },
  {
    deviceType: 'iPad7,5',
    marketingName: 'iPad (6th generation)',
    deviceClass: 'iPad',
    cellular: false,
    storageGb: [32, 128],
    firmwareVersion: '17.7.2',
    buildVersion: '21H221',
    serialLength: 12,
  },
  {
    deviceType: 'iPhone14,6',
    marketingName: 'iPhone SE (3rd generation)',
    deviceClass: 'iPhone',
    chipId: 0x8110,
    cellular: true,
    storageGb: [64, 128],
    firmwareVersion: '18.6.2',
    buildVersion: '22G100',
    serialLength: 10,
  },
  {
    deviceType: 'iPhone14,7',
    marketingName: 'iPhone 14',
    deviceClass: 'iPhone',
    chipId: 0x8110,
    cellular: true,
    storageGb: [128, 256],
    firmwareVersion: '18.6.2',
    buildVersion: '22G100',
    serialLength: 10,
  },
  {
    deviceType: 'iPhone15,2',
    marketingName: 'iPhone 14 Pro',
    deviceClass: 'iPhone',
    chipId: 0x8120,
    cellular: true,
    storageGb: [128, 256],
    firmwareVersion: '18.6.2',
    buildVersion: '22G100',
    serialLength: 10,
  },
  {
    deviceType: 'iPhone16,1',
    marketingName: 'iPhone 15 Pro',
    deviceClass: 'iPhone',
    chipId: 0x8130,
    cellular: true,
    storageGb: [128, 256],
    firmwareVersion: '26.0.1',
    buildVersion: '23A355',
    serialLength: 10,
  },
  {
    deviceType: 'iPhone17,3',
    marketingName: 'iPhone 16',
    deviceClass: 'iPhone',
    chipId: 0x8140,
    cellular: true,
    storageGb: [128, 256],
    firmwareVersion: '26.0.1',
    buildVersion: '23A355',
    serialLength: 10,
  },
];

/** Looks a model up by product type. */
export function findModel(deviceType: string): SimModel | undefined {
  return simCatalogue.find((m) => m.deviceType === deviceType);
}

/** Models of one class, for `attach({ deviceClass })`. Never empty for the two known classes. */
export function modelsOfClass(deviceClass: SimDeviceClass): readonly [SimModel, ...SimModel[]] {
  const found = simCatalogue.filter((m) => m.deviceClass === deviceClass);
  const [first, ...rest] = found;
  return first ? [first, ...rest] : simCatalogue;
}
