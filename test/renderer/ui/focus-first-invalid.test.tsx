/** @vitest-environment jsdom */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { focusFirstInvalid } from '../../../renderer/ui/focus-first-invalid';

afterEach(cleanup);

describe('focusFirstInvalid', () => {
  it('focuses the first invalid control in document order, or the first control of an invalid group', () => {
    const { container } = render(
      <form>
        <input aria-label="ok" aria-invalid={false} />
        <fieldset aria-invalid>
          <legend>Panes</legend>
          <input type="checkbox" aria-label="first pane" />
        </fieldset>
        <input aria-label="later" aria-invalid />
      </form>,
    );
    const focused = focusFirstInvalid(container);
    expect(focused?.getAttribute('aria-label')).toBe('first pane');
    expect(document.activeElement).toBe(focused);
  });

  it('does nothing when nothing is invalid', () => {
    const { container } = render(<input aria-label="ok" />);
    expect(focusFirstInvalid(container)).toBeUndefined();
  });
});
