/**
 * The skip-pane checklist's words (issue 21 item 5): every pane a cfgutil offers is shown, named and grouped;
 * a key this table lacks gets a derived name in "Other" and is never dropped; keys stay cfgutil's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPaneKey, SKIP_PANES } from '../../../main/cfgutil/prepare-options';
import {
  catalogueKeys,
  derivedPaneName,
  KNOWN_LIST_NOTES,
  PANE_NAMES,
  readSkipPaneCatalogue,
  skipPaneCatalogue,
} from '../../../main/cfgutil/skip-pane-names';

const paneKey = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 4 })
  .map((words) => words.join('-'))
  .filter(isPaneKey);

describe('skipPaneCatalogue', () => {
  it('names every pane of the known list in a group of its own, never "Other"', () => {
    const catalogue = skipPaneCatalogue(undefined);
    expect(catalogue.source).toBe('known-list');
    expect(catalogue.note).toBe(KNOWN_LIST_NOTES['help-lists-none']);
    expect([...catalogueKeys(catalogue)].sort()).toEqual([...SKIP_PANES].sort());
    expect(catalogue.groups.map((g) => g.title)).not.toContain('Other');
    for (const key of SKIP_PANES) expect(Object.hasOwn(PANE_NAMES, key)).toBe(true);
  });

  it('uses people’s names for the keys cfgutil spells in lower case', () => {
    const names = new Map(
      skipPaneCatalogue(['appleid', 'tos', 'screentime', 'location']).groups.flatMap((g) =>
        g.panes.map((p) => [p.key, `${g.title} › ${p.name}`] as const),
      ),
    );
    expect(Object.fromEntries(names)).toEqual({
      appleid: 'Accounts and privacy › Apple Account',
      tos: 'Accounts and privacy › Terms and Conditions',
      screentime: 'Accounts and privacy › Screen Time',
      location: 'Accounts and privacy › Location Services',
    });
  });

  it('offers exactly the keys a cfgutil lists: unknown ones under "Other" with a derived name, none dropped', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.oneof(fc.constantFrom(...SKIP_PANES), paneKey), { minLength: 1 }),
        (listed) => {
          const catalogue = skipPaneCatalogue(listed);
          expect(catalogue.source).toBe('cfgutil');
          expect(catalogue.note).toBeUndefined();
          expect([...catalogueKeys(catalogue)].sort()).toEqual([...listed].sort());
          const other = catalogue.groups.find((g) => g.title === 'Other')?.panes ?? [];
          for (const key of listed.filter((k) => !Object.hasOwn(PANE_NAMES, k)))
            expect(other).toContainEqual({ key, name: derivedPaneName(key) });
          for (const group of catalogue.groups) expect(group.panes.length).toBeGreaterThan(0);
        },
      ),
    );
    expect(derivedPaneName('new-pane-2027')).toBe('New pane 2027');
  });
});

describe('readSkipPaneCatalogue', () => {
  it('falls back to the known list and says why: no cfgutil, a help naming none, a failed read', async () => {
    expect((await readSkipPaneCatalogue(undefined)).note).toBe(KNOWN_LIST_NOTES['no-cfgutil']);
    expect((await readSkipPaneCatalogue({})).note).toBe(KNOWN_LIST_NOTES['no-cfgutil']);
    const none = await readSkipPaneCatalogue({ skipPaneKeys: async () => undefined });
    expect(none).toMatchObject({ source: 'known-list', note: KNOWN_LIST_NOTES['help-lists-none'] });
    const onlyAll = await readSkipPaneCatalogue({ skipPaneKeys: async () => [] });
    expect(onlyAll.source).toBe('known-list');
    const failed = await readSkipPaneCatalogue({
      skipPaneKeys: async () => {
        throw new Error('spawn failed');
      },
    });
    expect(failed.source).toBe('known-list');
    const listed = await readSkipPaneCatalogue({ skipPaneKeys: async () => ['siri', 'holo-setup'] });
    expect([...catalogueKeys(listed)].sort()).toEqual(['holo-setup', 'siri']);
  });
});
