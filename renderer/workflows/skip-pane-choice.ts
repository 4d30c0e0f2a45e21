/** Pure helpers for the skip-pane checklist: ticking panes in and out, and saved keys the catalogue lacks. */
import type { SkipPaneCatalogue } from '../../preload/jobs-domain';

/** `chosen` with `keys` ticked (added, in the order given) or unticked; no key twice. */
export function togglePanes(chosen: readonly string[], keys: readonly string[], on: boolean): string[] {
  if (!on) return chosen.filter((key) => !keys.includes(key));
  return [...chosen, ...keys.filter((key) => !chosen.includes(key))];
}

/** Saved keys this catalogue does not offer (a file written for another cfgutil), in saved order. */
export function unofferedPanes(
  catalogue: SkipPaneCatalogue | undefined,
  chosen: readonly string[],
): string[] {
  if (!catalogue) return [];
  const offered = new Set(catalogue.groups.flatMap((g) => g.panes.map((p) => p.key)));
  return chosen.filter((key) => !offered.has(key));
}
