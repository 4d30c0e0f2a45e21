/**
 * Files dragged anywhere over the window: reports whether a drag is in progress (for the overlay) and hands
 * the dropped file over. Without this, a file dropped outside the profile card would make the window navigate
 * to it (Electron and browsers open dropped files by default).
 */
import { useEffect, useRef, useState } from 'react';
import { DROPPED_TEXT_NAME, pastedFile } from './use-window-paste';

/** A file, or a link dragged from a browser tab (Intune's Setup Assistant URL is one operators try). */
function carriesFiles(event: DragEvent): boolean {
  const types = Array.from(event.dataTransfer?.types ?? []);
  return types.includes('Files') || types.includes('text/uri-list');
}

export function useWindowFileDrop(onFile: (file: File) => void, target: Window = window): boolean {
  const [dragging, setDragging] = useState(false);
  const latest = useRef(onFile);
  useEffect(() => {
    latest.current = onFile;
  }, [onFile]);

  useEffect(() => {
    // enter/leave fire for every element crossed; a counter tells leaving the window from moving inside it.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth += 1;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      depth = 0;
      setDragging(false);
      // A drop zone inside the page (the profile card) that took the file has already prevented the default.
      if (event.defaultPrevented || !carriesFiles(event)) return;
      event.preventDefault();
      const file = pastedFile(event.dataTransfer, DROPPED_TEXT_NAME);
      if (file) latest.current(file);
    };
    const end = () => {
      depth = 0;
      setDragging(false);
    };
    target.addEventListener('dragenter', enter);
    target.addEventListener('dragover', over);
    target.addEventListener('dragleave', leave);
    target.addEventListener('drop', drop);
    target.addEventListener('dragend', end);
    return () => {
      target.removeEventListener('dragenter', enter);
      target.removeEventListener('dragover', over);
      target.removeEventListener('dragleave', leave);
      target.removeEventListener('drop', drop);
      target.removeEventListener('dragend', end);
    };
  }, [target]);

  return dragging;
}
