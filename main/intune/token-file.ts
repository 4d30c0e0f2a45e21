/**
 * `intune connect --token-file FILE`: a Graph access token held by a script (from another sign-in tool). The
 * bench never copies it: it records only the file's path and reads the file each time it needs a token, until
 * the token expires, and says when that is.
 *
 * The file holds either the bare token (a JWT, whose `exp` claim gives the expiry) or JSON with `accessToken`
 * (or `access_token`) and `expiresOn` / `expires_on` / `expiresAt` (ISO text or epoch seconds), the shapes the
 * Azure CLI and MSAL-based tools print. The token's signature is not checked (Graph does that); only its
 * expiry is read, so an expired token is refused before it is sent.
 */
import { readFile, stat } from 'node:fs/promises';
import { IntuneError } from './intune-error';
import type { AccessToken, TokenSource } from './token-source';

const MAX_FILE_BYTES = 64 * 1024;

function badFile(detail: string): IntuneError {
  return new IntuneError('signed-out', 'The token file cannot be used', detail);
}

function jwtExpiry(token: string): number | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' && Number.isFinite(claims.exp) ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

function parseExpiry(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value < 1e12 ? value * 1000 : value;
  if (typeof value === 'string') {
    if (/^\d+$/.test(value.trim())) return parseExpiry(Number(value));
    const at = Date.parse(value);
    return Number.isNaN(at) ? undefined : at;
  }
  return undefined;
}

export function parseTokenText(text: string): AccessToken {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let raw: Record<string, unknown>;
    try {
      raw = JSON.parse(trimmed) as Record<string, unknown>;
    } catch {
      throw badFile('The token file looks like JSON but does not parse.');
    }
    const token = raw.accessToken ?? raw.access_token;
    if (typeof token !== 'string' || !token) throw badFile('The token file has no "accessToken" field.');
    const expiresAt = parseExpiry(raw.expiresOn ?? raw.expires_on ?? raw.expiresAt) ?? jwtExpiry(token);
    if (expiresAt === undefined) throw badFile('The token file does not say when the token expires.');
    return { token, expiresAt };
  }
  if (!/^[A-Za-z0-9._~+/=-]+$/.test(trimmed)) throw badFile('The token file holds neither a token nor JSON.');
  const expiresAt = jwtExpiry(trimmed);
  if (expiresAt === undefined) {
    throw badFile(
      'The token in the file has no expiry the bench can read; pass JSON with "expiresOn" as well.',
    );
  }
  return { token: trimmed, expiresAt };
}

export interface TokenFileCheck {
  readonly expiresAt: number;
  /** Set when the file is readable by other users. */
  readonly warning?: string;
}

export class TokenFileSource implements TokenSource {
  readonly kind = 'token-file' as const;

  constructor(
    readonly file: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Reads the file now: the token's expiry, and whether the file is too open. Throws when unusable. */
  async check(): Promise<TokenFileCheck> {
    const token = await this.getToken();
    const mode = (await stat(this.file)).mode & 0o077;
    return mode
      ? {
          expiresAt: token.expiresAt,
          warning: 'The token file can be read by other users of this Mac: chmod 600 it.',
        }
      : { expiresAt: token.expiresAt };
  }

  async getToken(): Promise<AccessToken> {
    let text: string;
    try {
      const info = await stat(this.file);
      if (!info.isFile() || info.size > MAX_FILE_BYTES) throw new Error('not a small file');
      text = await readFile(this.file, 'utf8');
    } catch {
      throw badFile(`The bench cannot read the token file ${this.file}; connect again with a new one.`);
    }
    const token = parseTokenText(text);
    if (token.expiresAt <= this.now()) {
      throw new IntuneError(
        'token-expired',
        'The token from the file has expired',
        `It expired at ${new Date(token.expiresAt).toISOString()}. Get a new token and run enroll-bench intune connect --token-file again (or sign in with --tenant and --client-id).`,
      );
    }
    return token;
  }
}
