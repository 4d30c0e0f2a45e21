/**
 * The profile loader under random and mutated input: every file gets a typed verdict, its words are safe text of
 * bounded length, and nothing is accepted whose plist would exceed the budget once expanded (work is counted by
 * measuring the accepted plist again, not by the clock).
 */
import fc from 'fast-check';
import { buildBinary, build, type PlistValue } from 'plist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBinaryPlistGraph } from '../../main/profiles/binary-plist-graph';
import { loadProfile } from '../../main/profiles/load-profile';
import { measureBinaryPlist } from '../../main/profiles/measure-binary-plist';
import { measureXmlPlist } from '../../main/profiles/measure-xml-plist';
import { MAX_EXPANDED_BYTES, MAX_PLIST_DEPTH, MAX_PLIST_VALUES } from '../../main/profiles/plist-budget';
import { summarizeProfile } from '../../main/profiles/summarize-profile';
import { exponentialArrays, sharedStringBomb, withBom } from '../main/profiles/plist-bombs';
import { binaryBytes, fuzzSeedFiles, makeWorkDir, profileDict } from '../main/profiles/profile-fixtures';
import { FUZZ_TIMEOUT_MS, fuzzParameters, isSafeText, within } from './fuzz-settings';
import { mutated } from './mutations';

let work: Awaited<ReturnType<typeof makeWorkDir>>;
let fixtures: Uint8Array[] = [];

beforeAll(async () => {
  work = await makeWorkDir();
  fixtures = [
    ...(await fuzzSeedFiles(work.dir)).map((file) => file.bytes),
    exponentialArrays(24),
    withBom(binaryBytes(profileDict())),
  ];
});
afterAll(async () => {
  await work.cleanup();
});

/** Whether the plist inside an accepted file fits the budget, measured independently of the loader. */
function measuredWithinBudget(bytes: Uint8Array): boolean {
  const graph = readBinaryPlistGraph(bytes);
  const measure =
    'kind' in graph
      ? measureXmlPlist(new TextDecoder().decode(bytes).trimStart())
      : measureBinaryPlist(graph);
  if ('kind' in measure) return false;
  return (
    measure.values <= MAX_PLIST_VALUES &&
    measure.expandedBytes <= MAX_EXPANDED_BYTES &&
    measure.depth <= MAX_PLIST_DEPTH
  );
}

async function expectTypedVerdict(bytes: Uint8Array): Promise<void> {
  const result = await within(10_000, 'loadProfile', loadProfile(bytes, 'fuzz.mobileconfig'));
  expect(typeof result.ok).toBe('boolean');
  if (!result.ok) {
    expect(result.finding.severity).toBe('error');
    expect(result.finding.code).toMatch(/^(file|cms|plist)-/);
  } else if (result.fileKind !== 'signed-profile') {
    expect(measuredWithinBudget(bytes)).toBe(true);
  }
  const summary = summarizeProfile(result, { fileName: 'fuzz', importedAt: 0, now: Date.now() });
  expect(['ready', 'ready-with-warnings', 'expired', 'unusable']).toContain(summary.verdict);
  for (const f of summary.findings) {
    expect(isSafeText(f.message)).toBe(true);
    expect(f.message.length).toBeLessThanOrEqual(1500);
  }
  for (const text of [
    summary.fileName,
    summary.displayName,
    summary.organization,
    summary.mdmHost,
    summary.payloadIdentifier,
  ]) {
    if (text === undefined) continue;
    expect(isSafeText(text)).toBe(true);
    expect(Array.from(text).length).toBeLessThanOrEqual(200);
  }
}

/** Plist values with hostile strings (controls, bidi, long runs), nested a little. */
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u001b[2K\rVerdict: READY',
    'a\u202Eb',
    'https://evil.example/x',
    '__proto__',
    'x'.repeat(3000),
  ),
);
const { value: plistValue } = fc.letrec<{ value: PlistValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc.boolean(),
    fc.uint8Array({ maxLength: 32 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }),
  ),
}));

/** An Intune-shaped profile with hostile values planted at known places. */
const plantedProfile = fc
  .record({
    payloadType: fc.option(hostileString, { nil: undefined }),
    displayName: hostileString,
    organization: hostileString,
    serverUrl: fc.oneof(hostileString, fc.constant('https://i.manage.microsoft.com/x')),
    extra: fc.dictionary(fc.string({ maxLength: 12 }), plistValue, { maxKeys: 4 }),
  })
  .map(({ payloadType, displayName, organization, serverUrl, extra }) => {
    const dict = profileDict({ serverUrl, ...(payloadType === undefined ? {} : { payloadType }) });
    return { ...dict, PayloadDisplayName: displayName, PayloadOrganization: organization, ...extra };
  });

function serialise(dict: { [key: string]: PlistValue }, binary: boolean): Uint8Array {
  if (binary) return buildBinary(dict);
  try {
    return new TextEncoder().encode(build(dict));
  } catch {
    return buildBinary(dict); // the XML builder refuses control characters; the binary one takes anything
  }
}

describe('profile loader fuzz', () => {
  it('answers mutated fixtures with a typed verdict', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    await fc.assert(fc.asyncProperty(mutated(fixtures), expectTypedVerdict), fuzzParameters(120));
  });

  it('answers random bytes behind every magic the sniffer knows', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const magic = fc.constantFrom(
      '',
      'bplist00',
      '\ufeffbplist00',
      ' <?xml ',
      '<plist>',
      '%PDF',
      'PK\u0003\u0004',
      '-----BEGIN ',
      '0\u0080',
      '{',
      '(',
    );
    const input = fc.tuple(magic, fc.uint8Array({ maxLength: 1024 })).map(([m, body]) => {
      const head = new TextEncoder().encode(m);
      const out = new Uint8Array(head.length + body.length);
      out.set(head);
      out.set(body, head.length);
      return out;
    });
    await fc.assert(fc.asyncProperty(input, expectTypedVerdict), fuzzParameters(150));
  });

  it(
    'answers profiles with hostile values planted in them, XML and binary',
    { timeout: FUZZ_TIMEOUT_MS },
    async () => {
      await fc.assert(
        fc.asyncProperty(plantedProfile, fc.boolean(), async (dict, binary) =>
          expectTypedVerdict(serialise(dict, binary)),
        ),
        fuzzParameters(80),
      );
    },
  );

  it(
    'refuses every mutation of the 200 KB bomb that still expands past the budget',
    { timeout: FUZZ_TIMEOUT_MS },
    async () => {
      const bomb = sharedStringBomb();
      await fc.assert(fc.asyncProperty(mutated([bomb], 2), expectTypedVerdict), fuzzParameters(10));
    },
  );
});
