/**
 * The header's tabs: the bench itself, the workflow editor, the cart's results, and the bench log.
 * A real tab list (arrow keys move between tabs), so every view is reachable by keyboard.
 */
import { useRef, type KeyboardEvent } from 'react';

export type BenchTab = 'bench' | 'workflows' | 'results' | 'log';

export const tabWords: Readonly<Record<BenchTab, string>> = {
  bench: 'Bench',
  workflows: 'Workflows',
  results: 'Results',
  log: 'Log',
};

const order: readonly BenchTab[] = ['bench', 'workflows', 'results', 'log'];

export function BenchTabs({
  tab,
  onTab,
}: {
  readonly tab: BenchTab;
  readonly onTab: (tab: BenchTab) => void;
}) {
  const refs = useRef<Partial<Record<BenchTab, HTMLButtonElement | null>>>({});
  const onKey = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const next = order[(order.indexOf(tab) + step + order.length) % order.length] ?? 'bench';
    onTab(next);
    refs.current[next]?.focus();
  };
  return (
    <div className="bench-tabs" role="tablist" aria-label="Views" onKeyDown={onKey}>
      {order.map((name) => (
        <button
          key={name}
          ref={(el) => {
            refs.current[name] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${name}`}
          aria-selected={tab === name}
          aria-controls={`panel-${name}`}
          tabIndex={tab === name ? 0 : -1}
          onClick={() => onTab(name)}
        >
          {tabWords[name]}
        </button>
      ))}
    </div>
  );
}
