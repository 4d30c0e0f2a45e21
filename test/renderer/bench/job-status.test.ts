import { describe, expect, it } from 'vitest';
import type { JobPhase } from '../../../preload/jobs-domain';
import {
  actionWords,
  compactActions,
  describeJob,
  finalNameLine,
  formatDuration,
  ownNameNote,
  percentOf,
} from '../../../renderer/bench/job-status';
import { job } from '../store-fixtures';

describe('describeJob', () => {
  it('gives every phase a word, an icon and a tone, and the actions that make sense', () => {
    const phases: JobPhase[] = [
      'queued',
      'countdown',
      'running',
      'waiting-for-operator',
      'waiting-for-reattach',
      'succeeded',
      'failed',
      'cancelled',
      'interrupted',
      'skipped',
    ];
    const looks = phases.map((phase) => describeJob(job(1, { phase }), 0));
    for (const look of looks) {
      expect(look.word.length).toBeGreaterThan(3);
      expect(look.icon).toBeTruthy();
    }
    expect(looks.map((l) => l.actions)).toEqual([
      ['cancel'],
      ['start-now', 'cancel', 'skip'],
      ['cancel'],
      ['cancel', 'skip'],
      ['cancel'],
      ['rerun'],
      ['retry', 'skip'],
      ['retry'],
      ['retry', 'skip'],
      [],
    ]);
    expect(describeJob(job(1, { phase: 'succeeded' })).word).toBe('Done – unplug');
  });

  it('says the step in words and counts the countdown in whole seconds', () => {
    expect(describeJob(job(1, { step: 'prepare' })).word).toBe('Supervising (prepare)');
    expect(describeJob(job(1, { step: 'prepare' })).short).toBe('Supervising');
    expect(describeJob(job(1, { phase: 'countdown', countdownEndsAt: 10_000 }), 5_500).word).toBe(
      'Starts in 5 s',
    );
    expect(describeJob(job(1, { phase: 'countdown', countdownEndsAt: 10_000 })).word).toBe('Starts soon');
  });

  it('offers Retry even when retrying alone cannot help: the fix says what to change first', () => {
    const error = {
      code: 'mac-out-of-date' as const,
      title: 'Update the Mac',
      detail: '…',
      retryable: false,
    };
    expect(describeJob(job(1, { phase: 'failed', error })).actions).toEqual(['retry', 'skip']);
    expect(describeJob(job(1, { phase: 'failed', error })).short).toBe('Failed: Update the Mac');
  });

  it('a queued job on a bench that is not armed waits for Start now, and offers it', () => {
    const waiting = describeJob(job(1, { phase: 'queued' }), 0, false);
    expect(waiting.word).toBe('Not armed: waiting for Start now');
    expect(waiting.actions).toEqual(['start-now', 'cancel']);
    expect(compactActions(job(1, { phase: 'queued' }), waiting.actions)).toEqual([]);
    expect(describeJob(job(1, { phase: 'queued' }), 0, true).actions).toEqual(['cancel']);
  });

  it('a device in use waits for Erase (start-now) or Skip, on the full card and the compact one', () => {
    const asking = job(1, {
      phase: 'waiting-for-operator',
      waiting: { reason: 'in-use', instruction: "In use: erase 'Logan's iPhone'?", since: 0 },
    });
    const look = describeJob(asking);
    expect(look.actions).toEqual(['start-now', 'skip']);
    expect(look.short).toBe('In use: erase?');
    expect(compactActions(asking, look.actions)).toEqual(['start-now', 'skip']);
    expect(describeJob(job(1, { phase: 'skipped', skipReason: 'other-bench' })).word).toBe(
      'Skipped: handled by another bench on this Mac',
    );
  });

  it('keeps a full cart to the one action that matters', () => {
    const failed = job(1, { phase: 'failed' });
    expect(compactActions(failed, describeJob(failed).actions)).toEqual(['retry']);
    expect(compactActions(job(1, { phase: 'countdown' }), [])).toEqual(['start-now']);
    expect(compactActions(job(1), ['cancel'])).toEqual([]);
  });
});

describe('numbers', () => {
  it('never shows 100 % before the job has finished', () => {
    expect(percentOf(job(1, { progress: 0.999 }))).toBe(99);
    expect(percentOf(job(1, { phase: 'succeeded', progress: 0.99 }))).toBe(100);
    expect(percentOf(job(1, { progress: -1 }))).toBe(0);
  });

  it('formats a cart ETA', () => {
    expect(formatDuration(20_000)).toBe('under a minute');
    expect(formatDuration(14 * 60_000 + 20_000)).toBe('~14 min');
    expect(formatDuration(65 * 60_000)).toBe('~1 h 5 min');
  });
});

describe('ADE re-enrollment on the card (issue 26)', () => {
  it('ends at what the device showed, never a plain Done, and offers the switch when there is no ADE configuration', () => {
    expect(describeJob(job(1, { phase: 'succeeded', adeStanding: 'ready-for-user' })).word).toBe(
      'Ready for its user: Setup Assistant will enroll it in Intune',
    );
    expect(describeJob(job(1, { phase: 'succeeded', adeStanding: 'enrolled' })).word).toBe('Enrolled');
    const error = {
      code: 'configuration-unavailable' as const,
      title: 'This device has no Automated Device Enrollment configuration',
      detail: 'Check…',
      retryable: true,
    };
    expect(describeJob(job(1, { phase: 'failed', error })).actions).toEqual([
      'retry',
      'switch-to-direct',
      'skip',
    ]);
    expect(actionWords['switch-to-direct']).toBe('Switch to direct enrollment');
  });
});

describe('the device’s own name beside ours', () => {
  it('adds "was …" only when the device came with another name', () => {
    const renamed = job(1, { phase: 'succeeded', finalName: 'iPad-F9FX', deviceName: 'Logan’s iPhone' });
    expect(finalNameLine(renamed)).toBe('iPad-F9FX (was Logan’s iPhone)');
    expect(finalNameLine(job(1, { phase: 'succeeded', finalName: 'iPad-F9FX' }))).toBe('iPad-F9FX');
    expect(finalNameLine(job(1, { finalName: 'iPad', deviceName: 'iPad' }))).toBe('iPad');
    expect(finalNameLine(job(1, { deviceName: 'Logan’s iPhone' }))).toBeUndefined();
    expect(ownNameNote(renamed, 'iPad-F9FX')).toBe('was Logan’s iPhone');
    expect(ownNameNote(renamed, 'Logan’s iPhone')).toBeUndefined();
    expect(ownNameNote(undefined, 'x')).toBeUndefined();
  });
});
