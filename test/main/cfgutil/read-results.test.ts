import { describe, expect, it } from 'vitest';
import { readVersion } from '../../../main/cfgutil/read-results';

describe('readVersion from text', () => {
  it('reads version and build from the text line', () => {
    expect(readVersion(undefined, 'cfgutil 2.6.1 (379)\n')).toMatchObject({ version: '2.6.1', build: '379' });
  });

  // Quadratic before the look-behind: every start inside the digit run was retried. Timeout is the guard.
  it('reads 100 KB of digits without a dot as no version', { timeout: 2_000 }, () => {
    const stdout = '7'.repeat(100_000);
    expect(readVersion(undefined, stdout)).toEqual({ raw: stdout });
  });
});
