import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUnambiguousUrl } from '../../../main/profiles/intune-hosts';

describe('parseUnambiguousUrl', () => {
  it('refuses the backslash-userinfo trick that two parsers read as two different hosts', () => {
    const read = parseUnambiguousUrl(
      'https://r.manage.microsoft.com\\@mdm.attacker.example/EnrollmentServer',
    );
    expect(read).toMatchObject({ ok: false, problem: expect.stringMatching(/backslash/) });
  });

  it('refuses userinfo, spaces and a written host that is not the parsed one', () => {
    for (const text of [
      'https://r.manage.microsoft.com@mdm.attacker.example/',
      'https://user:pw@r.manage.microsoft.com/',
      'https://r.manage.microsoft.com%2F@mdm.attacker.example/',
      'https://r.manage.microsoft.com /x',
      'https://r.manage.microsoft.com\t.attacker.example/',
      'https://0x7f.1/',
    ]) {
      // Not a URL at all (undefined) is refused elsewhere; what matters is that none is accepted.
      expect(parseUnambiguousUrl(text)?.ok, text).not.toBe(true);
    }
  });

  it('accepts ordinary Intune URLs, with or without the default port, any case', () => {
    expect(parseUnambiguousUrl('https://r.manage.microsoft.com/EnrollmentServer/Discovery.svc')).toEqual({
      ok: true,
      protocol: 'https:',
      host: 'r.manage.microsoft.com',
    });
    expect(parseUnambiguousUrl('https://R.Manage.Microsoft.com:443/x?y#z')).toMatchObject({
      ok: true,
      host: 'r.manage.microsoft.com',
    });
    expect(parseUnambiguousUrl('not a url')).toBeUndefined();
  });

  it('accepts a URL only when the host as written is the host parsed (property)', () => {
    const tricky = fc.constantFrom('@', '\\', '/', ':', '%40', ' ', '.', 'a', '#', '?');
    fc.assert(
      fc.property(
        fc.webUrl({ withQueryParameters: true }),
        fc.array(tricky, { maxLength: 3 }),
        fc.nat(40),
        (url, extra, at) => {
          const cut = 'https://'.length + (at % 20);
          const text = url.slice(0, cut) + extra.join('') + url.slice(cut);
          const read = parseUnambiguousUrl(text);
          if (!read?.ok) return;
          const written = /^[a-z]+:\/\/([^/?#]*)/i.exec(text)?.[1]?.toLowerCase() ?? '';
          expect(written.replace(/:\d+$/, '')).toBe(read.host);
          expect(written).not.toContain('@');
          expect(text).not.toMatch(/[\\\s]/);
        },
      ),
    );
  });
});
