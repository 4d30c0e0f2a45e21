/**
 * Profile and identity summaries as main would send them, and a fake bench whose set-up channels tests script.
 */
import type { BenchSnapshot, IdentitySummary, ProfileSummary, Result } from '../../preload/domain';
import { FakeBenchApi } from './fixtures';

const DAY_MS = 86_400_000;
export const NOW = Date.parse('2026-03-10T09:00:00Z');

/** A fresh, ready SCEP profile with `daysLeft` days to go. */
export function profileSummary(extra: Partial<ProfileSummary> = {}, daysLeft = 9): ProfileSummary {
  const ageDays = 14 - daysLeft;
  return {
    fileName: 'Contoso.mobileconfig',
    sizeBytes: 4_000,
    sha256: 'ab'.repeat(32),
    fileKind: 'xml-plist',
    organization: 'Contoso Ltd',
    displayName: 'Contoso iPad enrollment',
    payloadIdentifier: 'com.microsoft.intune.enrollment.1',
    mdmHost: 'i.manage.microsoft.com',
    variant: 'scep',
    importedAt: NOW - ageDays * DAY_MS,
    age: {
      state: ageDays >= 14 ? 'expired' : ageDays >= 12 ? 'expiring' : 'fresh',
      ageDays,
      daysLeft: Math.max(0, daysLeft),
      countedFrom: 'imported',
      countedFromAt: NOW - ageDays * DAY_MS,
      expiresAt: NOW + daysLeft * DAY_MS,
      overridden: false,
    },
    verdict: ageDays >= 14 ? 'expired' : ageDays >= 12 ? 'ready-with-warnings' : 'ready',
    headline: `${daysLeft} days left.`,
    findings: [],
    evaluatedAt: NOW,
    ...extra,
  };
}

export function refusedSummary(fileName = 'manual.pdf'): ProfileSummary {
  return {
    ...profileSummary({
      fileName,
      fileKind: 'pdf',
      organization: undefined,
      mdmHost: undefined,
      variant: 'unknown',
    }),
    age: undefined,
    verdict: 'unusable',
    headline: 'This is a PDF document, not an enrollment profile.',
    findings: [
      { severity: 'error', code: 'file-pdf', message: 'This is a PDF document, not an enrollment profile.' },
    ],
  };
}

export function identitySummary(extra: Partial<IdentitySummary> = {}): IdentitySummary {
  return {
    organizationName: 'Contoso IT',
    subject: 'CN=Contoso IT, O=Contoso IT',
    notBefore: NOW - DAY_MS,
    notAfter: Date.parse('2036-05-01T00:00:00Z'),
    fingerprintSha256: 'AB:CD',
    source: 'created',
    ...extra,
  };
}

type ImportProfileRequest = Parameters<FakeBenchApi['importProfile']>[0];
type ImportIdentityRequest = Parameters<FakeBenchApi['importSupervisionIdentity']>[0];

/** A FakeBenchApi whose profile and identity channels answer what the test sets, and record the requests. */
export class SetupFakeApi extends FakeBenchApi {
  profile: ProfileSummary | null = null;
  identity: IdentitySummary | null = null;
  importResult: Result<ProfileSummary> = { ok: true, value: profileSummary() };
  identityResult: Result<IdentitySummary> = { ok: true, value: identitySummary() };
  readonly profileImports: ImportProfileRequest[] = [];
  readonly identityImports: ImportIdentityRequest[] = [];
  readonly created: string[] = [];
  readonly overrides: string[] = [];
  getProfileCalls = 0;
  getIdentityCalls = 0;

  /** The snapshot carries what the test set as the bench's profile and identity. */
  override async getSnapshot(): Promise<Result<BenchSnapshot>> {
    const result = await super.getSnapshot();
    return result.ok
      ? { ok: true, value: { ...result.value, profile: this.profile, identity: this.identity } }
      : result;
  }

  override readonly getProfile = async (): Promise<Result<ProfileSummary | null>> => {
    this.getProfileCalls += 1;
    return { ok: true, value: this.profile };
  };
  override readonly getSupervisionIdentity = async (): Promise<Result<IdentitySummary | null>> => {
    this.getIdentityCalls += 1;
    return { ok: true, value: this.identity };
  };
  override readonly importProfile = async (req: ImportProfileRequest): Promise<Result<ProfileSummary>> => {
    this.profileImports.push(req);
    return this.importResult;
  };
  override readonly importSupervisionIdentity = async (
    req: ImportIdentityRequest,
  ): Promise<Result<IdentitySummary>> => {
    this.identityImports.push(req);
    return this.identityResult;
  };
  override readonly createSupervisionIdentity = async (req: {
    readonly organizationName: string;
  }): Promise<Result<IdentitySummary>> => {
    this.created.push(req.organizationName);
    return this.identityResult;
  };
  override readonly overrideProfileAge = async (req: {
    readonly reason: string;
  }): Promise<Result<ProfileSummary>> => {
    this.overrides.push(req.reason);
    return { ok: true, value: profileSummary() };
  };
}
