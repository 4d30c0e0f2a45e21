import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeExport } from '../../../main/intune/decode-export';
import { graphFailure, IntuneError } from '../../../main/intune/intune-error';
import { binaryBytes, profileDict, xmlBytes } from '../profiles/profile-fixtures';

const xml = xmlBytes(profileDict());
const text = new TextDecoder().decode(xml);
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('decodeExport: the three forms', () => {
  it('XML text, base64 of XML (with line breaks) and base64 of binary plist give the plist bytes', () => {
    expect(decodeExport(text)).toEqual({ form: 'xml', bytes: xml });
    expect(decodeExport(b64(xml).replace(/(.{76})/g, '$1\r\n'))).toEqual({ form: 'base64-xml', bytes: xml });
    const binary = binaryBytes(profileDict());
    expect(decodeExport(b64(binary))).toEqual({ form: 'base64-xml', bytes: binary });
  });

  it('base64 of DER (first byte 0x30) is kept byte for byte as a signed profile', () => {
    const der = new Uint8Array([0x30, 0x82, 0x01, 0x00, 1, 2, 3, 4, 5]);
    expect(decodeExport(b64(der))).toEqual({ form: 'base64-signed', bytes: der });
  });

  it('any other text is refused in words, never thrown as something else', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (value) => {
        try {
          const decoded = decodeExport(value);
          // Whatever is accepted is one of the three forms, and the bytes round-trip for the text form.
          expect(['xml', 'base64-xml', 'base64-signed']).toContain(decoded.form);
        } catch (error) {
          expect(error).toBeInstanceOf(IntuneError);
          expect((error as IntuneError).reason).toBe('bad-export');
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('graphFailure: every status ends in words with the ids kept', () => {
  it('maps any status and body without losing request-id or Activity ID', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 400, max: 599 }),
        fc.oneof(fc.string({ maxLength: 200 }), fc.constant('{"error":{"code":"Forbidden","message":"x"}}')),
        fc.uuid(),
        fc.uuid(),
        (status, body, requestId, clientRequestId) => {
          const error = graphFailure('list the profiles', status, body, { requestId, clientRequestId });
          expect(error.info.title.length).toBeGreaterThan(5);
          expect(error.info.detail).toContain(`request-id ${requestId}`);
          expect(error.info.detail).toContain(`Activity ID ${clientRequestId}`);
          expect(error.info.code).not.toBe('internal');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('prefers Intune’s own Activity ID from the message when it differs from ours', () => {
    const body = JSON.stringify({
      error: {
        code: 'Forbidden',
        message:
          '{"Message":"User is not authorized to perform this operation - Activity ID: 11111111-2222-3333-4444-555555555555 - Url: x"}',
      },
    });
    const error = graphFailure('export', 403, body, {
      clientRequestId: 'aaaaaaaa-0000-0000-0000-000000000000',
    });
    expect(error.reason).toBe('missing-role');
    expect(error.info.detail).toContain('Activity ID 11111111-2222-3333-4444-555555555555');
  });
});
