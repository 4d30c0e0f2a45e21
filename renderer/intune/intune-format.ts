/** Words for the Intune pane, kept apart from the components so they can be tested alone. */
import type { IntuneStatusView } from '../../preload/intune-domain';

export const CLOUD_CHOICES = [
  { name: 'global', label: 'Global (commercial, GCC)', confirmed: true },
  { name: 'usgov-high', label: 'US Government GCC High', confirmed: false },
  { name: 'usgov-dod', label: 'US Government DoD', confirmed: false },
  { name: 'china', label: 'China (21Vianet)', confirmed: false },
] as const;

const at = (ms: number): string => new Date(ms).toLocaleString();

export function statusRows(s: IntuneStatusView): [string, string][] {
  const rows: [string, string | undefined][] = [
    [
      'Connection',
      s.mode === 'simulated'
        ? 'Simulated (fake Intune on this Mac)'
        : s.mode === 'token-file'
          ? 'Token from a script’s file'
          : `Signed in${s.account ? ` as ${s.account}` : ''}`,
    ],
    ['Tenant', s.tenantId],
    ['Token', s.tokenExpiresAt ? `expires ${at(s.tokenExpiresAt)}` : s.tokenProblem],
    ['Sign-in kept', s.protection],
    ['Profile', s.selected?.name ?? 'none picked yet'],
    [
      'Last pull',
      s.lastPull
        ? `${at(s.lastPull.at)}${s.lastPull.unchanged ? ' (same file as before: its age still counts from the first fetch)' : ''}`
        : undefined,
    ],
    ['Next refresh', s.nextRefreshAt ? at(s.nextRefreshAt) : undefined],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== undefined);
}
