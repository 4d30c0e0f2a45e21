/**
 * What the UI may know about the Intune connection (issue 24). Never a token: the status says which kind of
 * connection it is, when a script's token expires, and what the last pull did.
 */
import type { ProfileSummary } from './domain';

export type IntuneCloudName = 'global' | 'usgov-high' | 'usgov-dod' | 'china';
export type IntuneMode = 'sign-in' | 'token-file' | 'simulated';

export interface IntuneStatusView {
  readonly connected: boolean;
  readonly mode?: IntuneMode;
  readonly cloud?: IntuneCloudName;
  readonly tenantId?: string;
  readonly clientId?: string;
  /** The signed-in admin's user name. */
  readonly account?: string;
  /** For a token file: when its token expires (epoch ms). */
  readonly tokenExpiresAt?: number;
  readonly tokenProblem?: string;
  /** Where the sign-in cache is kept, in words. */
  readonly protection?: string;
  readonly selected?: { readonly id: string; readonly name: string };
  readonly refreshDays: number;
  readonly lastPull?: {
    readonly at: number;
    readonly form: string;
    readonly sha256: string;
    readonly unchanged: boolean;
  };
  readonly nextRefreshAt?: number;
  /** A failed refresh not yet followed by a good one: shown as a banner with the old copy's days left. */
  readonly banner?: { readonly title: string; readonly detail: string; readonly at: number };
  /** Issue 25: prepared serials are pushed to Intune. */
  readonly pushSerials?: boolean;
}

export interface IntuneProfileView {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly userAffinity: boolean;
  /** Why the bench will not pull it (user affinity), when it will not. */
  readonly refusal?: string;
}

export interface IntunePullView {
  readonly profile: ProfileSummary;
  readonly form: 'xml' | 'base64-xml' | 'base64-signed';
  readonly unchanged: boolean;
}

/** Issue 25: a serial's push to Intune and its enrollment as Intune sees it. Never a token. */
export type IntuneEnrollmentState = 'enrolled' | 'not-yet-seen' | 'not-seen' | 'several';

export interface IntuneEnrollmentView {
  readonly serial: string;
  readonly push?: 'queued' | 'started' | 'pushed' | 'failed';
  readonly pushedAt?: number;
  /** Why the last push failed (the serial stays queued). */
  readonly pushWhy?: string;
  readonly enrollment?: IntuneEnrollmentState;
  readonly checkedAt?: number;
  readonly enrolledAt?: number;
  readonly enrollmentType?: string;
  readonly supervised?: boolean;
  /** Managed-device records Intune holds for the serial. */
  readonly records?: number;
}
