import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

interface MakeIcnsModule {
  readonly ICONSET_ENTRIES: readonly { pixels: number; file: string }[];
  readPngSize(bytes: Buffer): { width: number; height: number };
  makeIcns(options: {
    source?: string;
    output?: string;
    run?: (file: string, args: string[]) => Promise<void>;
  }): Promise<string>;
}

const scriptPath = path.resolve('main/build/make-icns.mjs');
const { ICONSET_ENTRIES, makeIcns, readPngSize } = (await import(scriptPath)) as MakeIcnsModule;

/** Stands in for sips and iconutil: records each call and writes the file the real tool would write. */
function fakeTools() {
  const calls: { file: string; args: string[] }[] = [];
  const run = async (file: string, args: string[]) => {
    calls.push({ file, args });
    if (file === '/usr/bin/sips') await writeFile(args[args.indexOf('--out') + 1]!, 'png');
    if (file === '/usr/bin/iconutil') {
      const iconset = args.at(-1)!;
      for (const { file: name } of ICONSET_ENTRIES) await readFile(path.join(iconset, name));
      await writeFile(args[args.indexOf('--output') + 1]!, 'icns');
    }
  };
  return { calls, run };
}

function pngHeader(width: number, height: number): Buffer {
  const bytes = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes, 0);
  bytes.writeUInt32BE(13, 8);
  bytes.write('IHDR', 12, 'latin1');
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  return bytes;
}

describe('make-icns', () => {
  it('resizes the 1024 px source into every iconset size, then packs it with iconutil', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'icns-'));
    const output = path.join(dir, 'out/icon.icns');
    const tools = fakeTools();
    await makeIcns({ source: 'assets/icon.png', output, run: tools.run });

    const sips = tools.calls.filter((c) => c.file === '/usr/bin/sips');
    expect(sips.map((c) => [c.args[1], path.basename(c.args.at(-1)!)])).toEqual([
      ['16', 'icon_16x16.png'],
      ['32', 'icon_16x16@2x.png'],
      ['32', 'icon_32x32.png'],
      ['64', 'icon_32x32@2x.png'],
      ['128', 'icon_128x128.png'],
      ['256', 'icon_128x128@2x.png'],
      ['256', 'icon_256x256.png'],
      ['512', 'icon_256x256@2x.png'],
      ['512', 'icon_512x512.png'],
      ['1024', 'icon_512x512@2x.png'],
    ]);
    expect(tools.calls.at(-1)).toMatchObject({ file: '/usr/bin/iconutil' });
    expect(tools.calls.at(-1)!.args.at(-1)).toMatch(/icon\.iconset$/);
    expect(await readFile(output, 'utf8')).toBe('icns');
    // The temporary iconset is gone.
    expect(existsSync(tools.calls.at(-1)!.args.at(-1)!)).toBe(false);
  });

  it('refuses a source that is not 1024 x 1024, or not a PNG, before running any tool', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'icns-'));
    const small = path.join(dir, 'small.png');
    await writeFile(small, pngHeader(512, 512));
    const svg = path.join(dir, 'icon.svg');
    await writeFile(svg, '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const tools = fakeTools();
    await expect(
      makeIcns({ source: small, output: path.join(dir, 'a.icns'), run: tools.run }),
    ).rejects.toThrow(/512 x 512; it must be 1024 x 1024/);
    await expect(makeIcns({ source: svg, output: path.join(dir, 'a.icns'), run: tools.run })).rejects.toThrow(
      /not a PNG/,
    );
    expect(tools.calls).toEqual([]);
  });

  it('reads the size of the real source image', async () => {
    expect(readPngSize(await readFile('assets/icon.png'))).toEqual({ width: 1024, height: 1024 });
  });

  it.skipIf(process.platform === 'darwin')('says it needs macOS when run elsewhere', async () => {
    const run = promisify(execFile)(process.execPath, [scriptPath, 'assets/icon.png', '/tmp/never.icns']);
    await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/needs macOS/) });
  });
});
