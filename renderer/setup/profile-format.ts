/** Small, pure wording helpers shared by the profile and identity cards. */
import type { ProfileFindingSeverity, ProfileVerdict } from '../../preload/domain';
import type { ProfileIconName } from './profile-icon';

export const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export const verdictView: Readonly<
  Record<ProfileVerdict, { readonly word: string; readonly icon: ProfileIconName; readonly tone: string }>
> = {
  ready: { word: 'Ready', icon: 'ok', tone: 'ready' },
  'ready-with-warnings': { word: 'Ready, with warnings', icon: 'warning', tone: 'attention' },
  expired: { word: 'Expired: runs blocked', icon: 'stop', tone: 'error' },
  unusable: { word: 'Refused', icon: 'stop', tone: 'error' },
};

export const severityView: Readonly<
  Record<ProfileFindingSeverity, { readonly word: string; readonly icon: ProfileIconName }>
> = {
  error: { word: 'Problem', icon: 'stop' },
  warning: { word: 'Warning', icon: 'warning' },
  info: { word: 'OK', icon: 'info' },
};

/** The first file of a drop or a file input, if any. */
export function firstFile(list: FileList | null | undefined): File | undefined {
  return list && list.length > 0 ? (list[0] ?? undefined) : undefined;
}
