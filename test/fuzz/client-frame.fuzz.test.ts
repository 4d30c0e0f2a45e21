/**
 * The WebSocket client-frame parser under random and mutated frames: always one of its three typed answers,
 * with a usable id exactly when it says so.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseClientFrame } from '../../main/server/parse-client-frame';
import { FUZZ_TIMEOUT_MS, fuzzParameters } from './fuzz-settings';
import { mutated } from './mutations';

const valid = [
  '{"type":"invoke","id":1,"channel":"getSnapshot","args":[]}',
  '{"type":"invoke","id":42,"channel":"simulate","args":[{"type":"attach","class":"iPhone"}]}',
  '{"type":"invoke","id":7,"channel":"importProfile","args":[{"fileName":"a.mobileconfig","base64":"AAAA"}]}',
].map((s) => new TextEncoder().encode(s));

function expectTyped(text: string): void {
  const frame = parseClientFrame(text);
  switch (frame.kind) {
    case 'invoke':
      expect(Number.isSafeInteger(frame.request.id) && frame.request.id >= 0).toBe(true);
      expect(typeof frame.request.channel).toBe('string');
      expect(Array.isArray(frame.request.args)).toBe(true);
      break;
    case 'bad-request':
      expect(Number.isSafeInteger(frame.id) && frame.id >= 0).toBe(true);
      expect(frame.detail.length).toBeGreaterThan(0);
      break;
    case 'unusable':
      expect(frame.detail.length).toBeGreaterThan(0);
      break;
    default:
      throw new Error(`untyped frame ${JSON.stringify(frame)}`);
  }
}

describe('WebSocket client-frame parser fuzz', () => {
  it('answers mutated real frames', { timeout: FUZZ_TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(
        mutated(valid, 5).map((b) => new TextDecoder().decode(b)),
        expectTyped,
      ),
      fuzzParameters(1000),
    );
  });

  it('answers any JSON value and any text', { timeout: FUZZ_TIMEOUT_MS }, () => {
    const frame = fc.oneof(
      fc.json({ maxDepth: 3 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc
        .record(
          {
            type: fc.anything({ maxDepth: 1 }),
            id: fc.anything({ maxDepth: 1 }),
            channel: fc.anything({ maxDepth: 1 }),
            args: fc.anything({ maxDepth: 2 }),
          },
          { requiredKeys: [] },
        )
        .map((o) => JSON.stringify(o) ?? ''),
    );
    fc.assert(fc.property(frame, expectTyped), fuzzParameters(1000));
  });
});
