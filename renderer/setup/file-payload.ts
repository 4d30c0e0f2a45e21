/**
 * Turning a chosen or dropped File into what the profile and identity channels take: base64 text.
 *
 * The size limit is checked here before anything is read or sent, so a 2 GB video dropped by mistake never
 * crosses the socket. The words match the bench's own refusal (main/dispatch/validate-profile-args.ts), so the
 * operator sees one message whichever side said no.
 */
import type { ErrorInfo, Result } from '../../preload/domain';

/** The bench accepts at most 5 MB (MAX_PROFILE_BYTES in main); the renderer may not import main, so it is mirrored. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export const fileTooLargeError: ErrorInfo = {
  code: 'invalid-request',
  title: 'The request was refused',
  detail: 'The file is larger than 5 MB; that is not an enrollment profile or identity.',
  retryable: false,
};

/** The browser could not read the file (moved, deleted, a folder, no permission, still downloading). */
export const fileUnreadableError: ErrorInfo = {
  code: 'invalid-request',
  title: 'The file could not be read',
  detail:
    'The browser could not open it: it may have been moved, deleted or renamed, or it is still being copied. Choose or drop the file again.',
  retryable: true,
};

/** Bytes per `String.fromCharCode` call: large enough to be quick, small enough for the argument limit. */
const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** Reads the whole file as base64; `undefined` when it is over the limit (nothing is read then). */
export async function readFileBase64(file: Blob): Promise<string | undefined> {
  if (file.size > MAX_UPLOAD_BYTES) return undefined;
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}

/**
 * The file as base64 for a channel, or the refusal to show: never rejects, because a rejection here would go
 * unhandled and the operator would see nothing at all.
 */
export async function readFilePayload(file: Blob): Promise<Result<string>> {
  try {
    const dataBase64 = await readFileBase64(file);
    return dataBase64 === undefined
      ? { ok: false, error: fileTooLargeError }
      : { ok: true, value: dataBase64 };
  } catch {
    return { ok: false, error: fileUnreadableError };
  }
}

/**
 * A dropped file goes to the identity flow when its name says PKCS#12; everything else goes to the profile
 * import, whose verdict names wrong files by their bytes (a renamed .p12 is still caught there).
 */
export function isIdentityFileName(name: string): boolean {
  return /\.(p12|pfx)$/i.test(name.trim());
}
