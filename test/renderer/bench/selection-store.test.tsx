/** @vitest-environment jsdom */
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toggle } from '../../../renderer/bench/grid-selection';
import {
  GridSelectingContext,
  createSelectionStore,
  useIsSelected,
  type GridSelecting,
} from '../../../renderer/bench/selection-store';

afterEach(cleanup);

describe('the selection store', () => {
  it('tells its listeners only when the selection changes', () => {
    const store = createSelectionStore();
    const listener = vi.fn();
    const off = store.subscribe(listener);
    store.set(store.get());
    expect(listener).not.toHaveBeenCalled();
    store.set(toggle(store.get(), '0xA'));
    expect(listener).toHaveBeenCalledTimes(1);
    off();
    store.set(toggle(store.get(), '0xA'));
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('re-renders only the card whose selection changed; undefined on a grid without selection', () => {
    const store = createSelectionStore();
    const renders: Record<string, number> = {};
    const seen: Record<string, boolean | undefined> = {};
    function Card({ ecid }: { readonly ecid: string }) {
      const selected = useIsSelected(ecid);
      renders[ecid] = (renders[ecid] ?? 0) + 1;
      seen[ecid] = selected;
      return null;
    }
    const selecting: GridSelecting = { store, onSelect: () => {} };
    render(
      <GridSelectingContext.Provider value={selecting}>
        {['0xA', '0xB', '0xC'].map((e) => (
          <Card key={e} ecid={e} />
        ))}
      </GridSelectingContext.Provider>,
    );
    expect(renders).toEqual({ '0xA': 1, '0xB': 1, '0xC': 1 });
    act(() => store.set(toggle(store.get(), '0xB')));
    expect(renders).toEqual({ '0xA': 1, '0xB': 2, '0xC': 1 });
    expect(seen['0xB']).toBe(true);
    cleanup();
    render(<Card ecid="0xD" />);
    expect(seen['0xD']).toBeUndefined();
  });
});
