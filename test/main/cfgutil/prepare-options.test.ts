import { describe, expect, it } from 'vitest';
import { SKIP_PANES, checkPrepareOptions, prepareArgs } from '../../../main/cfgutil/prepare-options';

describe('prepareArgs', () => {
  it('emits nothing for empty options', () => {
    expect(prepareArgs({})).toEqual([]);
  });

  it('emits one --skip-<pane> per pane of the §8.3 list', () => {
    const args = prepareArgs({ skip: SKIP_PANES });
    expect(args).toHaveLength(44);
    expect(args).toContain('--skip-imessage-and-facetime');
    expect(args).toContain('--skip-where-is-this-apple-tv');
    expect(args.every((a) => a.startsWith('--skip-'))).toBe(true);
  });

  it('uses --locale, never --region, and has no MDM URL flag', () => {
    const args = prepareArgs({ language: 'fr', locale: 'fr_CA', dep: true });
    expect(args).toEqual(['--dep', '--language', 'fr', '--locale', 'fr_CA']);
    expect(args.some((a) => a.includes('region') || a.includes('mdm'))).toBe(false);
  });
});

describe('checkPrepareOptions', () => {
  it.each([
    [{ name: 'Contoso' }, undefined],
    [{ language: 'zh-Hans', locale: 'zh_CN' }, undefined],
    [{ name: '' }, 'organization name'],
    [{ name: '-n' }, 'organization name'],
    [{ hostCert: 'cert.der' }, 'absolute path'],
    [{ language: 'en;rm' }, 'language'],
    [{ locale: '--skip-all' }, 'locale'],
  ])('checks %j', (options, problem) => {
    const found = checkPrepareOptions(options);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
  });
});
