/** @vitest-environment jsdom */
// The Intune pane end to end: the real Intune channels in simulated mode, against the fake Intune on loopback.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IntuneInvokeChannels } from '../../../preload/contract';
import { toErrorInfo } from '../../../main/errors/bench-error';
import { createIntuneArea, type IntuneArea } from '../../../main/intune/intune-area';
import { intuneArgValidators } from '../../../main/dispatch/validate-intune-args';
import { ProfileService } from '../../../main/profiles/profile-service';
import { ProfileCard } from '../../../renderer/setup/profile-card';
import { IntuneBanner } from '../../../renderer/intune/intune-banner';
import { IntunePanel } from '../../../renderer/intune/intune-panel';
import { makeWorkDir } from '../../main/profiles/profile-fixtures';

let work: Awaited<ReturnType<typeof makeWorkDir>>;
let area: IntuneArea;
let profiles: ProfileService;

/** What the dispatcher does between a UI and the channels: validate the arguments, turn a throw into a Result. */
function viaDispatcher(channels: IntuneInvokeChannels): IntuneInvokeChannels {
  const wrap =
    <K extends keyof IntuneInvokeChannels>(name: K) =>
    async (...args: unknown[]) => {
      try {
        const valid = intuneArgValidators[name](args) as unknown[];
        return await (channels[name] as (...a: unknown[]) => Promise<unknown>)(...valid);
      } catch (error) {
        return { ok: false, error: toErrorInfo(error) };
      }
    };
  return Object.fromEntries(
    (Object.keys(channels) as (keyof IntuneInvokeChannels)[]).map((name) => [name, wrap(name)]),
  ) as unknown as IntuneInvokeChannels;
}

beforeEach(async () => {
  work = await makeWorkDir();
  profiles = new ProfileService({ dataDir: work.dir });
  area = await createIntuneArea({ dataDir: work.dir, profiles, log: () => undefined, simulate: true });
});
afterEach(async () => {
  cleanup();
  await area.close();
  await work.cleanup();
});

describe('Settings › Intune', () => {
  it('shows the registration checklist, connects, lists, refuses affinity, pulls, and disconnects', async () => {
    render(<IntunePanel api={viaDispatcher(area.channels)} onClose={() => undefined} />);
    expect(await screen.findByText(/Before you connect: the app registration/)).toBeTruthy();
    expect(screen.getByText('http://localhost')).toBeTruthy();
    expect(screen.getAllByText(/DeviceManagementServiceConfig\.Read\.All/).length).toBeGreaterThan(0);

    fireEvent.change(screen.getByLabelText('Directory (tenant) ID'), {
      target: { value: 'contoso.example' },
    });
    fireEvent.change(screen.getByLabelText('Application (client) ID'), { target: { value: 'abc-123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with Microsoft' }));
    expect(await screen.findByText('Simulated (fake Intune on this Mac)')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'List the Apple Configurator profiles' }));
    const list = await screen.findByRole('list', { name: 'Apple Configurator profiles in Intune' });
    const affinity = within(list).getByText('Staff iPhones (with user)').closest('li')!;
    expect(within(affinity).getByText(/user affinity/)).toBeTruthy();
    expect((within(affinity).getByRole('button', { name: 'Pull' }) as HTMLButtonElement).disabled).toBe(true);

    const scep = within(list).getByText('iPad carts (SCEP)').closest('li')!;
    fireEvent.click(within(scep).getByRole('button', { name: 'Pull' }));
    expect(await screen.findByText(/Pulled “iPad carts \(SCEP\)”/)).toBeTruthy();
    await waitFor(() => expect(screen.getByText('iPad carts (SCEP)', { selector: 'dd' })).toBeTruthy());
    expect(profiles.current()?.origin?.profileName).toBe('iPad carts (SCEP)');

    fireEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    expect(await screen.findByText(/the saved sign-in was deleted/)).toBeTruthy();
    expect(profiles.current()?.origin?.profileName).toBe('iPad carts (SCEP)');
  });

  it('shows a refused interval in the bench’s words', async () => {
    await area.channels.connectIntune({ tenantId: 't', clientId: 'c', cloud: 'global' });
    render(<IntunePanel api={viaDispatcher(area.channels)} onClose={() => undefined} />);
    const field = await screen.findByLabelText('Re-pull every (days)');
    fireEvent.change(field, { target: { value: '20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save interval' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/days must be/);
  });
});

describe('the failed-refresh banner on the bench', () => {
  it('shows why the refresh failed and the kept copy’s days left', async () => {
    await area.channels.connectIntune({ tenantId: 't', clientId: 'c', cloud: 'global' });
    const [first] = await area.service.listProfiles();
    await area.service.pull(first!.id);
    // A pull that fails (the named profile is not in the tenant) leaves the failure for the banner.
    const api = { ...viaDispatcher(area.channels), on: () => () => undefined };
    const failing = await area.service.pull('No such profile').catch((e: unknown) => e);
    expect(failing).toBeTruthy();
    render(<IntuneBanner api={api} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Refreshing the Intune profile failed: No such profile in Intune/);
    expect(alert.textContent).toMatch(/current copy is kept and has 14 days left/);
  });
});

describe('the profile card', () => {
  it('says where a pulled profile came from and when', async () => {
    await area.channels.connectIntune({ tenantId: 't', clientId: 'c', cloud: 'global' });
    const [first] = await area.service.listProfiles();
    await area.service.pull(first!.id);
    render(
      <ProfileCard
        summary={profiles.current()}
        onChooseFile={() => undefined}
        onOverride={() => undefined}
      />,
    );
    expect(await screen.findByText(/^From Intune: iPad carts \(SCEP\), fetched /)).toBeTruthy();
  });
});
