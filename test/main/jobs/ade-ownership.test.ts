/**
 * Whose supervised devices a workflow may erase (issue 26 item 2): the rule, over every read a device can give.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eraseOwnership, ownOrganizations } from '../../../main/jobs/ade-ownership';

const names = fc.constantFrom('Contoso Schools', 'Northwind Academy', 'Fabrikam', 'contoso schools', '');
const supervisedValue = fc.constantFrom<unknown>(true, false, undefined, 'true', 1, null);

describe('eraseOwnership', () => {
  it('is ours exactly when the device says supervised (true) under our name or a listed name', () => {
    fc.assert(
      fc.property(
        supervisedValue,
        fc.option(names, { nil: undefined }),
        fc.option(names, { nil: undefined }),
        fc.array(names, { maxLength: 3 }),
        (isSupervised, organizationName, ours, listed) => {
          const values = { isSupervised, organizationName } as never;
          const verdict = eraseOwnership(
            values,
            ours === undefined ? {} : { organizationName: ours },
            listed,
          );
          const own = ownOrganizations(ours === undefined ? {} : { organizationName: ours }, listed);
          if (isSupervised === false) expect(verdict).toBe('not-supervised');
          else if (isSupervised !== true || !organizationName) expect(verdict).toBe('unknown-supervisor');
          else expect(verdict).toBe(own.has(organizationName) ? 'ours' : 'other-organization');
        },
      ),
    );
  });

  it('never counts a name that differs only in case, and never an empty list as everyone', () => {
    const values = { isSupervised: true, organizationName: 'contoso schools' } as const;
    expect(eraseOwnership(values, {}, ['Contoso Schools'])).toBe('other-organization');
    expect(eraseOwnership(values, {}, [])).toBe('other-organization');
    expect(eraseOwnership({ isSupervised: true }, {}, ['Contoso Schools'])).toBe('unknown-supervisor');
    expect(eraseOwnership({}, { organizationName: 'Contoso Schools' }, [])).toBe('unknown-supervisor');
  });
});
