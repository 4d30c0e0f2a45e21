/**
 * The Dock badge: how many devices wait for a person, so an operator across the room sees it.
 * Empty (no badge) when none does.
 */
import type { JobActivity } from './job-activity';

/** `app.dock` on macOS; absent elsewhere. */
export interface DockLike {
  setBadge(text: string): void;
}

export function showWaitingOnDock(activity: JobActivity, dock: DockLike | undefined): () => void {
  if (!dock) return () => {};
  let shown = '';
  const update = () => {
    const waiting = activity.waitingForPerson();
    const text = waiting === 0 ? '' : String(waiting);
    if (text === shown) return;
    shown = text;
    dock.setBadge(text);
  };
  const stop = activity.onChange(update);
  return () => {
    stop();
    if (shown !== '') dock.setBadge('');
  };
}
