/** @vitest-environment jsdom */
import { describe, expect, it } from 'vitest';
import {
  bytesToBase64,
  fileTooLargeError,
  isIdentityFileName,
  MAX_UPLOAD_BYTES,
  readFileBase64,
} from '../../../renderer/setup/file-payload';

describe('file payload', () => {
  it('encodes bytes as standard base64, across chunk boundaries', () => {
    const bytes = new Uint8Array(100_003).map((_, i) => (i * 7 + 3) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });

  it('reads a File as base64', async () => {
    const file = new File(['<?xml version="1.0"?>'], 'a.mobileconfig');
    expect(await readFileBase64(file)).toBe(Buffer.from('<?xml version="1.0"?>').toString('base64'));
  });

  it('refuses a file over 5 MB without reading it, and takes exactly 5 MB', async () => {
    let read = false;
    const huge = {
      size: MAX_UPLOAD_BYTES + 1,
      arrayBuffer: async () => ((read = true), new ArrayBuffer(0)),
    } as Blob;
    expect(await readFileBase64(huge)).toBeUndefined();
    expect(read).toBe(false);
    const limit = new File([new Uint8Array(MAX_UPLOAD_BYTES)], 'limit.bin');
    expect((await readFileBase64(limit))?.length).toBe(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4);
    expect(fileTooLargeError.detail).toBe(
      'The file is larger than 5 MB; that is not an enrollment profile or identity.',
    );
  });

  it('sends .p12 and .pfx to the identity flow, everything else to the profile import', () => {
    expect(isIdentityFileName('Contoso.p12')).toBe(true);
    expect(isIdentityFileName('BACKUP.PFX')).toBe(true);
    expect(isIdentityFileName('Contoso.mobileconfig')).toBe(false);
    expect(isIdentityFileName('p12.pdf')).toBe(false);
  });
});
