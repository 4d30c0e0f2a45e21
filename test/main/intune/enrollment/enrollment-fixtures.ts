/** A fake tenant with a picked profile, and the slice of IntuneService the enrollment area needs. */
import { GraphClient } from '../../../../main/intune/graph-client';
import type { IntuneService } from '../../../../main/intune/intune-service';
import type { FakeIntune } from '../../../../main/sim/intune/fake-intune';
import { startFake } from '../intune-fixtures';

export const TOKEN = 'enrollment-test-token';

export interface Tenant {
  readonly fake: FakeIntune;
  readonly profileGuid: string;
  readonly intune: Pick<IntuneService, 'connection' | 'pushSerials'>;
  push: boolean;
}

export async function startTenant(opts: { readonly fetch?: typeof fetch } = {}): Promise<Tenant> {
  const fake = await startFake(TOKEN);
  const profile = fake.profiles[1]!; // the ACME one; any will do
  const tenant: Tenant = {
    fake,
    profileGuid: profile.guid,
    push: true,
    intune: {
      pushSerials: async () => tenant.push,
      connection: async () => ({
        graph: new GraphClient({
          root: fake.url,
          getToken: async () => TOKEN,
          sleep: async () => undefined,
          ...(opts.fetch ? { fetch: opts.fetch } : {}),
        }),
        accountId: fake.accountId,
        config: {
          mode: 'simulated',
          cloud: 'global',
          selected: { id: fake.graphId(profile), name: profile.displayName },
        },
      }),
    },
  };
  return tenant;
}

/** `n` distinct Apple-shaped serials. */
export function serials(n: number, prefix = 'F9FX'): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(8, '0')}`);
}
