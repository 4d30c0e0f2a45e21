/** @vitest-environment jsdom */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { InvokeChannels } from '../../../preload/contract';
import type { Workflow } from '../../../preload/jobs-domain';
import { FORM_FIELD, workflowFieldKeys } from '../../../preload/workflow-fields';
import { WorkflowEditor } from '../../../renderer/workflows/workflow-editor';
import { skipPaneCatalogue } from '../../../main/cfgutil/skip-pane-names';
import { FakeBenchApi } from '../fixtures';
import { loadedStore, renderWithStore } from '../store-fixtures';

afterEach(cleanup);

const cart: Workflow = {
  id: 'cart-9',
  name: 'Cart 9',
  description: '',
  preset: false,
  steps: [
    { kind: 'erase', allowOtherOrganization: false },
    { kind: 'wait-until-settled' },
    { kind: 'prepare', language: 'en', locale: 'en_US', skipPanes: 'all', allowPairing: false },
    { kind: 'finish-setup-assistant' },
    { kind: 'install-enrollment-profile' },
    { kind: 'rename', template: 'C9-{n:2}' },
    { kind: 'install-extra-profiles', files: ['wifi.mobileconfig'] },
  ],
};

class EditorApi extends FakeBenchApi {
  readonly saved: Workflow[] = [];
  answer: Awaited<ReturnType<InvokeChannels['saveWorkflow']>> | undefined;
  override readonly saveWorkflow: InvokeChannels['saveWorkflow'] = async ({ workflow }) => {
    this.saved.push(workflow);
    return this.answer ?? { ok: true, value: workflow };
  };
}

async function openEditor(api: EditorApi, workflow: Workflow = cart) {
  const store = loadedStore({ workflows: { workflows: [workflow], problems: [] } });
  await act(async () => {
    renderWithStore(<WorkflowEditor api={api} onSaved={() => {}} />, store);
  });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
  });
}

const save = async () => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  });
};

describe('skip panes as a checklist', () => {
  it('offers "Skip all panes", then every pane by its name in groups, and saves cfgutil’s keys', async () => {
    const api = new EditorApi();
    api.listSkipPanes = async () => ({ ok: true, value: skipPaneCatalogue(undefined) });
    await openEditor(api);
    const panes = screen.getByRole('group', { name: 'Panes to skip' });
    const all = within(panes).getByRole('checkbox', { name: 'Skip all panes' });
    expect((all as HTMLInputElement).checked).toBe(true);
    await act(async () => {
      fireEvent.click(all);
    });
    const accounts = within(panes).getByRole('group', { name: 'Accounts and privacy' });
    expect(
      (within(accounts).getByRole('checkbox', { name: 'Apple Account' }) as HTMLInputElement).checked,
    ).toBe(true);
    await act(async () => {
      fireEvent.click(within(accounts).getByRole('checkbox', { name: 'Select all in Accounts and privacy' }));
    });
    await act(async () => {
      fireEvent.click(within(accounts).getByRole('checkbox', { name: 'Screen Time' }));
    });
    await save();
    const prepare = api.saved[0]?.steps[2];
    expect(prepare?.kind === 'prepare' && prepare.skipPanes).toEqual(
      expect.arrayContaining(['welcome', 'siri', 'screentime']),
    );
    expect(prepare?.kind === 'prepare' && prepare.skipPanes).not.toContain('appleid');
  });

  it('shows a newer cfgutil’s unknown pane under "Other", and a saved key it lacks under its own heading', async () => {
    const api = new EditorApi();
    api.listSkipPanes = async () => ({ ok: true, value: skipPaneCatalogue(['siri', 'holo-setup']) });
    await openEditor(api, {
      ...cart,
      steps: cart.steps.map((s) => (s.kind === 'prepare' ? { ...s, skipPanes: ['siri', 'zoom'] } : s)),
    });
    const panes = screen.getByRole('group', { name: 'Panes to skip' });
    expect(
      within(within(panes).getByRole('group', { name: 'Other' })).getByRole('checkbox', {
        name: 'Holo setup',
      }),
    ).toBeTruthy();
    const stale = within(panes).getByRole('group', { name: 'Not offered by this cfgutil' });
    expect((within(stale).getByRole('checkbox', { name: 'zoom' }) as HTMLInputElement).checked).toBe(true);
  });
});

describe('errors next to their field', () => {
  it('every field the editor renders shows main’s sentence beside it, marked invalid, and is focused', async () => {
    for (const field of workflowFieldKeys(cart.steps)) {
      cleanup();
      const api = new EditorApi();
      const sentence = `Sentence for ${field}.`;
      api.answer = {
        ok: false,
        error: {
          code: 'invalid-request',
          title: 'The workflow was not saved',
          detail: sentence,
          retryable: false,
          field,
        },
      };
      await openEditor(api);
      await save();
      const copies = screen.getAllByText(sentence, { exact: false });
      if (field === FORM_FIELD) {
        expect(copies.some((el) => el.closest('[role="alert"]'))).toBe(true);
        continue;
      }
      // Beside the field (with an id the field points to); a hidden alert may repeat it for screen readers.
      const shown = copies.find((el) => el.id !== '');
      if (!shown) throw new Error(`no sentence beside ${field}`);
      const invalid = [...document.querySelectorAll('[aria-invalid="true"]')];
      const owner = invalid.find((el) =>
        (el.getAttribute('aria-describedby') ?? '').split(' ').includes(shown.id),
      );
      expect(owner, field).toBeTruthy();
      expect(owner?.contains(document.activeElement) || owner === document.activeElement, field).toBe(true);
      expect(shown.textContent).not.toMatch(/\[\d+\]/);
    }
  });
});
