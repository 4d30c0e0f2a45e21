// Makes the app icon (assets/generated/icon.icns) from the one source image, assets/icon.png (1024 x 1024).
// macOS only: it uses Apple's own `sips` (resize) and `iconutil` (pack the .iconset), which ship with every
// macOS. `npm run dist` runs it first; it does nothing when the .icns is already newer than the source.
//
//   node main/build/make-icns.mjs            # assets/icon.png -> assets/generated/icon.icns
//   node main/build/make-icns.mjs SRC OUT    # another source or destination
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_SOURCE = path.join(root, 'assets/icon.png');
export const DEFAULT_OUTPUT = path.join(root, 'assets/generated/icon.icns');
export const SOURCE_SIZE = 1024;

/** The files iconutil expects in an .iconset: each point size at 1x and 2x (Apple's HIG icon sizes). */
export const ICONSET_ENTRIES = [16, 32, 128, 256, 512].flatMap((points) => [
  { pixels: points, file: `icon_${points}x${points}.png` },
  { pixels: points * 2, file: `icon_${points}x${points}@2x.png` },
]);

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk; throws with the fix when the bytes are not a PNG. */
export function readPngSize(bytes) {
  if (
    bytes.length < 24 ||
    !bytes.subarray(0, 8).equals(PNG_SIGNATURE) ||
    bytes.toString('latin1', 12, 16) !== 'IHDR'
  ) {
    throw new Error('The icon source is not a PNG file. Export the drawing as a 1024 x 1024 PNG.');
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const execFileAsync = promisify(execFile);
/** Runs one tool by absolute path with an argument array (never a shell). */
const runTool = (file, args) => execFileAsync(file, args).then(() => undefined);

/**
 * Resizes the source into a temporary .iconset and packs it. `run` is injectable so the steps can be checked
 * where sips and iconutil do not exist.
 */
export async function makeIcns({ source = DEFAULT_SOURCE, output = DEFAULT_OUTPUT, run = runTool } = {}) {
  const { width, height } = readPngSize(await readFile(source));
  if (width !== SOURCE_SIZE || height !== SOURCE_SIZE) {
    throw new Error(
      `The icon source is ${width} x ${height}; it must be ${SOURCE_SIZE} x ${SOURCE_SIZE} so every size is a downscale.`,
    );
  }
  const work = await mkdtemp(path.join(os.tmpdir(), 'enroll-bench-icon-'));
  const iconset = path.join(work, 'icon.iconset');
  try {
    await mkdir(iconset);
    for (const { pixels, file } of ICONSET_ENTRIES) {
      const size = String(pixels);
      await run('/usr/bin/sips', ['-z', size, size, source, '--out', path.join(iconset, file)]);
    }
    await mkdir(path.dirname(output), { recursive: true });
    await run('/usr/bin/iconutil', ['--convert', 'icns', '--output', output, iconset]);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return output;
}

async function isUpToDate(source, output) {
  try {
    return (await stat(output)).mtimeMs >= (await stat(source)).mtimeMs;
  } catch {
    return false;
  }
}

async function main(args) {
  const [source = DEFAULT_SOURCE, output = DEFAULT_OUTPUT] = args;
  if (process.platform !== 'darwin') {
    throw new Error(
      'make-icns needs macOS: it uses Apple\'s sips and iconutil. Run it (or "npm run dist") on a Mac.',
    );
  }
  if (await isUpToDate(source, output)) return;
  console.log(`make-icns: wrote ${path.relative(root, await makeIcns({ source, output }))}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`make-icns: ${error.message}`);
    process.exitCode = 1;
  });
}
