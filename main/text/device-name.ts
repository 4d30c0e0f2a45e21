/**
 * A device's name as cfgutil reports it is outside text: the person who set up the phone chose it, and a hostile
 * device can report 100 KB of it. It passes the sanitiser and is capped here, where it enters the bench (the
 * device list), so the snapshot, every device event, the log and the UI carry at most this much.
 */
import { sanitizeText } from './sanitize-text';

/** iOS itself keeps names far shorter; 100 code points show any real name whole. */
export const MAX_DEVICE_NAME_LENGTH = 100;

export function safeDeviceName(name: string): string {
  return sanitizeText(name, { maxLength: MAX_DEVICE_NAME_LENGTH });
}
