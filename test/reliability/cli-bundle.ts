/**
 * The `enroll-bench` command as one ES module bundle in the temporary folder, so a test can run the bench as
 * a separate process (to SIGKILL it, or to see exactly the bytes a terminal would) without building the whole
 * app (dist/ and the renderer). The entry is `runCliProcess`, as main/bin/enroll-bench.mjs calls it, so the
 * process-level handlers are the real ones.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function bundleCli(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'eb-cli-'));
  const outfile = path.join(dir, 'cli.mjs');
  // The CLI finds its package folder by package.json (main/cli/package-root.ts): `serve` runs from here.
  await writeFile(path.join(dir, 'package.json'), '{"type": "module"}\n');
  await build({
    stdin: {
      contents: `import { runCliProcess } from './main/cli/cli';\nprocess.exitCode = await runCliProcess(process.argv.slice(2));\n`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    external: ['electron', 'usb'],
    logLevel: 'silent',
    // Bundled CommonJS dependencies call require(); give the ES module one.
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  return outfile;
}
