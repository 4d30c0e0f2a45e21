/** Stand-ins for every outside thing the preflight checks ask: nothing here reaches a disk or a network. */
import type { IdentitySummary, ProfileSummary } from '../../../preload/domain';
import type { ActivationReachability, Reachability } from '../../../main/preflight/activation-reachability';
import type { RestoreLeftoverFolder } from '../../../main/preflight/restore-leftovers';
import type { PreflightDeps } from '../../../main/preflight/run-preflight';

export const NOW = Date.parse('2026-12-01T12:00:00Z');
export const DAY = 24 * 60 * 60 * 1000;

export function identity(extra: Partial<IdentitySummary> = {}): IdentitySummary {
  return {
    organizationName: 'Contoso IT',
    subject: 'CN=Contoso IT, O=Contoso IT',
    notBefore: NOW - 10 * DAY,
    notAfter: NOW + 400 * DAY,
    fingerprintSha256: 'AA:BB',
    source: 'created',
    ...extra,
  };
}

export function profile(extra: Partial<ProfileSummary> = {}): ProfileSummary {
  return {
    fileName: 'Contoso.mobileconfig',
    sizeBytes: 4000,
    sha256: 'ab',
    fileKind: 'xml-plist',
    displayName: 'Contoso enrollment',
    variant: 'scep',
    importedAt: NOW - 3 * DAY,
    age: {
      state: 'fresh',
      ageDays: 3,
      daysLeft: 11,
      countedFrom: 'imported',
      countedFromAt: NOW - 3 * DAY,
      expiresAt: NOW + 11 * DAY,
      overridden: false,
    },
    verdict: 'ready',
    headline: 'Ready: 11 days left.',
    findings: [],
    evaluatedAt: NOW,
    ...extra,
  } as ProfileSummary;
}

export const reachable = (answer: Reachability = 'reachable'): ActivationReachability => ({
  check: async () => answer,
});

export const noTempFolder: RestoreLeftoverFolder = { simulated: false, locate: async () => undefined };

/** A Mac with everything in order, unless a test says otherwise. */
export function healthyDeps(extra: Partial<PreflightDeps> = {}): PreflightDeps {
  return {
    engine: () => ({ kind: 'cfgutil', path: '/usr/local/bin/cfgutil' }),
    cfgutilVersion: () => async () => ({ version: '2.20', build: '1001.5', raw: '' }),
    signature: { verify: async () => 'apple' },
    checkFile: async () => 'executable',
    platform: 'darwin',
    identity: () => identity(),
    profile: () => profile(),
    dataDir: '/data',
    freeSpace: async () => 200e9,
    tempFolder: noTempFolder,
    reachability: reachable(),
    now: () => NOW,
    ...extra,
  };
}
