/**
 * Every iPhone and iPad product type from the oldest still on school carts (iPhone 8, iPad 6th generation,
 * iPad Pro 2017) to the newest the table knows has a marketing name, never a bare identifier.
 */
import { describe, expect, it } from 'vitest';
import { knownDeviceTypes, modelNameFor } from '../../../main/devices/device-models';

const range = (family: string, major: number, minors: number[]) =>
  minors.map((m) => `${family}${major},${m}`);

/** Written from Apple's identifier list independently of the table, so a missing row fails here. */
const EXPECTED = [
  ...range('iPhone', 10, [1, 2, 3, 4, 5, 6]),
  ...range('iPhone', 11, [2, 4, 6, 8]),
  ...range('iPhone', 12, [1, 3, 5, 8]),
  ...range('iPhone', 13, [1, 2, 3, 4]),
  ...range('iPhone', 14, [2, 3, 4, 5, 6, 7, 8]),
  ...range('iPhone', 15, [2, 3, 4, 5]),
  ...range('iPhone', 16, [1, 2]),
  ...range('iPhone', 17, [1, 2, 3, 4, 5]),
  ...range('iPhone', 18, [1, 2, 3, 4]),
  ...range('iPad', 7, [1, 2, 3, 4, 5, 6, 11, 12]),
  ...range('iPad', 8, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
  ...range('iPad', 11, [1, 2, 3, 4, 6, 7]),
  ...range('iPad', 12, [1, 2]),
  ...range('iPad', 13, [1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 16, 17, 18, 19]),
  ...range('iPad', 14, [1, 2, 3, 4, 5, 6, 8, 9, 10, 11]),
  ...range('iPad', 15, [3, 4, 5, 6, 7, 8]),
  ...range('iPad', 16, [1, 2, 3, 4, 5, 6]),
  ...range('iPad', 17, [1, 2, 3, 4]),
];

describe('modelNameFor', () => {
  it.each(EXPECTED)('names %s', (type) => {
    const name = modelNameFor(type);
    expect(name).toBeDefined();
    expect(name).not.toContain(',');
    expect(name?.startsWith(type.startsWith('iPad') ? 'iPad' : 'iPhone')).toBe(true);
  });

  it('names the two the issue found bare', () => {
    expect(modelNameFor('iPad8,1')).toBe('iPad Pro 11-inch (1st generation)');
    expect(modelNameFor('iPhone10,4')).toBe('iPhone 8');
  });

  it('holds exactly the listed types, so the list and the table change together', () => {
    expect(knownDeviceTypes().sort()).toEqual([...EXPECTED].sort());
  });
});
