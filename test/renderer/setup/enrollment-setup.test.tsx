/** @vitest-environment jsdom */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app';
import { EnrollmentSetup } from '../../../renderer/setup/enrollment-setup';
import { MAX_UPLOAD_BYTES } from '../../../renderer/setup/file-payload';
import { createBenchStore } from '../../../renderer/state/bench-store';
import { identitySummary, profileSummary, refusedSummary, SetupFakeApi } from '../setup-fixtures';

afterEach(cleanup);

async function renderSetup(api: SetupFakeApi) {
  const store = createBenchStore(api);
  await act(async () => {
    render(<App api={api} store={store} panels={<EnrollmentSetup api={api} store={store} />} />);
  });
  return store;
}

const profileFile = (name = 'Contoso.mobileconfig', text = '<plist/>') =>
  new File([text], name, { lastModified: 1_700_000_000_000 });
const files = (file: File) => ({ dataTransfer: { types: ['Files'], files: [file], dropEffect: 'none' } });
const setupRegion = () => screen.getByRole('region', { name: 'Enrollment set-up' });
const politeStatus = (text: string) =>
  screen.getAllByRole('status').find((el) => el.textContent?.includes(text));

describe('EnrollmentSetup', () => {
  it('shows both cards while nothing is set up, and imports a chosen profile as base64', async () => {
    const api = new SetupFakeApi();
    await renderSetup(api);
    expect(screen.getByRole('region', { name: 'Intune enrollment profile' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Supervision identity' })).toBeTruthy();
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Choose profile file…'), { target: { files: [profileFile()] } });
    });
    expect(api.profileImports).toEqual([
      { fileName: 'Contoso.mobileconfig', dataBase64: btoa('<plist/>'), lastModified: 1_700_000_000_000 },
    ]);
    expect(politeStatus('Profile loaded: Contoso.mobileconfig. Ready: 9 days left.')).toBeTruthy();
  });

  it('shows a refused file by name with its findings, keeps the profile, and can dismiss it', async () => {
    const api = new SetupFakeApi();
    api.profile = profileSummary();
    api.importResult = { ok: true, value: refusedSummary('manual.pdf') };
    await renderSetup(api);
    await act(async () => {
      fireEvent.drop(window, files(profileFile('manual.pdf', '%PDF-1.4')));
    });
    const card = screen.getByRole('region', { name: 'Intune enrollment profile' });
    expect(within(card).getByText('Not loaded: manual.pdf')).toBeTruthy();
    expect(within(card).getByText('9 days left.')).toBeTruthy();
    expect(politeStatus('Profile not loaded: manual.pdf.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss the refused file' }));
    expect(within(card).queryByText('Not loaded: manual.pdf')).toBeNull();
  });

  it('refuses a file over 5 MB before sending it, in the bench words', async () => {
    const api = new SetupFakeApi();
    await renderSetup(api);
    const big = new File([new Uint8Array(MAX_UPLOAD_BYTES + 1)], 'video.mov');
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Choose profile file…'), { target: { files: [big] } });
    });
    expect(api.profileImports).toEqual([]);
    expect(screen.getByRole('alert').textContent).toContain(
      'The request was refused. The file is larger than 5 MB; that is not an enrollment profile or identity.',
    );
  });

  it('imports a file dropped on the profile card once, not again at window level', async () => {
    const api = new SetupFakeApi();
    await renderSetup(api);
    await act(async () => {
      fireEvent.drop(screen.getByRole('region', { name: 'Intune enrollment profile' }), files(profileFile()));
    });
    expect(api.profileImports.map((r) => r.fileName)).toEqual(['Contoso.mobileconfig']);
  });

  it('shows the drop overlay while a file is dragged over the window, and not for dragged text', async () => {
    await renderSetup(new SetupFakeApi());
    const overlayText = 'Drop the Intune profile (.mobileconfig) or supervision identity (.p12)';
    act(() => void fireEvent.dragEnter(window, { dataTransfer: { types: ['text/plain'], files: [] } }));
    expect(screen.queryByText(overlayText)).toBeNull();
    act(() => void fireEvent.dragEnter(window, files(profileFile())));
    act(() => void fireEvent.dragEnter(document.body, files(profileFile())));
    expect(screen.getByText(overlayText)).toBeTruthy();
    act(() => void fireEvent.dragLeave(document.body, files(profileFile())));
    expect(screen.getByText(overlayText)).toBeTruthy();
    act(() => void fireEvent.dragLeave(window, files(profileFile())));
    expect(screen.queryByText(overlayText)).toBeNull();
  });

  it('asks for the password of a dropped .p12 in an inline dialog and sends it once', async () => {
    const api = new SetupFakeApi();
    api.profile = profileSummary();
    api.identityResult = {
      ok: false,
      error: {
        code: 'invalid-request',
        title: 'The password is wrong',
        detail: 'Type the export password.',
        retryable: false,
      },
    };
    await renderSetup(api);
    await act(async () => {
      fireEvent.drop(window, files(new File(['p12'], 'Contoso.p12')));
    });
    expect(api.profileImports).toEqual([]);
    const dialog = screen.getByRole('dialog', { name: 'Import supervision identity Contoso.p12' });
    const password = within(dialog).getByLabelText('Password');
    expect(document.activeElement).toBe(password);
    fireEvent.change(password, { target: { value: 's3cret' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Import identity' }));
    });
    expect(api.identityImports).toEqual([
      { fileName: 'Contoso.p12', dataBase64: btoa('p12'), password: 's3cret' },
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.body.innerHTML).not.toContain('s3cret');
    const card = screen.getByRole('region', { name: 'Supervision identity' });
    expect(within(card).getByRole('alert').textContent).toContain(
      'The password is wrong. Type the export password.',
    );
  });

  it('closes the password dialog on Escape without importing', async () => {
    const api = new SetupFakeApi();
    await renderSetup(api);
    await act(async () => {
      fireEvent.drop(window, files(new File(['p12'], 'Contoso.pfx')));
    });
    fireEvent.keyDown(screen.getByLabelText('Password', { selector: '[role=dialog] input' }), {
      key: 'Escape',
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.identityImports).toEqual([]);
  });

  it('folds to one strip when the profile is ready and an identity exists, and opens on demand', async () => {
    const api = new SetupFakeApi();
    api.profile = profileSummary();
    api.identity = identitySummary();
    await renderSetup(api);
    const region = setupRegion();
    expect(region.textContent).toContain('Profile ready');
    expect(region.textContent).toContain('· 9 days left');
    expect(region.textContent).toContain('Contoso Ltd · SCEP · i.manage.microsoft.com');
    expect(region.textContent).toContain('Contoso IT');
    expect(region.textContent).toContain('until 2036-05-01');
    expect(screen.queryByRole('region', { name: 'Intune enrollment profile' })).toBeNull();

    const change = screen.getByRole('button', { name: 'Change…' });
    expect(change.getAttribute('aria-expanded')).toBe('false');
    act(() => change.click());
    expect(screen.getByRole('region', { name: 'Intune enrollment profile' })).toBeTruthy();
    const hide = screen.getByRole('button', { name: 'Hide set-up details' });
    expect(document.activeElement).toBe(hide);
    act(() => hide.click());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Change…' }));
  });

  it('opens the full profile card by itself once the profile is on its last days', async () => {
    const api = new SetupFakeApi();
    api.profile = profileSummary();
    api.identity = identitySummary();
    await renderSetup(api);
    expect(screen.getByRole('button', { name: 'Change…' })).toBeTruthy();
    act(() => api.emit('profileChanged', { seq: 5, profile: profileSummary({}, 2) }));
    expect(screen.queryByRole('button', { name: 'Change…' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Intune enrollment profile' }).textContent).toContain(
      '2 days left',
    );
    expect(screen.queryByRole('button', { name: 'Hide set-up details' })).toBeNull();
  });

  it('creates an identity and overrides an expired profile through the bench', async () => {
    const api = new SetupFakeApi();
    api.profile = profileSummary({}, 0);
    await renderSetup(api);
    fireEvent.change(screen.getByLabelText('Organization name'), { target: { value: 'Contoso IT' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Create identity' })));
    expect(api.created).toEqual(['Contoso IT']);
    expect(politeStatus('Supervision identity created: Contoso IT, until 2036-05-01.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Reason for using the expired profile'), {
      target: { value: 'Outage' },
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Use it anyway' })));
    expect(api.overrides).toEqual(['Outage']);
  });
});
