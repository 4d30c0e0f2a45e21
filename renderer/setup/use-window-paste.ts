/**
 * Text or a file pasted anywhere on the window (not into a text field) goes to the profile import, like a drop.
 * An operator who copied Intune's "Profile URL" and pastes it gets the bench's answer about that link, instead
 * of nothing happening; the import judges the bytes, so pasted text is never trusted for what it claims.
 */
import { useEffect, useRef } from 'react';

/** The name a pasted text carries into the import (shown on the refused-file card). */
export const PASTED_TEXT_NAME = 'Pasted text.txt';
/** The name a dragged link or text (from a browser tab, not a file) carries into the import. */
export const DROPPED_TEXT_NAME = 'Dropped link.txt';

function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * What a paste or a drop carries as a file: its first file, or its link or plain text as a small text file
 * named `name`; undefined when neither.
 */
export function pastedFile(
  data: DataTransfer | null | undefined,
  name: string = PASTED_TEXT_NAME,
): File | undefined {
  if (!data) return undefined;
  const file = data.files?.[0];
  if (file) return file;
  const text = data.getData('text/uri-list') || data.getData('text/plain');
  if (text.trim() === '') return undefined;
  return new File([text], name, { type: 'text/plain' });
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
