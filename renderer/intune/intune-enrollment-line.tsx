/**
 * Issue 25: one line saying where a device stands in Intune, for its card and the Results tab:
 * "Enrolled in Intune 14:32", "Waiting for Intune…", "Not seen by Intune", "Pushed to Intune", "Push failed".
 * The operator does not have to wait for it: the device can be unplugged once its job is done.
 */
import type { IntuneEnrollmentView } from '../../preload/intune-domain';
import './intune-enrollment.css';

const clock = (ms: number) =>
  new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });

export function intuneWords(e: IntuneEnrollmentView): {
  text: string;
  tone: 'ok' | 'busy' | 'warn';
  detail?: string;
} {
  switch (e.enrollment) {
    case 'enrolled':
      return {
        text: `Enrolled in Intune${e.enrolledAt === undefined ? '' : ` ${clock(e.enrolledAt)}`}`,
        tone: 'ok',
        ...(e.enrollmentType ? { detail: `${e.enrollmentType}${e.supervised ? ', supervised' : ''}` } : {}),
      };
    case 'several':
      return {
        text: `In Intune ${e.records ?? 'several'} times`,
        tone: 'warn',
        detail: 'Retire the old records in the Intune admin center.',
      };
    case 'not-seen':
      return {
        text: 'Not seen by Intune',
        tone: 'warn',
        detail:
          'No check-in after 30 minutes: check the device has Wi-Fi, the MDM push certificate, and enrollment restrictions.',
      };
    case 'not-yet-seen':
      return { text: 'Waiting for Intune…', tone: 'busy' };
    case undefined:
      if (e.push === 'failed')
        return { text: 'Push to Intune failed', tone: 'warn', ...(e.pushWhy ? { detail: e.pushWhy } : {}) };
      return { text: e.push === 'pushed' ? 'Serial pushed to Intune' : 'Pushing to Intune…', tone: 'busy' };
  }
}

/** Presentational: the card's container reads the state from the store (../bench/connected-device-card.tsx). */
export function IntuneEnrollmentLine({
  enrollment: e,
}: {
  readonly enrollment: IntuneEnrollmentView | undefined;
}) {
  if (!e) return null;
  const words = intuneWords(e);
  return (
    <p className={`device-intune intune-${words.tone}`} title={words.detail}>
      {words.text}
    </p>
  );
}
