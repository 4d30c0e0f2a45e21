import { describe, expect, it } from 'vitest';
import { findDomainSuffix } from '../../../main/cfgutil/domain-suffix';

describe('findDomainSuffix', () => {
  it('finds domain, code and where the suffix sits', () => {
    const line = 'Failed. (Domain: com.apple.configurator.MobileDeviceKit.amd.error Code: -402653158) tail';
    expect(findDomainSuffix(line)).toEqual({
      domain: 'com.apple.configurator.MobileDeviceKit.amd.error',
      code: '-402653158',
      start: 8,
      end: line.indexOf(' tail'),
    });
  });

  it('keeps spaces inside a domain and skips a Code: label with no valid value', () => {
    expect(findDomainSuffix('(domain: My Domain Code: later Code: 0xE800001A )')).toMatchObject({
      domain: 'My Domain Code: later',
      code: '0xE800001A',
    });
  });

  it('finds nothing without the opening label, the closing parenthesis or the space before Code:', () => {
    expect(findDomainSuffix('Domain: x Code: 5)')).toBeUndefined();
    expect(findDomainSuffix('(Domain: x Code: 5')).toBeUndefined();
    expect(findDomainSuffix('(Domain: x_Code: 5)')).toBeUndefined();
  });

  // No length cap here: the scan itself must stay linear. The per-test timeout is the guard.
  it('gives up on 100 KB of adversarial text without backtracking', { timeout: 2_000 }, () => {
    const spaces = ' '.repeat(100_000);
    expect(findDomainSuffix(`(Domain: ${spaces}`)).toBeUndefined();
    expect(findDomainSuffix(`(Domain: ${spaces}Code:${spaces}5`)).toBeUndefined();
    expect(findDomainSuffix(`(Domain: ${' Code: x'.repeat(12_500)}`)).toBeUndefined();
    expect(findDomainSuffix(`(Domain:${spaces}x${spaces}Code: 1)`)?.domain).toBe('x');
  });
});
