/**
 * The `enroll-bench` command as one ES module bundle in the temporary folder, so a test can run the bench as
 * a separate process it can SIGKILL, without building the whole app (dist/ and the renderer).
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function bundleCli(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'eb-cli-'));
  const outfile = path.join(dir, 'cli.mjs');
  await build({
    stdin: {
      contents: `import { runCli } from './main/cli/cli';\nprocess.exitCode = await runCli(process.argv.slice(2));\n`,
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
