/**
 * Files at (or just under) the 5 MB cap that cost the most to judge: the largest well-formed profiles the
 * budget lets through, the bombs and floods it must refuse, and signed copies. Shared by the benchmark.
 */
import { buildBinary } from 'plist';
import { MAX_PROFILE_BYTES } from '../../main/profiles/detect-file-kind';
import { MAX_PLIST_VALUES, MAX_XML_CHARS, MAX_XML_REFERENCES } from '../../main/profiles/plist-budget';
import { bplist, exponentialArrays, sharedStringBomb, withBom } from '../main/profiles/plist-bombs';
import { makeSigner, makeWorkDir, profileDict, signBytes, xmlBytes } from '../main/profiles/profile-fixtures';

export interface HostileFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

const CAP = MAX_PROFILE_BYTES - 64 * 1024;
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A valid Intune-shaped profile padded with `values` extra values sharing `padBytes` of text between them. */
function paddedProfile(values: number, padBytes: number): ReturnType<typeof profileDict> {
  const dict = profileDict();
  const each = Math.floor(padBytes / values);
  dict.Padding = Array.from({ length: values }, (_, i) => `${i}`.padEnd(each, 'p'));
  return dict;
}

function xmlFlood(element: string, size = CAP): Uint8Array {
  const head =
    '<?xml version="1.0"?><plist version="1.0"><dict><key>PayloadType</key><string>Configuration</string><key>X</key><array>';
  const tail = '</array></dict></plist>';
  const count = Math.max(1, Math.floor((size - head.length - tail.length) / element.length));
  return encode(head + element.repeat(count) + tail);
}

export async function hostileFiles(): Promise<{ files: HostileFile[]; cleanup: () => Promise<void> }> {
  const work = await makeWorkDir();
  const signer = await makeSigner(
    work.dir,
    'Bench Signer',
    new Date(Date.now() - 1000),
    new Date(Date.now() + 86_400_000),
  );
  // XML at its own budget: just under 1 MB of text and the value limit, with a few hundred entities.
  const budgetXml = xmlBytes(paddedProfile(MAX_PLIST_VALUES / 4, MAX_XML_CHARS - 300 * 1024));
  const budgetBinary = buildBinary(paddedProfile(MAX_PLIST_VALUES - 200, CAP - 1024 * 1024));
  const random = new Uint8Array(CAP);
  for (let i = 0; i < random.length; i++) random[i] = (i * 2654435761) >>> 24;
  const files: HostileFile[] = [
    { name: 'XML profile at the XML budget (1 MB)', bytes: budgetXml },
    {
      name: 'XML profile at the reference budget',
      bytes: xmlFlood(
        `<string>${'&amp;'.repeat(Math.floor(MAX_XML_REFERENCES / 20) - 1)}</string>`,
        20 * 5 * (MAX_XML_REFERENCES / 20) + 400,
      ),
    },
    { name: 'binary profile at the value budget', bytes: budgetBinary },
    { name: 'signed XML profile at the XML budget', bytes: await signBytes(work.dir, budgetXml, signer) },
    {
      name: 'XML with one 1 MB string',
      bytes: xmlFlood('x'.repeat(MAX_XML_CHARS - 300), MAX_XML_CHARS - 100),
    },
    { name: 'XML with one 5 MB string', bytes: xmlFlood('x'.repeat(CAP - 200)) },
    { name: 'XML flood of 700,000 <true/>', bytes: xmlFlood('<true/>') },
    { name: 'XML flood of &amp; entities', bytes: xmlFlood('<string>' + '&amp;'.repeat(1000) + '</string>') },
    { name: 'XML 5 MB of unclosed <array', bytes: xmlFlood('<array ') },
    { name: 'binary 199 MB shared-string bomb (200 KB)', bytes: sharedStringBomb() },
    {
      name: 'binary shared-string bomb at 5 MB',
      bytes: bplist(
        [
          { array: new Array<number>(CAP - 2000).fill(1) },
          { bytes: [0x5f, 0x11, 0x03, 0xe8, ...new Array<number>(1000).fill(0x78)] },
        ],
        1,
      ),
    },
    { name: 'binary 2^40 exponential arrays', bytes: exponentialArrays(40) },
    {
      name: 'signed BOM + 2^40 arrays',
      bytes: await signBytes(work.dir, withBom(exponentialArrays(40)), signer),
    },
    {
      name: 'binary 5 MB of distinct objects',
      bytes: buildBinary({ PayloadType: 'Configuration', X: Array.from({ length: 450_000 }, (_, i) => i) }),
    },
    { name: 'random bytes, 5 MB', bytes: random },
    {
      name: 'DER-looking garbage, 5 MB',
      bytes: new Uint8Array([0x30, 0x84, 0x00, 0x4f, 0x00, 0x00, ...random.subarray(6)]),
    },
  ];
  return { files, cleanup: work.cleanup };
}
