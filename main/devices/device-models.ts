/**
 * Marketing names for Apple product types, so a card says "iPad (10th generation)" rather than `iPad13,18`.
 *
 * Our own table, not the npm package `ios-device-list`: its last release (1.1.37, 2025) predates the
 * iPhone 17 family and the M5 iPad Pro, and it pulls in three lodash packages for a lookup. The table covers
 * every iPhone and iPad from the oldest still found on school carts (iPhone 8 / iPhone X, iPad 6th
 * generation, iPad Pro 2017) to the newest this file knows; test/main/devices/device-models.test.ts lists
 * them. Unknown types fall back to the family ("iPad (iPad99,1)") with the raw type kept, because new
 * hardware appears before this table is updated and the operator still needs to know what is on the bench.
 */
const named = (name: string, ...types: string[]): [string, string][] => types.map((t) => [t, name]);

const IPHONES: [string, string][] = [
  ...named('iPhone 8', 'iPhone10,1', 'iPhone10,4'),
  ...named('iPhone 8 Plus', 'iPhone10,2', 'iPhone10,5'),
  ...named('iPhone X', 'iPhone10,3', 'iPhone10,6'),
  ...named('iPhone XS', 'iPhone11,2'),
  ...named('iPhone XS Max', 'iPhone11,4', 'iPhone11,6'),
  ...named('iPhone XR', 'iPhone11,8'),
  ...named('iPhone 11', 'iPhone12,1'),
  ...named('iPhone 11 Pro', 'iPhone12,3'),
  ...named('iPhone 11 Pro Max', 'iPhone12,5'),
  ...named('iPhone SE (2nd generation)', 'iPhone12,8'),
  ...named('iPhone 12 mini', 'iPhone13,1'),
  ...named('iPhone 12', 'iPhone13,2'),
  ...named('iPhone 12 Pro', 'iPhone13,3'),
  ...named('iPhone 12 Pro Max', 'iPhone13,4'),
  ...named('iPhone 13 Pro', 'iPhone14,2'),
  ...named('iPhone 13 Pro Max', 'iPhone14,3'),
  ...named('iPhone 13 mini', 'iPhone14,4'),
  ...named('iPhone 13', 'iPhone14,5'),
  ...named('iPhone SE (3rd generation)', 'iPhone14,6'),
  ...named('iPhone 14', 'iPhone14,7'),
  ...named('iPhone 14 Plus', 'iPhone14,8'),
  ...named('iPhone 14 Pro', 'iPhone15,2'),
  ...named('iPhone 14 Pro Max', 'iPhone15,3'),
  ...named('iPhone 15', 'iPhone15,4'),
  ...named('iPhone 15 Plus', 'iPhone15,5'),
  ...named('iPhone 15 Pro', 'iPhone16,1'),
  ...named('iPhone 15 Pro Max', 'iPhone16,2'),
  ...named('iPhone 16 Pro', 'iPhone17,1'),
  ...named('iPhone 16 Pro Max', 'iPhone17,2'),
  ...named('iPhone 16', 'iPhone17,3'),
  ...named('iPhone 16 Plus', 'iPhone17,4'),
  ...named('iPhone 16e', 'iPhone17,5'),
  ...named('iPhone 17 Pro', 'iPhone18,1'),
  ...named('iPhone 17 Pro Max', 'iPhone18,2'),
  ...named('iPhone 17', 'iPhone18,3'),
  ...named('iPhone Air', 'iPhone18,4'),
];

const IPADS: [string, string][] = [
  ...named('iPad Pro 12.9-inch (2nd generation)', 'iPad7,1', 'iPad7,2'),
  ...named('iPad Pro 10.5-inch', 'iPad7,3', 'iPad7,4'),
  ...named('iPad (6th generation)', 'iPad7,5', 'iPad7,6'),
  ...named('iPad (7th generation)', 'iPad7,11', 'iPad7,12'),
  ...named('iPad Pro 11-inch (1st generation)', 'iPad8,1', 'iPad8,2', 'iPad8,3', 'iPad8,4'),
  ...named('iPad Pro 12.9-inch (3rd generation)', 'iPad8,5', 'iPad8,6', 'iPad8,7', 'iPad8,8'),
  ...named('iPad Pro 11-inch (2nd generation)', 'iPad8,9', 'iPad8,10'),
  ...named('iPad Pro 12.9-inch (4th generation)', 'iPad8,11', 'iPad8,12'),
  ...named('iPad mini (5th generation)', 'iPad11,1', 'iPad11,2'),
  ...named('iPad Air (3rd generation)', 'iPad11,3', 'iPad11,4'),
  ...named('iPad (8th generation)', 'iPad11,6', 'iPad11,7'),
  ...named('iPad (9th generation)', 'iPad12,1', 'iPad12,2'),
  ...named('iPad Air (4th generation)', 'iPad13,1', 'iPad13,2'),
  ...named('iPad Pro 11-inch (3rd generation)', 'iPad13,4', 'iPad13,5', 'iPad13,6', 'iPad13,7'),
  ...named('iPad Pro 12.9-inch (5th generation)', 'iPad13,8', 'iPad13,9', 'iPad13,10', 'iPad13,11'),
  ...named('iPad Air (5th generation)', 'iPad13,16', 'iPad13,17'),
  ...named('iPad (10th generation)', 'iPad13,18', 'iPad13,19'),
  ...named('iPad mini (6th generation)', 'iPad14,1', 'iPad14,2'),
  ...named('iPad Pro 11-inch (4th generation)', 'iPad14,3', 'iPad14,4'),
  ...named('iPad Pro 12.9-inch (6th generation)', 'iPad14,5', 'iPad14,6'),
  ...named('iPad Air 11-inch (M2)', 'iPad14,8', 'iPad14,9'),
  ...named('iPad Air 13-inch (M2)', 'iPad14,10', 'iPad14,11'),
  ...named('iPad Air 11-inch (M3)', 'iPad15,3', 'iPad15,4'),
  ...named('iPad Air 13-inch (M3)', 'iPad15,5', 'iPad15,6'),
  ...named('iPad (A16)', 'iPad15,7', 'iPad15,8'),
  ...named('iPad mini (A17 Pro)', 'iPad16,1', 'iPad16,2'),
  ...named('iPad Pro 11-inch (M4)', 'iPad16,3', 'iPad16,4'),
  ...named('iPad Pro 13-inch (M4)', 'iPad16,5', 'iPad16,6'),
  ...named('iPad Pro 11-inch (M5)', 'iPad17,1', 'iPad17,2'),
  ...named('iPad Pro 13-inch (M5)', 'iPad17,3', 'iPad17,4'),
];

const MODEL_NAMES: ReadonlyMap<string, string> = new Map([...IPHONES, ...IPADS]);

/** Every product type the table names (for the test that lists them). */
export function knownDeviceTypes(): string[] {
  return [...MODEL_NAMES.keys()];
}

export function modelNameFor(deviceType: string | undefined): string | undefined {
  if (!deviceType) return undefined;
  const known = MODEL_NAMES.get(deviceType);
  if (known) return known;
  const family = /^(iPad|iPhone|iPod)/.exec(deviceType)?.[1];
  return family ? `${family} (${deviceType})` : deviceType;
}
