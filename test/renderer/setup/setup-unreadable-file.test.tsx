/** @vitest-environment jsdom */
/**
 * A chosen file the browser cannot read (moved, deleted, still downloading): `file.arrayBuffer()` rejects.
 * That used to be an unhandled rejection with nothing on screen; it must be an error in the bench's words.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app';
import { EnrollmentSetup } from '../../../renderer/setup/enrollment-setup';
import { readFilePayload } from '../../../renderer/setup/file-payload';
import { createBenchStore } from '../../../renderer/state/bench-store';
import { profileSummary, SetupFakeApi } from '../setup-fixtures';

afterEach(cleanup);

/** A File whose bytes cannot be read, as a browser reports a file removed after it was chosen. */
function unreadableFile(name: string): File {
  const file = new File(['x'], name);
  Object.defineProperty(file, 'arrayBuffer', {
    value: () => Promise.reject(new DOMException('A requested file could not be read.', 'NotReadableError')),
  });
  return file;
}

async function renderSetup(api: SetupFakeApi): Promise<void> {
  const store = createBenchStore(api);
  await act(async () => {
    render(<App api={api} store={store} panels={<EnrollmentSetup api={api} store={store} />} />);
  });
}

const dropped = (file: File) => ({ dataTransfer: { types: ['Files'], files: [file], dropEffect: 'none' } });

describe('a file that cannot be read', () => {
  it('resolves to the unreadable-file error instead of rejecting', async () => {
    await expect(readFilePayload(unreadableFile('a.mobileconfig'))).resolves.toMatchObject({
      ok: false,
      error: { title: 'The file could not be read', retryable: true },
    });
  });

  it('shows an error on the profile card and sends nothing', async () => {
    const api = new SetupFakeApi();
    await renderSetup(api);
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Choose profile file…'), {
        target: { files: [unreadableFile('Contoso.mobileconfig')] },
      });
    });
    expect(api.profileImports).toEqual([]);
    const alert = screen
      .getAllByRole('alert')
      .find((el) => el.textContent?.includes('The file could not be read.'));
    expect(alert?.textContent).toContain('Choose or drop the file again.');
    expect(document.body.textContent).toContain('Profile not loaded: Contoso.mobileconfig.');
  });

  it('shows an error on the identity card after the password, and sends nothing', async () => {
    const api = new SetupFakeApi();
    api.profile = profileSummary();
    await renderSetup(api);
    await act(async () => {
      fireEvent.drop(window, dropped(unreadableFile('Contoso.p12')));
    });
    const dialog = screen.getByRole('dialog', { name: 'Import supervision identity Contoso.p12' });
    fireEvent.change(within(dialog).getByLabelText('Password'), { target: { value: 's3cret' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Import identity' }));
    });
    expect(api.identityImports).toEqual([]);
    const card = screen.getByRole('region', { name: 'Supervision identity' });
    expect(within(card).getByRole('alert').textContent).toContain(
      'The file could not be read. The browser could not open it',
    );
  });
});
