/** @vitest-environment jsdom */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProfileSummary } from '../../../preload/domain';
import { ProfileCard } from '../../../renderer/setup/profile-card';

afterEach(cleanup);

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-01T09:00:00Z');

function summary(overrides: Partial<ProfileSummary> = {}): ProfileSummary {
  return {
    fileName: 'Contoso.mobileconfig',
    sizeBytes: 4200,
    sha256: 'ab'.repeat(32),
    fileKind: 'signed-profile',
    organization: 'Contoso Ltd',
    displayName: 'Contoso iPad enrollment',
    payloadIdentifier: 'com.microsoft.intune.enrollment.3f1c',
    mdmHost: 'i.manage.microsoft.com',
    variant: 'scep',
    signer: {
      subject: 'CN=Contoso MDM',
      issuer: 'CN=Contoso CA',
      notBefore: T0 - DAY,
      notAfter: T0 + 300 * DAY,
      signatureValid: true,
    },
    importedAt: T0,
    age: {
      state: 'fresh',
      ageDays: 5,
      daysLeft: 9,
      countedFrom: 'imported',
      countedFromAt: T0,
      expiresAt: T0 + 14 * DAY,
      overridden: false,
    },
    verdict: 'ready',
    headline: '9 days left.',
    findings: [
      { severity: 'info', code: 'variant-scep', message: 'SCEP profile: works on every iOS version.' },
    ],
    evaluatedAt: T0 + 5 * DAY,
    ...overrides,
  };
}

const noop = () => {};

describe('ProfileCard', () => {
  it('shows every summary item, the verdict in words and days left', () => {
    render(<ProfileCard summary={summary()} onChooseFile={noop} onOverride={noop} />);
    const card = screen.getByRole('region', { name: 'Intune enrollment profile' });
    for (const text of [
      'Contoso Ltd',
      'Contoso iPad enrollment',
      'i.manage.microsoft.com',
      'SCEP',
      'com.microsoft.intune.enrollment.3f1c',
    ]) {
      expect(within(card).getByText(text)).toBeTruthy();
    }
    expect(
      within(card).getByText(/CN=Contoso MDM \(signature valid; certificate valid until 2026-12-26\)/),
    ).toBeTruthy();
    expect(within(card).getByText('Ready')).toBeTruthy();
    expect(within(card).getByText(/9 days left/, { selector: '.profile-age-big' })).toBeTruthy();
    expect(within(card).getByText('OK:')).toBeTruthy();
    expect(card.querySelector('[aria-live="polite"]')?.textContent).toContain('Ready: 9 days left.');
    expect(screen.queryByRole('button', { name: 'Use it anyway' })).toBeNull();
  });

  it('shows the expiring state with an icon and a date, not colour alone', () => {
    const s = summary({
      age: {
        state: 'expiring',
        ageDays: 12,
        daysLeft: 2,
        countedFrom: 'imported',
        countedFromAt: T0,
        expiresAt: T0 + 14 * DAY,
        overridden: false,
      },
      verdict: 'ready-with-warnings',
      headline: '2 days left; 1 warning to read.',
      findings: [{ severity: 'warning', code: 'age-expiring', message: 'The profile is 12 days old.' }],
    });
    render(<ProfileCard summary={s} onChooseFile={noop} onOverride={noop} />);
    const age = screen.getByText(/2 days left: expires 2026-03-15/);
    expect(age.querySelector('svg.profile-icon-warning')).not.toBeNull();
    expect(screen.getByText('Warning:')).toBeTruthy();
  });

  it('blocks an expired profile and sends the override reason', () => {
    const onOverride = vi.fn();
    const s = summary({
      age: {
        state: 'expired',
        ageDays: 15,
        daysLeft: 0,
        countedFrom: 'imported',
        countedFromAt: T0,
        expiresAt: T0 + 14 * DAY,
        overridden: false,
      },
      verdict: 'expired',
      headline: 'Since 2026-03-15. Download a fresh profile, or override.',
    });
    render(<ProfileCard summary={s} onChooseFile={noop} onOverride={onOverride} />);
    expect(screen.getByText('Expired: runs blocked')).toBeTruthy();
    expect(screen.getByText(/runs are blocked/)).toBeTruthy();
    const button = screen.getByRole('button', { name: 'Use it anyway' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Reason for using the expired profile'), {
      target: { value: ' ticket 4711 ' },
    });
    fireEvent.click(button);
    expect(onOverride).toHaveBeenCalledWith('ticket 4711');
  });

  it('shows a recorded override instead of the form', () => {
    const s = summary({
      age: {
        state: 'expired',
        ageDays: 15,
        daysLeft: 0,
        countedFrom: 'imported',
        countedFromAt: T0,
        expiresAt: T0 + 14 * DAY,
        overridden: true,
      },
      override: { reason: 'ticket 4711', at: T0 + 15 * DAY },
      verdict: 'ready-with-warnings',
    });
    render(<ProfileCard summary={s} onChooseFile={noop} onOverride={noop} />);
    expect(screen.getByText(/override in effect/)).toBeTruthy();
    expect(screen.getByText(/ticket 4711/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Use it anyway' })).toBeNull();
  });

  it('announces a refused file next to the current profile with its findings', () => {
    const rejected = summary({
      fileName: 'manual.pdf',
      fileKind: 'pdf',
      verdict: 'unusable',
      headline: 'This is a PDF document, not an enrollment profile.',
      findings: [
        {
          severity: 'error',
          code: 'file-pdf',
          message: 'This is a PDF document, not an enrollment profile.',
        },
      ],
      age: undefined,
    });
    render(<ProfileCard summary={summary()} rejected={rejected} onChooseFile={noop} onOverride={noop} />);
    const live = screen.getByRole('region').querySelector('[aria-live="polite"]') as HTMLElement;
    expect(within(live).getByText('Not loaded: manual.pdf')).toBeTruthy();
    expect(within(live).getByText('Problem:')).toBeTruthy();
    expect(within(live).getByText('Ready')).toBeTruthy();
  });

  it('offers a file chooser when empty and passes the chosen and the dropped file on', () => {
    const onChooseFile = vi.fn();
    render(<ProfileCard summary={null} onChooseFile={onChooseFile} onOverride={noop} />);
    expect(screen.getByText('No profile yet.')).toBeTruthy();
    const file = new File(['<?xml'], 'Contoso.mobileconfig');
    fireEvent.change(screen.getByLabelText('Choose profile file…'), { target: { files: [file] } });
    expect(onChooseFile).toHaveBeenCalledWith(file);
    const dropped = new File(['x'], 'Dropped.mobileconfig');
    fireEvent.drop(screen.getByRole('region'), { dataTransfer: { files: [dropped] } });
    expect(onChooseFile).toHaveBeenLastCalledWith(dropped);
  });
});
