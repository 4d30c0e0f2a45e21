/**
 * Issue 21 item 7: the training profile loads with the simulator (marked training everywhere) and is refused,
 * in words, whenever the engine is real cfgutil: through the channel, `enroll-bench profile training`, and the
 * jobs' profile source (a training profile already loaded never reaches a real device).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRAINING_LABEL, TRAINING_PROFILE_IDENTIFIER } from '../../../preload/domain';
import { profileOf } from '../../../main/app/jobs-wiring';
import { runProfileTrainingCommand } from '../../../main/cli/profile-import-command';
import { IdentityService } from '../../../main/identity/identity-service';
import { ProfileChannels } from '../../../main/profiles/profile-channels';
import { ProfileService } from '../../../main/profiles/profile-service';
import { TRAINING_FILE_NAME } from '../../../main/profiles/training-profile';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'eb-training-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const simulator = { kind: 'simulator' } as const;
const realCfgutil = { kind: 'cfgutil' } as const;

function channels(engine: () => { kind: 'simulator' | 'cfgutil' } | undefined) {
  const profiles = new ProfileService({ dataDir });
  return { profiles, channels: new ProfileChannels(profiles, new IdentityService({ dataDir }), engine) };
}

describe('the training profile', () => {
  it('loads with the simulator: usable, marked training, with its own name and identifier', async () => {
    const { channels: c, profiles } = channels(() => simulator);
    const result = await c.useTrainingProfile();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      training: true,
      fileName: TRAINING_FILE_NAME,
      payloadIdentifier: TRAINING_PROFILE_IDENTIFIER,
    });
    expect(['ready', 'ready-with-warnings']).toContain(result.value.verdict);
    expect(result.value.displayName).toContain(TRAINING_LABEL);
    expect(profiles.canStartRun().ok).toBe(true);
    // It survives a restart as a training profile.
    expect(await new ProfileService({ dataDir }).restore()).toMatchObject({ training: true });
  });

  it.each([
    ['real cfgutil', () => realCfgutil],
    ['no engine known yet', () => undefined],
  ])('is refused with %s, and the current profile stays', async (_what, engine) => {
    const { channels: c, profiles } = channels(engine);
    await expect(c.useTrainingProfile()).rejects.toMatchObject({
      info: {
        code: 'invalid-request',
        title: 'The training profile is for the simulator only',
        detail: expect.stringContaining('real cfgutil'),
      },
    });
    expect(profiles.current()).toBeNull();
  });

  it('a loaded training profile is no profile for jobs on real cfgutil, and is one on the simulator', async () => {
    const { channels: c, profiles } = channels(() => simulator);
    await c.useTrainingProfile();
    expect(profileOf(profiles, () => simulator).current()).toMatchObject({
      payloadIdentifier: TRAINING_PROFILE_IDENTIFIER,
    });
    expect(profileOf(profiles, () => realCfgutil).current()).toBeUndefined();
    expect(profileOf(profiles).current()).toBeUndefined();
  });
});

describe('enroll-bench profile training', () => {
  async function run(args: string[]) {
    let out = '';
    let err = '';
    const code = await runProfileTrainingCommand(args, {
      out: (t) => (out += t),
      err: (t) => (err += t),
      env: { ENROLL_BENCH_DATA: dataDir },
      platform: 'darwin',
    });
    return { code, out, err };
  }

  it('--simulate: saves it, says it is for the simulator only', async () => {
    const r = await run(['--simulate', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ saved: true, profile: { training: true } });
    expect(r.err).toContain(TRAINING_LABEL);
    expect(await new ProfileService({ dataDir }).restore()).toMatchObject({ training: true });
  });

  it('with real cfgutil: refused in words, exit 1, nothing saved', async () => {
    // Any executable stands in for cfgutil here: the engine it chooses is real cfgutil.
    const r = await run(['--cfgutil', process.execPath]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/The training profile is for the simulator only\. This bench runs real cfgutil/);
    expect(await new ProfileService({ dataDir }).restore()).toBeNull();
  });
});
