/**
 * The bench's vocabulary, shared by main, preload and renderer.
 *
 * Pure types and constants only: no `electron` or `node:` imports, because the sandboxed preload and the
 * browser renderer both compile this file. Everything here must survive structured clone and JSON.
 */
import type { Ecid, ErrorCode, ErrorInfo, Result } from './core-domain';
import type { JobsSnapshot, WorkflowList } from './jobs-domain';

// The device key and the error shape live one module down (./core-domain.ts) so jobs-domain can use them
// without importing this file back; they stay importable from here, where every caller has always found them.
export type { Ecid, ErrorCode, ErrorInfo, Result };

/** USB mode of an attached device, from its product ID or cfgutil's `bootedState`. */
export type DeviceMode = 'normal' | 'recovery' | 'dfu' | 'other';

/** One attached iPhone or iPad as the bench knows it. */
export interface Device {
  readonly ecid: Ecid;
  readonly udid?: string;
  readonly name?: string;
  /** Apple product type, for example `iPad14,1`. */
  readonly deviceType?: string;
  /** Human model name derived from `deviceType`, for example `iPad mini (6th generation)`. */
  readonly model?: string;
  readonly serialNumber?: string;
  /** IOKit USB location ID; identifies the physical port. */
  readonly locationId?: number;
  /** Operator-facing port label derived from `locationId`, for example `Hub 1 · Port 3`. */
  readonly portLabel?: string;
  readonly mode: DeviceMode;
  /** Epoch milliseconds when the bench first saw this ECID in the current attachment. */
  readonly attachedAt: number;
}

/** Which engine runs cfgutil commands. */
export type EngineStatus =
  | { readonly kind: 'cfgutil'; readonly path: string }
  | {
      readonly kind: 'simulator';
      /** Why the bench is simulated; shown in the SIMULATION banner. */
      readonly reason: 'requested' | 'not-macos' | 'operator-chose';
    }
  | {
      /** macOS without cfgutil: the preflight screen explains how to install Automation Tools. */
      readonly kind: 'missing';
      readonly searched: readonly string[];
    };

/** Health of device discovery; `degraded` means events or cfgutil list are failing and we back off. */
export interface WatcherStatus {
  readonly state: 'starting' | 'ok' | 'degraded';
  readonly detail?: string;
  /** Devices cfgutil listed that wait to be added: one listing adds at most a batch (main/devices/device-watcher.ts). */
  readonly waitingDevices?: number;
}

/** Everything the renderer needs to draw the bench from scratch. */
export interface BenchSnapshot {
  /** Sequence number of the last event folded into this snapshot; later events have a larger `seq`. */
  readonly seq: number;
  readonly devices: readonly Device[];
  readonly engine: EngineStatus;
  readonly watcher: WatcherStatus;
  /** Jobs, per-device facts and the run state (main/jobs/). */
  readonly jobs: JobsSnapshot;
  /** The enrollment profile as main judged it (null: none imported), so a UI need not ask after each snapshot. */
  readonly profile: ProfileSummary | null;
  /** The supervision identity's summary, never its key material (null: none yet). */
  readonly identity: IdentitySummary | null;
  /** The workflows a run can use, and the files that could not be read. */
  readonly workflows: WorkflowList;
}

/** The operator's hand in the simulated bench (demo, training and tests). */
export type SimulatorAction =
  | { readonly type: 'attach'; readonly deviceClass?: 'iPad' | 'iPhone' }
  | { readonly type: 'detach'; readonly ecid: Ecid }
  | { readonly type: 'cart'; readonly count: number; readonly overSeconds: number }
  | { readonly type: 'detach-all' }
  /** The person's hand on one device's screen (the card's buttons in simulation). */
  | { readonly type: OnDeviceHand; readonly ecid: Ecid };

/** What a person does on a device's own screen: the Trust dialog, the profile approval, the passcode… */
export type OnDeviceHand = 'trust' | 'deny-trust' | 'approve-profile' | 'unlock' | 'finish-setup-assistant';

export const onDeviceHands: readonly OnDeviceHand[] = [
  'trust',
  'deny-trust',
  'approve-profile',
  'unlock',
  'finish-setup-assistant',
];

export const simulatorActionTypes: readonly SimulatorAction['type'][] = [
  'attach',
  'detach',
  'cart',
  'detach-all',
  ...onDeviceHands,
];

// ---- Intune enrollment profile and supervision identity (issue 4; main/profiles/README.md, main/identity/README.md) ----

/** How serious a profile finding is: `error` refuses the file, `warning` lets it through with a note. */
export type ProfileFindingSeverity = 'error' | 'warning' | 'info';

/** What the dropped file turned out to be, judged by its bytes (never by its name alone). */
export type ProfileFileKind =
  | 'xml-plist'
  | 'binary-plist'
  | 'signed-profile'
  | 'ade-token'
  | 'pkcs12'
  | 'certificate'
  | 'private-key'
  | 'url-text'
  | 'pdf'
  | 'zip'
  | 'empty'
  | 'too-large'
  | 'text'
  | 'unknown';

/** Every finding the profile checks can report; UIs may branch on these, the words are in `message`. */
export type ProfileFindingCode =
  | 'file-empty'
  | 'file-too-large'
  | 'file-pdf'
  | 'file-zip'
  | 'file-pkcs12'
  | 'file-ade-token'
  | 'file-certificate'
  | 'file-private-key'
  | 'file-url-text'
  | 'file-text'
  | 'file-unrecognised'
  | 'cms-malformed'
  | 'cms-not-signed'
  | 'cms-no-content'
  | 'plist-malformed'
  | 'plist-not-dictionary'
  | 'plist-too-large'
  | 'unsigned'
  | 'signature-valid'
  | 'signature-invalid'
  | 'signer-certificate-expired'
  | 'signer-certificate-not-yet-valid'
  | 'payload-type-wrong'
  | 'no-payload-content'
  | 'no-mdm-payload'
  | 'multiple-mdm-payloads'
  | 'server-url-missing'
  | 'server-url-not-https'
  | 'server-url-not-intune'
  | 'check-in-url-missing'
  | 'check-in-url-not-https'
  | 'check-in-url-not-intune'
  | 'server-url-misleading'
  | 'check-in-url-misleading'
  | 'removal-password'
  | 'duplicate-payload-uuid'
  | 'signer-self-signed'
  | 'signer-untrusted'
  | 'topic-missing'
  | 'topic-wrong-form'
  | 'identity-uuid-missing'
  | 'identity-uuid-unresolved'
  | 'identity-payload-wrong-type'
  | 'variant-scep'
  | 'variant-acme'
  | 'payload-expired'
  | 'embedded-certificate-expired'
  | 'age-ok'
  | 'age-expiring'
  | 'age-expired'
  | 'age-overridden'
  | 'secret-reused';

/** One plain-language verdict line: what is wrong (or fine) and what to do about it. */
export interface ProfileFinding {
  readonly severity: ProfileFindingSeverity;
  readonly code: ProfileFindingCode;
  readonly message: string;
}

/** SCEP or ACME, from the type of the payload that `IdentityCertificateUUID` points at (intune.md §3.3). */
export type ProfileVariant = 'scep' | 'acme' | 'unknown';

/** Who signed a CMS-signed profile and whether the signature and the certificate hold up. */
export interface ProfileSigner {
  /** Distinguished name, for example `CN=Contoso MDM, O=Contoso`. */
  readonly subject: string;
  readonly issuer: string;
  /** Epoch milliseconds. */
  readonly notBefore: number;
  readonly notAfter: number;
  /** The signature matches the content (a tampered file fails this). */
  readonly signatureValid: boolean;
  /** Epoch milliseconds of the CMS signing-time attribute, when present. */
  readonly signingTime?: number;
  /** Whether the certificates in the file lead to a public certificate authority (the bench's judgement). */
  readonly chain?: SignerChain;
}

export type SignerChain =
  /** The chain reaches a public root; `root` is its subject. */
  | { readonly trust: 'public-ca'; readonly root: string }
  /** The certificate names itself as issuer. */
  | { readonly trust: 'self-signed' }
  /** No chain to a public root from the certificates in the file; `stopsAt` is the last issuer named. */
  | { readonly trust: 'unknown-ca'; readonly stopsAt: string };

/** `fresh` until day 12, `expiring` on days 12–13, `expired` from day 14 (the two-week rule, intune.md §3.4). */
export type ProfileAgeState = 'fresh' | 'expiring' | 'expired';

/** How old the exported file is and how long it has left. */
export interface ProfileAge {
  readonly state: ProfileAgeState;
  /** Whole days since `countedFrom`. */
  readonly ageDays: number;
  /** Whole days left before the two weeks run out; 0 once expired. */
  readonly daysLeft: number;
  /** Which date the two weeks are counted from: the earliest plausible of the three. */
  readonly countedFrom: 'signing-time' | 'file-modified' | 'imported';
  /** Epoch milliseconds. */
  readonly countedFromAt: number;
  readonly expiresAt: number;
  /** An operator chose to run with this file after it expired; see {@link ProfileSummary.override}. */
  readonly overridden: boolean;
}

/** `ready`: no problems. `expired`: fine but too old, runs need an override. `unusable`: refused. */
export type ProfileVerdict = 'ready' | 'ready-with-warnings' | 'expired' | 'unusable';

/** An operator's recorded decision to use an expired profile anyway. */
export interface ProfileOverride {
  readonly reason: string;
  /** Epoch milliseconds. */
  readonly at: number;
}

/** Where the bench fetched a profile itself (issue 24): shown on the card as "From Intune: <name>, fetched <when>". */
export interface ProfileOrigin {
  readonly kind: 'intune';
  /** The Intune profile's display name (sanitised). */
  readonly profileName: string;
  readonly profileId: string;
  /** Epoch milliseconds of the latest fetch that returned these bytes. */
  readonly fetchedAt: number;
}

/**
 * What the UI, the CLI and the log may know about an imported profile.
 *
 * Built from an allow-list: secrets in the file (the SCEP challenge, any password) are never copied here.
 */
export interface ProfileSummary {
  readonly fileName: string;
  readonly sizeBytes: number;
  /** SHA-256 of the original bytes, hex; the exact bytes cfgutil installs. */
  readonly sha256: string;
  readonly fileKind: ProfileFileKind;
  readonly organization?: string;
  readonly displayName?: string;
  /** Top-level `PayloadIdentifier`: what post-install verification looks for on each device. */
  readonly payloadIdentifier?: string;
  /** Host name of the `com.apple.mdm` `ServerURL`. */
  readonly mdmHost?: string;
  readonly variant: ProfileVariant;
  readonly signer?: ProfileSigner;
  /** Epoch milliseconds. */
  readonly importedAt: number;
  readonly fileModifiedAt?: number;
  readonly age?: ProfileAge;
  readonly override?: ProfileOverride;
  /** Set when the bench pulled the file from Intune rather than an operator importing it. */
  readonly origin?: ProfileOrigin;
  readonly verdict: ProfileVerdict;
  /** One plain sentence for the top of the card, for example "Ready: 9 days left." */
  readonly headline: string;
  readonly findings: readonly ProfileFinding[];
  /** Epoch milliseconds when the verdict and age were computed. */
  readonly evaluatedAt: number;
  /**
   * The bench's generated training profile (no Intune tenant behind it): shown as "TRAINING – simulator only",
   * refused with real cfgutil, and its bench log rows are marked training.
   */
  readonly training?: true;
}

/** The training profile's `PayloadIdentifier`; bench log rows with it are training rows. */
export const TRAINING_PROFILE_IDENTIFIER = 'com.example.enroll-bench.training-simulator-only';
export const TRAINING_LABEL = 'TRAINING – simulator only';

/** The supervision identity cfgutil uses with `-C`/`-K`; never carries the private key. */
export interface IdentitySummary {
  readonly organizationName: string;
  /** Distinguished name, for example `CN=Contoso, O=Contoso`. */
  readonly subject: string;
  /** Epoch milliseconds. */
  readonly notBefore: number;
  readonly notAfter: number;
  /** SHA-256 of the DER certificate, upper-case hex with colons (what Keychain Access shows). */
  readonly fingerprintSha256: string;
  readonly source: 'imported' | 'created';
}
