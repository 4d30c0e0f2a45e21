/**
 * Serves the built renderer (dist/renderer) as static files.
 *
 * The URL path is decoded, resolved against the root and checked to stay inside it, so `..`, encoded
 * `%2e%2e`, backslashes and absolute paths cannot reach other files; the check is repeated on real paths,
 * so a symlink inside the root cannot lead out of it either. Only regular files are served.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(filePath: string): string {
  return contentTypes[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

function isInside(root: string, candidate: string): boolean {
  return candidate.startsWith(root + path.sep);
}

/** The lexical half: decode, refuse what no renderer asset needs, resolve, stay under the root. */
function lexicalStaticPath(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return undefined;
  const relative = decoded === '/' ? 'index.html' : decoded.slice(1);
  const resolvedRoot = path.resolve(root);
  const resolved = path.resolve(resolvedRoot, relative);
  return isInside(resolvedRoot, resolved) ? resolved : undefined;
}

/**
 * Maps a URL pathname to the real path of an existing file under `root`, or `undefined` when it would escape
 * the root (lexically or through a symlink), is malformed or does not exist. `/` maps to `index.html`.
 */
export async function resolveStaticPath(root: string, pathname: string): Promise<string | undefined> {
  const lexical = lexicalStaticPath(root, pathname);
  if (!lexical) return undefined;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(lexical)]);
    return isInside(realRoot, realFile) ? realFile : undefined;
  } catch {
    return undefined; // Missing, or a dangling link: the caller answers 404.
  }
}

/** Streams one file; answers 404 for anything that is not a regular file. */
export async function sendStaticFile(
  res: ServerResponse,
  filePath: string,
  headOnly: boolean,
): Promise<void> {
  const info = await stat(filePath).catch(() => undefined);
  if (!info?.isFile()) {
    sendText(res, 404, 'Not found');
    return;
  }
  res.writeHead(200, { 'Content-Type': contentTypeFor(filePath), 'Content-Length': info.size });
  if (headOnly) {
    res.end();
    return;
  }
  // pipeline destroys both sides on a read error or a client that went away, and never throws past here.
  await pipeline(createReadStream(filePath), res).catch(() => res.destroy());
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}
