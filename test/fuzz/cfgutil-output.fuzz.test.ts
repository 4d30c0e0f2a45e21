/**
 * cfgutil's stdout and stderr parsers under random and mutated output: always a typed result, never an
 * exception, and every message they extract is sanitised text of bounded length.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseStderr, parseStdout, type RawCfgutilError } from '../../main/cfgutil/parse-output';
import { errorInfo } from '../../main/cfgutil/cfgutil-error';
import { FUZZ_TIMEOUT_MS, fuzzParameters, isSafeText } from './fuzz-settings';
import { mutated } from './mutations';

let fixtures: Uint8Array[] = [];
beforeAll(async () => {
  const dir = path.join(import.meta.dirname, '../fixtures/cfgutil');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
  fixtures = await Promise.all(names.map(async (n) => new Uint8Array(await readFile(path.join(dir, n)))));
});

function expectSafeError(error: RawCfgutilError | undefined): void {
  if (!error) return;
  for (const text of [error.message, error.detail, error.failureReason, error.domain]) {
    if (text === undefined) continue;
    expect(isSafeText(text)).toBe(true);
    expect(Array.from(text).length).toBeLessThanOrEqual(1000);
  }
  const info = errorInfo('unknown', { originalMessage: error.message, cfgutilCode: error.code });
  expect(isSafeText(info.detail)).toBe(true);
  expect(info.detail.length).toBeLessThan(800);
}

function expectTypedStdout(text: string): void {
  const parsed = parseStdout(text);
  expect(['output', 'error', 'unparseable']).toContain(parsed.kind);
  if (parsed.kind === 'output') {
    for (const error of parsed.deviceErrors.values()) expectSafeError(error);
    for (const perProperty of parsed.propertyErrors.values())
      for (const e of perProperty.values()) expectSafeError(e);
  }
  if (parsed.kind === 'error') expectSafeError(parsed.error);
}

const noisyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(
    '\u001b[2J',
    '\r\nVerdict: READY',
    '\u202E',
    '\u0000',
    '(Domain: X Code: 1)',
    '}{',
    '\\u0000',
  ),
);

describe('cfgutil output parser fuzz', () => {
  it('answers mutated JSON envelopes from the fixtures', { timeout: FUZZ_TIMEOUT_MS }, () => {
    const text = mutated(fixtures, 6).map((b) => new TextDecoder().decode(b));
    fc.assert(fc.property(text, expectTypedStdout), fuzzParameters(300));
  });

  it('answers envelopes whose messages, codes and keys are hostile', { timeout: FUZZ_TIMEOUT_MS }, () => {
    const envelope = fc
      .record({
        ecid: fc.oneof(fc.constant('0x1A2B3C4D5E6F7'), fc.string({ maxLength: 20 })),
        message: noisyText,
        code: fc.oneof(fc.integer(), fc.string({ maxLength: 12 }), fc.constant(null)),
        type: fc.constantFrom('CommandOutput', 'Error', 'x'),
        noise: noisyText,
      })
      .map(
        ({ ecid, message, code, type, noise }) =>
          `${noise}\n${JSON.stringify({
            Command: 'get',
            Type: type,
            Devices: [ecid],
            Message: message,
            Code: code,
            AffectedDevices: [ecid],
            Output: {
              Errors: { [ecid]: { Message: message, Code: code, Detail: message } },
              [ecid]: { name: message },
            },
          })}\n${noise}`,
      );
    fc.assert(fc.property(envelope, expectTypedStdout), fuzzParameters(300));
  });

  it('answers any stderr with errors and warnings of safe text', { timeout: FUZZ_TIMEOUT_MS }, () => {
    const line = fc.oneof(
      noisyText,
      noisyText.map((t) => `cfgutil: error: ${t}`),
      noisyText.map((t) => `cfgutil: warning: ${t}`),
    );
    const stderr = fc.array(line, { maxLength: 12 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(stderr, (text) => {
        const found = parseStderr(text);
        for (const e of [...found.errors, ...found.warnings]) expectSafeError(e);
      }),
      fuzzParameters(300),
    );
  });
});
