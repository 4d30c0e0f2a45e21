/**
 * Text or a file pasted anywhere on the window (not into a text field) goes to the profile import, like a drop.
 * An operator who copied Intune's "Profile URL" and pastes it gets the bench's answer about that link, instead
 * of nothing happening; the import judges the bytes, so pasted text is never trusted for what it claims.
 */
import { useEffect, useRef } from 'react';

/** The name a pasted text carries into the import (shown on the refused-file card). */
export const PASTED_TEXT_NAME = 'Pasted text.txt';

function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** What a paste event carries as a file: its first file, or its plain text; undefined when neither. */
export function pastedFile(data: DataTransfer | null): File | undefined {
  if (!data) return undefined;
  const file = data.files[0];
  if (file) return file;
  const text = data.getData('text/plain');
  if (text.trim() === '') return undefined;
  return new File([text], PASTED_TEXT_NAME, { type: 'text/plain' });
}

export function useWindowPaste(onFile: (file: File) => void, target: Window = window): void {
  const latest = useRef(onFile);
  useEffect(() => {
    latest.current = onFile;
  }, [onFile]);
  useEffect(() => {
    const paste = (event: ClipboardEvent) => {
      if (event.defaultPrevented || typingInField(event.target)) return;
      const file = pastedFile(event.clipboardData);
      if (!file) return;
      event.preventDefault();
      latest.current(file);
    };
    target.addEventListener('paste', paste);
    return () => target.removeEventListener('paste', paste);
  }, [target]);
}
