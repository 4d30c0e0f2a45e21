// Builds everything the app runs from dist/: the Node CLI and services, the Electron main and preload
// bundles, the simulated cfgutil, and the renderer (Vite). Run by `npm run build`, and by the launcher
// whenever dist/ is missing or older than the sources.
import { build as esbuild } from 'esbuild';
import { writeFile, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist');

// Native and Electron modules stay external: usb loads its prebuild from its own package folder
// (./README.md B3), and electron exists only inside the Electron runtime.
const external = ['electron', 'usb'];

const nodeEsm = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: 'linked',
  external,
  logLevel: 'warning',
  // ESM bundles still meet CommonJS dependencies (ws): give them a real require.
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
};

export async function buildAll({ quiet = false } = {}) {
  const started = Date.now();
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  await Promise.all([
    esbuild({
      ...nodeEsm,
      entryPoints: {
        cli: path.join(root, 'main/cli/cli.ts'),
        'sim-cfgutil': path.join(root, 'main/sim/sim-cfgutil-entry.ts'),
      },
      outdir: path.join(dist, 'main'),
      outExtension: { '.js': '.mjs' },
    }),
    esbuild({
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: 'linked',
      external,
      logLevel: 'warning',
      entryPoints: { 'electron-main': path.join(root, 'main/electron/electron-main.ts') },
      outdir: path.join(dist, 'main'),
      outExtension: { '.js': '.cjs' },
    }),
    // The sandboxed preload may require only `electron`: one self-contained CommonJS file.
    esbuild({
      bundle: true,
      platform: 'browser',
      target: 'chrome130',
      format: 'cjs',
      external: ['electron'],
      logLevel: 'warning',
      entryPoints: { preload: path.join(root, 'preload/index.ts') },
      outdir: path.join(dist, 'preload'),
      outExtension: { '.js': '.cjs' },
    }),
  ]);
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: quiet ? 'error' : 'warn' });
  await writeFile(path.join(dist, '.build-stamp'), String(Date.now()));
  if (!quiet) console.log(`enroll-bench: built dist/ in ${Date.now() - started} ms`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildAll().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
