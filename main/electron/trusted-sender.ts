/**
 * The renderer's own origin, `app://bench`, and the checks built on it (Electron security checklist items
 * 17 and 18).
 *
 * The bundled renderer is served from a privileged custom scheme rather than file://: a file:// page shares
 * its "origin" with every other file on the disk, while `app://bench/` maps only to the renderer folder,
 * through the same confined path resolution as the headless server (../server/static-files.ts). Its
 * responses carry the Electron CSP, which has no `ws:`/`wss:` (the window needs no socket: it talks over
 * IPC). An IPC message is trusted only from the top frame of our own index.html at that origin.
 */
import { readFile } from 'node:fs/promises';
import { contentTypeFor, resolveStaticPath } from '../server/static-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'bench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const RENDERER_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** `standard` and `secure` give the scheme a real origin and a secure context; nothing bypasses the CSP. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

/**
 * The page's policy in Electron. index.html's meta policy still applies (both do, so the effective one is
 * their intersection): its `ws: wss:`, needed in a browser, is cut away here.
 */
export const ELECTRON_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface FrameLike {
  readonly url: string;
  /** A WebFrameMain's parent; `null` for the top frame. */
  readonly parent?: unknown;
}

export function isTrustedSender(frame: FrameLike | null | undefined, rendererIndexUrl: string): boolean {
  // A null frame means the page navigated or was destroyed: refuse.
  if (!frame || (frame.parent !== undefined && frame.parent !== null)) return false;
  let url: URL;
  let expected: URL;
  try {
    url = new URL(frame.url);
    expected = new URL(rendererIndexUrl);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.protocol === expected.protocol &&
    url.host === expected.host &&
    url.pathname === expected.pathname
  );
}

/** Node's URL gives custom schemes an opaque origin, so the scheme and host are compared instead. */
function isAppUrl(url: URL): boolean {
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
}

/** The `app://` protocol handler: files of `rendererDir` only, read-only, each with the Electron CSP. */
export function appSchemeHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound();
    }
    if (!isAppUrl(url) || (request.method ?? 'GET') !== 'GET') return notFound();
    const file = await resolveStaticPath(rendererDir, url.pathname);
    const body = file ? await readFile(file).catch(() => undefined) : undefined;
    if (!file || !body) return notFound();
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': contentTypeFor(file),
        'Content-Security-Policy': ELECTRON_CSP,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  };
}
