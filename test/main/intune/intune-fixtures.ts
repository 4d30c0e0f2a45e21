/** Shared set-up for the Intune tests: a fake tenant, a script's token file, a data folder and a clock. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FakeIntune, type FakeIntuneOptions } from '../../../main/sim/intune/fake-intune';

/** A JWT-shaped access token (unsigned: only its `exp` is read) that is easy to search for. */
export function fakeJwt(expiresAtMs: number, marker = 'SECRET-TOKEN-MARKER'): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return [part({ alg: 'none' }), part({ exp: Math.floor(expiresAtMs / 1000), marker }), marker].join('.');
}

export async function writeTokenFile(dir: string, token: string): Promise<string> {
  const file = path.join(dir, 'graph-token.txt');
  await writeFile(file, token, { mode: 0o600 });
  return file;
}

export async function startFake(token: string, options: FakeIntuneOptions = {}): Promise<FakeIntune> {
  const fake = FakeIntune.withShippedProfiles({ tokens: [token], pageSize: 2, ...options });
  await fake.listen();
  return fake;
}

export class TestClock {
  constructor(public t = Date.UTC(2026, 11, 1, 9, 0, 0)) {}
  readonly now = (): number => this.t;
  readonly date = (): Date => new Date(this.t);
  advanceDays(days: number): void {
    this.t += days * 24 * 60 * 60 * 1000;
  }
}
