/** @vitest-environment jsdom */
/**
 * Issue 21 item 7: "Use training profile" is offered on the simulated bench only; once loaded the card, the
 * strip and a banner say "TRAINING – simulator only"; the bench's refusal is shown in its words.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BenchSnapshot, EngineStatus, ProfileSummary, Result } from '../../../preload/domain';
import { TRAINING_LABEL, TRAINING_PROFILE_IDENTIFIER } from '../../../preload/domain';
import { App } from '../../../renderer/app';
import { EnrollmentSetup } from '../../../renderer/setup/enrollment-setup';
import { createBenchStore } from '../../../renderer/state/bench-store';
import { identitySummary, profileSummary, SetupFakeApi } from '../setup-fixtures';

afterEach(cleanup);

const training = (): ProfileSummary =>
  profileSummary({
    training: true,
    fileName: 'Training profile (simulator only).mobileconfig',
    payloadIdentifier: TRAINING_PROFILE_IDENTIFIER,
  });

class TrainingApi extends SetupFakeApi {
  engine: EngineStatus = { kind: 'simulator', reason: 'requested' };
  trainingCalls = 0;
  trainingResult: Result<ProfileSummary> = { ok: true, value: training() };
  override async getSnapshot(): Promise<Result<BenchSnapshot>> {
    const result = await super.getSnapshot();
    return result.ok ? { ok: true, value: { ...result.value, engine: this.engine } } : result;
  }
  override useTrainingProfile = async (): Promise<Result<ProfileSummary>> => {
    this.trainingCalls += 1;
    if (this.trainingResult.ok) this.profile = this.trainingResult.value;
    return this.trainingResult;
  };
}

async function renderSetup(api: TrainingApi) {
  const store = createBenchStore(api);
  await act(async () => {
    render(<App api={api} store={store} panels={<EnrollmentSetup api={api} store={store} />} />);
  });
  return store;
}

const card = () => screen.getByRole('region', { name: 'Intune enrollment profile' });

describe('the training profile on the set-up screen', () => {
  it('is offered on the simulated bench and asks the bench for it', async () => {
    const api = new TrainingApi();
    await renderSetup(api);
    await act(async () => {
      fireEvent.click(within(card()).getByRole('button', { name: 'Use training profile' }));
    });
    expect(api.trainingCalls).toBe(1);
  });

  it('is not offered with real cfgutil', async () => {
    const api = new TrainingApi();
    api.engine = { kind: 'cfgutil', path: '/usr/local/bin/cfgutil' };
    await renderSetup(api);
    expect(within(card()).queryByRole('button', { name: 'Use training profile' })).toBeNull();
  });

  it('shows the bench’s refusal in its words', async () => {
    const api = new TrainingApi();
    api.trainingResult = {
      ok: false,
      error: {
        code: 'invalid-request',
        title: 'The training profile is for the simulator only',
        detail: 'This bench runs real cfgutil.',
        retryable: false,
      },
    };
    await renderSetup(api);
    await act(async () => {
      fireEvent.click(within(card()).getByRole('button', { name: 'Use training profile' }));
    });
    expect(screen.getAllByText(/The training profile is for the simulator only/).length).toBeGreaterThan(0);
  });

  it('once loaded: the card, the folded strip and a banner say TRAINING – simulator only', async () => {
    const api = new TrainingApi();
    api.profile = training();
    await renderSetup(api);
    expect(within(card()).getByText(TRAINING_LABEL)).toBeTruthy();
    expect(screen.getByRole('note').textContent).toContain(TRAINING_LABEL);
    cleanup();
    api.identity = identitySummary();
    await renderSetup(api);
    expect(screen.queryByRole('region', { name: 'Intune enrollment profile' })).toBeNull();
    expect(screen.getAllByText(TRAINING_LABEL).length).toBeGreaterThanOrEqual(1);
    expect(screen.getByRole('note').textContent).toContain(TRAINING_LABEL);
  });
});
