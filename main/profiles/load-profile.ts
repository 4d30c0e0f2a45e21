/**
 * Loads any dropped file as an enrollment profile: sniff the kind, unwrap CMS, parse the plist.
 *
 * Total: every input (empty, huge, random, truncated, hostile) gives a typed result, never an exception, and
 * the original bytes travel along untouched because they are what cfgutil installs
 * (./README.md P7, P9).
 */
import { createHash } from 'node:crypto';
import type { ProfileFileKind, ProfileFinding, ProfileSigner } from '../../preload/domain';
import { classifyDer } from './classify-der';
import { sniffFileKind } from './detect-file-kind';
import { parsePlist } from './parse-plist';
import { readProfile, type ProfileModel } from './read-profile';
import { collectSecrets, type ProfileSecret } from './redact-secrets';
import { unwrapSigned } from './unwrap-signed';
import { wrongFileFinding, type WrongFileCode } from './wrong-file-findings';

interface LoadedBase {
  /** The file exactly as dropped; hand these bytes to cfgutil. */
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly fileKind: ProfileFileKind;
}

export interface LoadedProfile extends LoadedBase {
  readonly ok: true;
  readonly container: 'xml-plist' | 'binary-plist';
  readonly signer?: ProfileSigner;
  /** Set when the file is signed but the signer could not be identified. */
  readonly signerProblem?: string;
  readonly model: ProfileModel;
  /** Secrets found in the file by key path (SCEP challenge, passwords): never for display. */
  readonly secrets: readonly ProfileSecret[];
}

export interface LoadFailure extends LoadedBase {
  readonly ok: false;
  readonly finding: ProfileFinding;
}

export type LoadResult = LoadedProfile | LoadFailure;

function fail(
  bytes: Uint8Array,
  sha256: string,
  fileKind: ProfileFileKind,
  code: WrongFileCode,
  host?: string,
): LoadFailure {
  return {
    ok: false,
    bytes,
    sha256,
    fileKind,
    finding: wrongFileFinding(code, { sizeBytes: bytes.length, host }),
  };
}

async function loadChecked(bytes: Uint8Array, fileName: string, sha256: string): Promise<LoadResult> {
  const sniffed = sniffFileKind(bytes, fileName);
  const failWith = (kind: ProfileFileKind, code: WrongFileCode, host?: string): LoadFailure =>
    fail(bytes, sha256, kind, code, host);
  switch (sniffed.kind) {
    case 'empty':
      return failWith('empty', 'file-empty');
    case 'too-large':
      return failWith('too-large', 'file-too-large');
    case 'pdf':
      return failWith('pdf', 'file-pdf');
    case 'zip':
      return failWith('zip', 'file-zip');
    case 'ade-token':
      return failWith('ade-token', 'file-ade-token');
    case 'url-text':
      return failWith('url-text', 'file-url-text', sniffed.host);
    case 'text':
      return failWith('text', 'file-text');
    case 'unknown':
      return failWith('unknown', 'file-unrecognised');
    case 'pem':
      if (/CERTIFICATE/.test(sniffed.label)) return failWith('certificate', 'file-certificate');
      if (/PRIVATE KEY/.test(sniffed.label)) return failWith('private-key', 'file-private-key');
      return failWith('text', 'file-text');
    case 'der':
      await nextTurn();
      return loadDer(bytes, sha256, failWith);
    case 'xml-plist':
    case 'binary-plist':
      await nextTurn();
      return parseProfile(bytes, bytes, sha256, sniffed.kind, undefined, undefined);
  }
}

const PLIST_FAILURE_CODES = {
  malformed: 'plist-malformed',
  'not-dictionary': 'plist-not-dictionary',
  'over-budget': 'plist-too-large',
} as const satisfies Record<string, WrongFileCode>;

/**
 * Lets the event loop run between the stages of a load (sniff, ASN.1 decode, signature check, measure, parse).
 * Each stage is bounded by the file cap and the plist budget to tens of milliseconds at worst
 * (test/bench/profile-parse.bench.ts), so the main process never stalls for long on one untrusted file.
 */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

type FailWith = (kind: ProfileFileKind, code: WrongFileCode) => LoadFailure;

async function loadDer(bytes: Uint8Array, sha256: string, failWith: FailWith): Promise<LoadResult> {
  switch (classifyDer(bytes)) {
    case 'malformed':
      return failWith('unknown', 'cms-malformed');
    case 'pkcs12':
      return failWith('pkcs12', 'file-pkcs12');
    case 'enveloped-data':
      return failWith('ade-token', 'file-ade-token');
    case 'certificate':
      return failWith('certificate', 'file-certificate');
    case 'private-key':
      return failWith('private-key', 'file-private-key');
    case 'other':
      return failWith('unknown', 'cms-not-signed');
    case 'signed-data': {
      await nextTurn();
      const unwrapped = await unwrapSigned(bytes);
      if (!unwrapped.ok) {
        const code =
          unwrapped.reason === 'no-content'
            ? 'cms-no-content'
            : unwrapped.reason === 'malformed'
              ? 'cms-malformed'
              : 'cms-not-signed';
        return failWith('signed-profile', code);
      }
      await nextTurn();
      return parseProfile(
        bytes,
        unwrapped.content,
        sha256,
        'signed-profile',
        unwrapped.signer,
        unwrapped.signerProblem,
      );
    }
  }
}

function parseProfile(
  original: Uint8Array,
  plistBytes: Uint8Array,
  sha256: string,
  fileKind: ProfileFileKind,
  signer: ProfileSigner | undefined,
  signerProblem: string | undefined,
): LoadResult {
  const parsed = parsePlist(plistBytes);
  if (!parsed.ok) {
    const code = PLIST_FAILURE_CODES[parsed.reason];
    return {
      ok: false,
      bytes: original,
      sha256,
      fileKind,
      finding: wrongFileFinding(code, { sizeBytes: original.length, problem: parsed.problem }),
    };
  }
  return {
    ok: true,
    bytes: original,
    sha256,
    fileKind,
    container: parsed.container,
    signer,
    signerProblem,
    model: readProfile(parsed.root),
    secrets: collectSecrets(parsed.root),
  };
}

/** Loads one file. `fileName` is only a hint (a `.p7m` PEM is an ADE token); the bytes decide. */
export async function loadProfile(bytes: Uint8Array, fileName = ''): Promise<LoadResult> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    return await loadChecked(bytes, fileName, sha256);
  } catch {
    // Defence in depth: a parser bug must still give the operator a verdict, not a crash.
    return fail(bytes, sha256, 'unknown', 'file-unrecognised');
  }
}
