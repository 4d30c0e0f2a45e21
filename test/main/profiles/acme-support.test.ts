import { describe, expect, it } from 'vitest';
import { acmeDeviceWarning } from '../../../main/profiles/acme-support';

describe('acmeDeviceWarning', () => {
  it('warns for iPads below iPadOS 16.1 and iPhones below iOS 16.0', () => {
    expect(acmeDeviceWarning('acme', { productType: 'iPad13,1', osVersion: '16.0' })).toMatch(
      /iPadOS 16\.1 or later/,
    );
    expect(acmeDeviceWarning('acme', { productType: 'iPhone12,1', osVersion: '15.7.9' })).toMatch(
      /iOS 16\.0 or later/,
    );
  });

  it('is silent for supported versions, SCEP profiles and unknown versions', () => {
    expect(acmeDeviceWarning('acme', { productType: 'iPad13,1', osVersion: '16.1' })).toBeUndefined();
    expect(acmeDeviceWarning('acme', { productType: 'iPhone12,1', osVersion: '16.0' })).toBeUndefined();
    expect(acmeDeviceWarning('acme', { productType: 'iPad13,1', osVersion: '17.4.1' })).toBeUndefined();
    expect(acmeDeviceWarning('scep', { productType: 'iPad13,1', osVersion: '12.0' })).toBeUndefined();
    expect(acmeDeviceWarning('acme', { productType: 'iPad13,1', osVersion: 'beta' })).toBeUndefined();
  });
});
