import { describe, expect, it } from 'vitest';
import { ageFinding, computeAge, DAY_MS } from '../../../main/profiles/profile-age';

const IMPORTED = Date.parse('2026-03-01T09:00:00Z');
const at = (days: number): number => IMPORTED + days * DAY_MS;

describe('computeAge', () => {
  it('is fresh on day 11 with 3 days left', () => {
    const age = computeAge({ importedAt: IMPORTED, now: at(11) });
    expect(age).toMatchObject({ state: 'fresh', ageDays: 11, daysLeft: 3, countedFrom: 'imported' });
    expect(ageFinding(age).severity).toBe('info');
  });

  it('warns from day 12', () => {
    const age = computeAge({ importedAt: IMPORTED, now: at(12) });
    expect(age).toMatchObject({ state: 'expiring', ageDays: 12, daysLeft: 2 });
    const finding = ageFinding(age);
    expect(finding).toMatchObject({ severity: 'warning', code: 'age-expiring' });
    expect(finding.message).toMatch(/2026-03-15/);
  });

  it('is expired once 14 days have passed, and blocked on day 15', () => {
    expect(computeAge({ importedAt: IMPORTED, now: at(14) - 1 }).state).toBe('expiring');
    expect(computeAge({ importedAt: IMPORTED, now: at(14) }).state).toBe('expired');
    const age = computeAge({ importedAt: IMPORTED, now: at(15) });
    expect(age).toMatchObject({ state: 'expired', ageDays: 15, daysLeft: 0, overridden: false });
    expect(ageFinding(age)).toMatchObject({ severity: 'error', code: 'age-expired' });
  });

  it('marks an expired profile as overridden and words it as a warning with the reason', () => {
    const override = { reason: 'Re-download blocked by outage, ticket 4711', at: at(15) };
    const age = computeAge({ importedAt: IMPORTED, now: at(15), override });
    expect(age.overridden).toBe(true);
    const finding = ageFinding(age, override);
    expect(finding).toMatchObject({ severity: 'warning', code: 'age-overridden' });
    expect(finding.message).toContain('ticket 4711');
  });

  it('counts from the earliest plausible of signing time, file time and import time', () => {
    const age = computeAge({
      importedAt: IMPORTED,
      fileModifiedAt: at(-5),
      signingTime: at(-6),
      now: IMPORTED,
    });
    expect(age).toMatchObject({ countedFrom: 'signing-time', ageDays: 6, daysLeft: 8 });
    const byFile = computeAge({ importedAt: IMPORTED, fileModifiedAt: at(-5), now: IMPORTED });
    expect(byFile).toMatchObject({ countedFrom: 'file-modified', ageDays: 5 });
  });

  it('ignores implausible dates (epoch zero, far future)', () => {
    const age = computeAge({ importedAt: IMPORTED, fileModifiedAt: 0, signingTime: at(30), now: at(1) });
    expect(age).toMatchObject({ countedFrom: 'imported', ageDays: 1 });
  });

  it('never reports a negative age when the clock runs behind', () => {
    expect(computeAge({ importedAt: IMPORTED, now: at(-1) })).toMatchObject({ ageDays: 0, daysLeft: 15 });
  });
});
