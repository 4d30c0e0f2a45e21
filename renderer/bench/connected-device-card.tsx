/**
 * A device card fed from the store by ECID. Memoised, and subscribed only to its own device, job, facts and
 * refusal, so one device's progress re-renders one card (test/renderer/bench/connected-device-card.test.tsx).
 */
import { memo, useContext } from 'react';
import type { Ecid } from '../../preload/domain';
import { useBench } from '../state/bench-store';
import { benchDevice } from '../state/bench-devices';
import { CardActionsContext } from './card-actions';
import { GridSelectingContext, useIsSelected } from './selection-store';
import { DeviceCard } from './device-card';
import { useCountdownClock } from './use-countdown-clock';

export interface ConnectedDeviceCardProps {
  readonly ecid: Ecid;
  readonly compact: boolean;
}

export const ConnectedDeviceCard = memo(function ConnectedDeviceCard({
  ecid,
  compact,
}: ConnectedDeviceCardProps) {
  // Attached, or off USB while its job goes on (restarting): the card stays, marked away.
  const device = useBench((s) => benchDevice(s, ecid));
  const job = useBench((s) => s.jobs[ecid]);
  const facts = useBench((s) => s.facts[ecid]);
  const actionError = useBench((s) => s.cardErrors[ecid]);
  // Only a queued card reads it: arming re-renders the waiting cards, not the running ones.
  const armed = useBench((s) => (job?.phase === 'queued' ? (s.run?.armed ?? false) : undefined));
  // Issue 25: only a finished device's card reads its Intune state.
  const intune = useBench((s) => {
    const serial = job?.phase === 'succeeded' ? (job.serialNumber ?? device?.serialNumber) : undefined;
    return serial ? s.intune[serial] : undefined;
  });
  const actions = useContext(CardActionsContext);
  const selected = useIsSelected(ecid);
  const onSelect = useContext(GridSelectingContext)?.onSelect;
  const now = useCountdownClock(job?.phase === 'countdown');
  if (!device) return null;
  return (
    <DeviceCard
      device={device}
      job={job}
      facts={facts}
      compact={compact}
      now={now}
      {...(armed !== undefined ? { armed } : {})}
      actionError={actionError}
      {...(intune ? { intune } : {})}
      onJobAction={actions.onJobAction}
      onDismissError={actions.onDismissError}
      onSimulate={actions.onSimulate}
      onUnplug={actions.onUnplug}
      onDetails={actions.onDetails}
      {...(selected !== undefined && onSelect ? { selected, onSelect } : {})}
    />
  );
});
