import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import type { ProfileSummary } from '../../../preload/domain';
import { BenchError } from '../../../main/errors/bench-error';

const { shown } = vi.hoisted(() => ({ shown: [] as { message: string; detail: string; type: string }[] }));
vi.mock('electron', () => ({
  dialog: {
    showMessageBox: async (_window: unknown, options: { message: string; detail: string; type: string }) => {
      shown.push(options);
      return { response: 0 };
    },
  },
}));

const { reportOpenedProfile, warnAboutStartupProblems } = await import('../../../main/electron/notify');
const window = {} as BrowserWindow;

function summary(verdict: ProfileSummary['verdict']): ProfileSummary {
  return {
    verdict,
    fileName: 'manual.pdf',
    headline: 'This is a PDF document, not an enrollment profile.',
    findings: [
      {
        severity: 'error',
        code: 'file-pdf',
        message: 'This is a PDF document. Download the profile from Intune.',
      },
    ],
  } as unknown as ProfileSummary;
}

describe('notify', () => {
  it('says nothing for a usable profile, and names a refused one with its problems', () => {
    shown.length = 0;
    reportOpenedProfile(window, summary('ready'));
    expect(shown).toEqual([]);
    reportOpenedProfile(window, summary('unusable'));
    expect(shown[0]).toMatchObject({ type: 'error', message: 'manual.pdf cannot be used for enrollment' });
    expect(shown[0]?.detail).toContain('Download the profile from Intune.');
  });

  it('explains a file that could not be read in the bench words', () => {
    shown.length = 0;
    reportOpenedProfile(
      window,
      new BenchError({
        code: 'invalid-request',
        title: 'The profile file could not be read',
        detail: '/x: there is no file at that path.',
        retryable: false,
      }),
    );
    expect(shown[0]?.detail).toBe('The profile file could not be read. /x: there is no file at that path.');
  });

  it('lists startup problems, and stays quiet when there are none', () => {
    shown.length = 0;
    warnAboutStartupProblems(window, []);
    expect(shown).toEqual([]);
    warnAboutStartupProblems(window, ['The settings file was not valid JSON.']);
    expect(shown[0]).toMatchObject({ type: 'warning', detail: 'The settings file was not valid JSON.' });
  });
});
