/** @vitest-environment jsdom */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app';
import { EnrollmentSetup } from '../../../renderer/setup/enrollment-setup';
import { DROPPED_TEXT_NAME, PASTED_TEXT_NAME } from '../../../renderer/setup/use-window-paste';
import { createBenchStore } from '../../../renderer/state/bench-store';
import { SetupFakeApi } from '../setup-fixtures';

afterEach(cleanup);

const LINK = 'https://appleconfigurator2.manage.microsoft.com/MDMServiceConfig?id=1';

function clipboard(text: string, files: File[] = []) {
  return { clipboardData: { files, getData: (type: string) => (type === 'text/plain' ? text : '') } };
}

async function renderSetup(api: SetupFakeApi) {
  const store = createBenchStore(api);
  await act(async () => {
    render(<App api={api} store={store} panels={<EnrollmentSetup api={api} store={store} />} />);
  });
}

describe('pasting onto the window', () => {
  it('sends pasted text to the profile import as a file, byte for byte', async () => {
    const api = new SetupFakeApi();
    await renderSetup(api);
    await act(async () => {
      fireEvent.paste(document.body, clipboard(LINK));
    });
    expect(api.profileImports).toHaveLength(1);
    expect(api.profileImports[0]?.fileName).toBe(PASTED_TEXT_NAME);
    expect(atob(api.profileImports[0]?.dataBase64 ?? '')).toBe(LINK);
  });

  it('sends a pasted file as that file', async () => {
    const api = new SetupFakeApi();
    await renderSetup(api);
    await act(async () => {
      fireEvent.paste(document.body, clipboard('', [new File(['<plist/>'], 'Contoso.mobileconfig')]));
    });
    expect(api.profileImports.map((r) => r.fileName)).toEqual(['Contoso.mobileconfig']);
  });

  it('leaves a paste into a text field, and an empty paste, alone', async () => {
    const api = new SetupFakeApi();
    await renderSetup(api);
    const field = screen.getAllByRole('textbox')[0];
    expect(field).toBeTruthy();
    await act(async () => {
      if (field) fireEvent.paste(field, clipboard(LINK));
      fireEvent.paste(document.body, clipboard('   '));
    });
    expect(api.profileImports).toEqual([]);
  });
});

describe('dropping a link dragged from a browser tab', () => {
  const link = (text: string) => ({
    dataTransfer: {
      types: ['text/uri-list', 'text/plain'],
      files: [],
      dropEffect: 'none',
      getData: (type: string) => (type === 'text/uri-list' || type === 'text/plain' ? text : ''),
    },
  });

  it('sends it to the profile import as a small text file, on the window and on the card', async () => {
    const api = new SetupFakeApi();
    await renderSetup(api);
    await act(async () => {
      fireEvent.dragEnter(window, link(LINK));
      fireEvent.drop(window, link(LINK));
    });
    await act(async () => {
      fireEvent.drop(screen.getByRole('region', { name: 'Intune enrollment profile' }), link(LINK));
    });
    expect(api.profileImports.map((r) => [r.fileName, atob(r.dataBase64)])).toEqual([
      [DROPPED_TEXT_NAME, LINK],
      [DROPPED_TEXT_NAME, LINK],
    ]);
  });
});
