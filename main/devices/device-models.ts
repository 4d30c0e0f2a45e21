/**
 * Marketing names for Apple product types, so a card says "iPad (10th generation)" rather than `iPad13,18`.
 *
 * Unknown types fall back to the family ("iPad", "iPhone") with the raw type kept, because new hardware
 * appears before this table is updated and the operator still needs to know what is on the bench.
 */
const MODEL_NAMES: Readonly<Record<string, string>> = {
  'iPad7,5': 'iPad (6th generation)',
  'iPad7,6': 'iPad (6th generation)',
  'iPad7,11': 'iPad (7th generation)',
  'iPad7,12': 'iPad (7th generation)',
  'iPad11,6': 'iPad (8th generation)',
  'iPad11,7': 'iPad (8th generation)',
  'iPad12,1': 'iPad (9th generation)',
  'iPad12,2': 'iPad (9th generation)',
  'iPad13,18': 'iPad (10th generation)',
  'iPad13,19': 'iPad (10th generation)',
  'iPad15,7': 'iPad (A16)',
  'iPad15,8': 'iPad (A16)',
  'iPad11,3': 'iPad Air (3rd generation)',
  'iPad13,1': 'iPad Air (4th generation)',
  'iPad13,16': 'iPad Air (5th generation)',
  'iPad13,17': 'iPad Air (5th generation)',
  'iPad14,8': 'iPad Air 11-inch (M2)',
  'iPad14,10': 'iPad Air 13-inch (M2)',
  'iPad11,1': 'iPad mini (5th generation)',
  'iPad14,1': 'iPad mini (6th generation)',
  'iPad14,2': 'iPad mini (6th generation)',
  'iPad16,1': 'iPad mini (A17 Pro)',
  'iPad16,2': 'iPad mini (A17 Pro)',
  'iPad13,4': 'iPad Pro 11-inch (3rd generation)',
  'iPad14,3': 'iPad Pro 11-inch (4th generation)',
  'iPad16,3': 'iPad Pro 11-inch (M4)',
  'iPad16,5': 'iPad Pro 13-inch (M4)',
  'iPhone12,8': 'iPhone SE (2nd generation)',
  'iPhone14,6': 'iPhone SE (3rd generation)',
  'iPhone13,2': 'iPhone 12',
  'iPhone14,5': 'iPhone 13',
  'iPhone14,7': 'iPhone 14',
  'iPhone15,2': 'iPhone 14 Pro',
  'iPhone15,4': 'iPhone 15',
  'iPhone16,1': 'iPhone 15 Pro',
  'iPhone17,3': 'iPhone 16',
  'iPhone17,1': 'iPhone 16 Pro',
  'iPhone17,5': 'iPhone 16e',
};

export function modelNameFor(deviceType: string | undefined): string | undefined {
  if (!deviceType) return undefined;
  const known = MODEL_NAMES[deviceType];
  if (known) return known;
  const family = /^(iPad|iPhone|iPod)/.exec(deviceType)?.[1];
  return family ? `${family} (${deviceType})` : deviceType;
}
