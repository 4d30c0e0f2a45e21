import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH, isSanitized, sanitizeText } from '../../../main/text/sanitize-text';

describe('sanitizeText', () => {
  it('leaves ordinary text, accents and emoji alone', () => {
    for (const text of [
      'Contoso Ltd',
      'Société Générale — Zürich',
      'iPad 📱 cart 3',
      'i.manage.microsoft.com',
    ])
      expect(sanitizeText(text)).toBe(text);
  });

  it('shows ESC and other C0 controls as control pictures, so no escape sequence reaches a terminal', () => {
    const forged = 'Configuration\u001b[2K\r\u001b[1mVerdict: READY\u001b[0m\u0007';
    const out = sanitizeText(forged);
    expect([...out].filter((c) => c.charCodeAt(0) < 0x20 || (c >= '\u007f' && c <= '\u009f'))).toEqual([]);
    expect(out).toBe('Configuration␛[2K ␛[1mVerdict: READY␛[0m␇');
  });

  it('turns tab, CR and LF into spaces so a value cannot start a new line', () => {
    expect(sanitizeText('a\nVerdict: READY\r\tb')).toBe('a Verdict: READY  b');
    // JSON.stringify leaves U+2028/U+2029 raw, and a viewer or a notification may break the line there.
    expect(sanitizeText('a\u2028Verdict: READY\u2029b')).toBe('a Verdict: READY b');
  });

  it('shows C1 controls (CSI U+009B) and DEL by code point', () => {
    expect(sanitizeText('x\u009b31my\u007f')).toBe('x<U+009B>31my␡');
  });

  it('shows every bidi control by its code point', () => {
    const bidi = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
    for (const char of bidi) {
      const out = sanitizeText(`invoice${char}gifnoc.mobileconfig`);
      expect(out).not.toContain(char);
      expect(out).toMatch(/^invoice<U\+20[26][0-9A-E]>gifnoc\.mobileconfig$/);
    }
    expect(sanitizeText('report\u202Egpj.mobileconfig')).toBe('report<U+202E>gpj.mobileconfig');
  });

  it('caps at about 200 characters with an ellipsis, whatever the input length', () => {
    const huge = 'A'.repeat(629 * 1024);
    const out = sanitizeText(huge);
    expect(Array.from(out)).toHaveLength(MAX_TEXT_LENGTH);
    expect(out.endsWith('…')).toBe(true);
    expect(sanitizeText('short', { maxLength: 3 })).toBe('sh…');
    expect(sanitizeText('a'.repeat(200))).toBe('a'.repeat(200));
  });

  it('never splits an emoji when capping, and repairs lone surrogates', () => {
    const out = sanitizeText('😀'.repeat(300));
    expect(Array.from(out)).toHaveLength(MAX_TEXT_LENGTH);
    expect(out).toBe(`${'😀'.repeat(199)}…`);
    expect(sanitizeText('a\ud800b\udc00c')).toBe('a\ufffdb\ufffdc');
  });

  it('names non-strings instead of printing them', () => {
    expect(sanitizeText(undefined)).toBe('');
    expect(sanitizeText(42)).toBe('42');
    expect(sanitizeText({ toString: () => '\u001b[31m' })).toBe('(object)');
    expect(sanitizeText(['x'])).toBe('(list)');
  });

  it('is idempotent: sanitised text passes again unchanged', () => {
    for (const text of ['a\u001bb', 'x\u202ey', 'Z'.repeat(500), 'ok']) {
      expect(isSanitized(sanitizeText(text))).toBe(true);
    }
    expect(isSanitized('a\u001bb')).toBe(false);
  });

  it('makes zero-width and other invisible characters visible', () => {
    expect(sanitizeText('ad\u200bmin')).toBe('ad<U+200B>min');
    expect(sanitizeText('a\u200cb\u2060c\ufeffd\u00ade\u180ef')).toBe(
      'a<U+200C>b<U+2060>c<U+FEFF>d<U+00AD>e<U+180E>f',
    );
    // A joiner between letters hides; between emoji it draws one picture and is kept.
    expect(sanitizeText('pay\u200dpal')).toBe('pay<U+200D>pal');
    expect(sanitizeText('\u200dx')).toBe('<U+200D>x');
    expect(sanitizeText('👩\u200d💻 and 👍🏽\u200d')).toBe('👩\u200d💻 and 👍🏽<U+200D>');
    expect(isSanitized(sanitizeText('a\u200bb'))).toBe(true);
  });

  it('leaves no invisible character in its output (property)', () => {
    const invisible = fc.constantFrom(
      '\u200b',
      '\u200c',
      '\u200d',
      '\u2060',
      '\ufeff',
      '\u00ad',
      'a',
      '👩',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(invisible, { maxLength: 30 }), (parts) => {
        const out = sanitizeText(parts.join(''));
        expect(out).not.toMatch(/[\u200b\u200c\u2060\ufeff\u00ad]/);
        // Any joiner left sits between two emoji.
        expect(out.replace(/👩\u200d(?=👩)/gu, '')).not.toContain('\u200d');
      }),
    );
  });
});
