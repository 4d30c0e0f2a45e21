/**
 * Asks for the password of a dropped .p12 supervision identity: an inline, labelled dialog (never
 * `window.prompt`, which Electron does not support and which cannot be styled for a bench read from a metre away).
 *
 * The password lives in this form only while it is typed; submitting hands it over once and clears it.
 */
import { useEffect, useId, useRef, useState } from 'react';

export interface PasswordDialogProps {
  readonly fileName: string;
  readonly busy?: boolean;
  readonly onSubmit: (password: string) => void;
  readonly onCancel: () => void;
}

export function PasswordDialog({ fileName, busy = false, onSubmit, onCancel }: PasswordDialogProps) {
  const titleId = useId();
  const hintId = useId();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [password, setPassword] = useState('');
  useEffect(() => input.current?.focus(), []);
  return (
    <section
      role="dialog"
      aria-labelledby={titleId}
      aria-describedby={hintId}
      className="password-dialog"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h2 id={titleId}>Import supervision identity {fileName}</h2>
      <p id={hintId}>
        Type the password that was set when the identity was exported from Apple Configurator. Leave it empty
        if none was set.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const typed = password;
          setPassword('');
          onSubmit(typed);
        }}
      >
        <label htmlFor={inputId}>Password</label>
        <input
          ref={input}
          id={inputId}
          type="password"
          autoComplete="off"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="primary" disabled={busy}>
          Import identity
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </form>
    </section>
  );
}
