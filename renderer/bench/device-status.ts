/**
 * How a device's state is shown: always an icon, a word and a colour together, never colour alone, so the
 * bench reads correctly for colour-blind operators and on washed-out projectors.
 */
import type { DeviceMode } from '../../preload/domain';
import type { StatusIconName, StatusTone } from '../ui/status-icon';

export interface StatusLook {
  readonly word: string;
  /** One line saying what it means for the operator. */
  readonly hint: string;
  readonly tone: StatusTone;
  readonly icon: StatusIconName;
}

export function describeMode(mode: DeviceMode): StatusLook {
  switch (mode) {
    case 'normal':
      return {
        word: 'Connected',
        hint: 'Booted normally and talking to the bench.',
        tone: 'ready',
        icon: 'check',
      };
    case 'recovery':
      return {
        word: 'Recovery mode',
        hint: 'Needs a restore before it can be prepared.',
        tone: 'attention',
        icon: 'warning',
      };
    case 'dfu':
      return {
        word: 'DFU mode',
        hint: 'Needs a restore before it can be prepared.',
        tone: 'attention',
        icon: 'warning',
      };
    case 'other':
      return {
        word: 'Unknown mode',
        hint: 'The bench cannot tell what state this device is in.',
        tone: 'unknown',
        icon: 'question',
      };
  }
}
