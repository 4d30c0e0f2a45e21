/** One labelled field with its hint and, when the bench refused it, the reason right below it. */
import { useId, type ReactElement } from 'react';

export interface SettingsFieldProps {
  readonly label: string;
  readonly hint?: string;
  readonly error?: string | undefined;
  /** Receives the ids to wire: the input's own, and what describes it. */
  readonly children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactElement;
}

export function SettingsField({ label, hint, error, children }: SettingsFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`settings-field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {hint && (
        <p id={hintId} className="settings-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="settings-error">
          {error}
        </p>
      )}
    </div>
  );
}

export interface NumberSettingsFieldProps {
  readonly label: string;
  readonly hint: string;
  readonly error: string | undefined;
  readonly min: number;
  readonly max: number;
  /** The text as typed: main judges it, so a half-typed value is not rounded away here. */
  readonly value: string;
  readonly onChange: (value: string) => void;
}

/** A whole-number setting with its bounds (the cap, the countdown). */
export function NumberSettingsField({ min, max, value, onChange, ...field }: NumberSettingsFieldProps) {
  return (
    <SettingsField {...field}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          value={value}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </SettingsField>
  );
}
