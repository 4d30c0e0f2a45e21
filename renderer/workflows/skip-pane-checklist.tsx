/**
 * "Panes to skip" as a checklist: the panes the cfgutil in use can skip (main sends them, with people's names,
 * grouped), "Skip all panes" (cfgutil's --skip-all) and a "Select all" per group. What is saved stays cfgutil's
 * keys. A saved key this cfgutil does not offer stays visible, ticked, under "Not offered by this cfgutil", so
 * the operator can see it and untick it; it is never dropped silently.
 */
import { useId } from 'react';
import type { SkipPaneCatalogue, SkipPaneGroup } from '../../preload/jobs-domain';
import { togglePanes, unofferedPanes } from './skip-pane-choice';

export interface SkipPaneChecklistProps {
  readonly catalogue: SkipPaneCatalogue | undefined;
  readonly value: 'all' | readonly string[];
  readonly readOnly: boolean;
  readonly error?: string;
  readonly errorId?: string;
  readonly onChange: (value: 'all' | readonly string[]) => void;
}

export function SkipPaneChecklist(props: SkipPaneChecklistProps) {
  const { catalogue, value, readOnly, error, errorId, onChange } = props;
  const id = useId();
  const all = value === 'all';
  const chosen = all ? [] : value;
  const offered = catalogue?.groups ?? [];
  const extra = unofferedPanes(catalogue, chosen);
  const groups: SkipPaneGroup[] =
    extra.length > 0
      ? [
          ...offered,
          { title: 'Not offered by this cfgutil', panes: extra.map((key) => ({ key, name: key })) },
        ]
      : [...offered];
  const everyKey = offered.flatMap((g) => g.panes.map((p) => p.key));
  return (
    <fieldset
      className="pane-checklist"
      aria-invalid={error ? true : undefined}
      aria-describedby={error && errorId ? errorId : undefined}
      data-field-invalid={error ? 'true' : undefined}
    >
      <legend>Panes to skip</legend>
      <label className="check-field">
        <input
          type="checkbox"
          disabled={readOnly}
          checked={all}
          aria-describedby={`${id}-all-hint`}
          // Unticking "all" starts from every pane ticked: the operator then unticks the few to show.
          onChange={(e) => onChange(e.target.checked ? 'all' : everyKey)}
        />
        Skip all panes
      </label>
      <p className="hint" id={`${id}-all-hint`}>
        cfgutil&apos;s --skip-all; untick it to choose pane by pane.
      </p>
      {catalogue?.note && <p className="hint pane-note">{catalogue.note}</p>}
      {!catalogue && <p className="hint">Reading the panes this cfgutil can skip…</p>}
      {!all &&
        groups.map((group) => {
          const keys = group.panes.map((p) => p.key);
          const ticked = keys.filter((k) => chosen.includes(k)).length;
          return (
            <fieldset key={group.title} className="pane-group">
              <legend>{group.title}</legend>
              <label className="check-field pane-group-all">
                <input
                  type="checkbox"
                  disabled={readOnly}
                  checked={ticked === keys.length}
                  ref={(el) => {
                    if (el) el.indeterminate = ticked > 0 && ticked < keys.length;
                  }}
                  onChange={(e) => onChange(togglePanes(chosen, keys, e.target.checked))}
                />
                Select all in {group.title}
              </label>
              <div className="pane-options">
                {group.panes.map((pane) => (
                  <label key={pane.key} className="check-field" title={`--skip-${pane.key}`}>
                    <input
                      type="checkbox"
                      disabled={readOnly}
                      checked={chosen.includes(pane.key)}
                      onChange={(e) => onChange(togglePanes(chosen, [pane.key], e.target.checked))}
                    />
                    {pane.name}
                  </label>
                ))}
              </div>
            </fieldset>
          );
        })}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
