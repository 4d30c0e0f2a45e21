/**
 * One count in a row of counts ("3 done", "1 failed"), as the bench header and the results show them: the
 * number in bold, its word, and the icon and tone that make it readable from a metre away.
 */
import type { StatusIconName } from './status-icon';
import { StatusIcon } from './status-icon';

export interface CountItemProps {
  readonly count: number;
  readonly word: string;
  readonly icon?: StatusIconName;
  /** The class that colours the count (count-done, count-failed, ...), when it has one. */
  readonly tone?: string | undefined;
}

export function CountItem({ count, word, icon, tone }: CountItemProps) {
  return (
    <li className={tone}>
      {icon && <StatusIcon name={icon} />}
      <strong>{count}</strong> {word}
    </li>
  );
}
