/**
 * resolveStaticPath on its own: requests through the server reach it only after `new URL` has already removed
 * most `..` segments, so the guard itself is tested here with the raw pathnames.
 */
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../../main/server/static-files';

let dir: string;
let root: string;

beforeAll(async () => {
  // realpath: tmpdir may itself be a symlink (macOS /var → /private/var), and the answers are real paths.
  dir = await realpath(await mkdtemp(path.join(tmpdir(), 'static-files-')));
  root = path.join(dir, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(dir, 'secret.txt'), 'TOP-SECRET');
  await mkdir(path.join(dir, 'outside'));
  await writeFile(path.join(dir, 'outside', 'secret.txt'), 'TOP-SECRET');
  await symlink(path.join(dir, 'secret.txt'), path.join(root, 'leak.txt'));
  await symlink(path.join(dir, 'outside'), path.join(root, 'leakdir'));
  await symlink(path.join(root, 'assets', 'app.js'), path.join(root, 'alias.js'));
  await symlink(path.join(dir, 'nowhere'), path.join(root, 'dangling.js'));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('resolveStaticPath', () => {
  it('maps / to index.html and asset paths to files under the root', async () => {
    expect(await resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(await resolveStaticPath(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(await resolveStaticPath(root, '/assets/%61pp.js')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it('allows .. that stays inside the root', async () => {
    expect(await resolveStaticPath(root, '/assets/../index.html')).toBe(path.join(root, 'index.html'));
  });

  it.each([
    '/..',
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/assets%2F..%2F..%2Fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..\\secret.txt',
    '/..%5csecret.txt',
    '/assets%5C..%5C..%5Csecret.txt',
    '/index.html%00',
    '/%00../secret.txt',
    '/../renderer-sibling/x',
  ])('refuses %s', async (pathname) => {
    expect(await resolveStaticPath(root, pathname)).toBeUndefined();
  });

  it('refuses absolute and non-rooted paths', async () => {
    expect(await resolveStaticPath(root, path.join(dir, 'secret.txt'))).toBeUndefined();
    expect(await resolveStaticPath(root, `/${path.join(dir, 'secret.txt')}`)).toBeUndefined();
    expect(await resolveStaticPath(root, encodeURIComponent(path.join(dir, 'secret.txt')))).toBeUndefined();
    expect(await resolveStaticPath(root, 'secret.txt')).toBeUndefined();
    expect(await resolveStaticPath(root, '')).toBeUndefined();
  });

  it('refuses malformed percent-encoding', async () => {
    expect(await resolveStaticPath(root, '/%E0%A4%A')).toBeUndefined();
    expect(await resolveStaticPath(root, '/%zz')).toBeUndefined();
  });

  it('does not follow a symlink out of the root, to a file or through a directory', async () => {
    expect(await resolveStaticPath(root, '/leak.txt')).toBeUndefined();
    expect(await resolveStaticPath(root, '/leakdir/secret.txt')).toBeUndefined();
  });

  it('follows a symlink that stays inside the root, and answers undefined for dangling or missing files', async () => {
    expect(await resolveStaticPath(root, '/alias.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(await resolveStaticPath(root, '/dangling.js')).toBeUndefined();
    expect(await resolveStaticPath(root, '/missing.js')).toBeUndefined();
  });

  it('works when the root itself is reached through a symlink', async () => {
    const linkedRoot = path.join(dir, 'linked-renderer');
    await symlink(root, linkedRoot);
    expect(await resolveStaticPath(linkedRoot, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(await resolveStaticPath(linkedRoot, '/leak.txt')).toBeUndefined();
  });
});
