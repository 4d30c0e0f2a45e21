/**
 * After a save that was refused, the first field marked `aria-invalid` (or a form-level error) is scrolled into
 * view and focused, so the operator lands on the sentence beside it instead of looking for it off-screen.
 */
import { useEffect, type RefObject } from 'react';

/** The first invalid control inside `root`, or the first control inside an invalid group; focused. */
export function focusFirstInvalid(root: HTMLElement | null): HTMLElement | undefined {
  const first = root?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-error]');
  if (!first) return undefined;
  first.scrollIntoView?.({ block: 'center' });
  const target = first.matches('input, select, textarea, button')
    ? first
    : (first.querySelector<HTMLElement>('input:not([disabled]), select, textarea, button') ?? first);
  target.focus({ preventScroll: true });
  return target;
}

/** Focuses the first invalid field each time `attempt` grows (0: nothing tried yet). */
export function useFocusFirstInvalid(root: RefObject<HTMLElement | null>, attempt: number): void {
  useEffect(() => {
    if (attempt > 0) focusFirstInvalid(root.current);
  }, [root, attempt]);
}
