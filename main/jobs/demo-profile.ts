/**
 * A stand-in Intune direct-enrollment profile for a simulated run when none is imported (`run --simulate`):
 * the shape Intune exports (intune.md §3), an obviously fake host and challenge, written to a private temp
 * file. Never used with real cfgutil.
 */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'plist';
import type { EnrollmentProfile } from './job-context';

export const DEMO_PROFILE_IDENTIFIER = 'com.example.enroll-bench.simulation';

export async function writeDemoProfile(dir: string): Promise<EnrollmentProfile> {
  const xml = build({
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: DEMO_PROFILE_IDENTIFIER,
    PayloadUUID: '6F9A0C1E-0000-4000-8000-000000000001',
    PayloadDisplayName: 'Simulated Intune enrollment',
    PayloadOrganization: 'Enroll Bench simulation',
    PayloadContent: [
      {
        PayloadType: 'com.apple.security.scep',
        PayloadUUID: '6F9A0C1E-0000-4000-8000-000000000002',
        PayloadIdentifier: `${DEMO_PROFILE_IDENTIFIER}.scep`,
        PayloadVersion: 1,
        PayloadContent: { URL: 'https://simulation.invalid/scep', Challenge: 'simulation-only' },
      },
      {
        PayloadType: 'com.apple.mdm',
        PayloadUUID: '6F9A0C1E-0000-4000-8000-000000000003',
        PayloadIdentifier: `${DEMO_PROFILE_IDENTIFIER}.mdm`,
        PayloadVersion: 1,
        ServerURL: 'https://simulation.invalid/mdm',
        CheckInURL: 'https://simulation.invalid/checkin',
        Topic: 'com.apple.mgmt.External.00000000-0000-0000-0000-000000000000',
        IdentityCertificateUUID: '6F9A0C1E-0000-4000-8000-000000000002',
        AccessRights: 8191,
      },
    ],
  });
  const file = path.join(dir, 'simulated-enrollment.mobileconfig');
  await writeFile(file, xml, { mode: 0o600 });
  return {
    path: file,
    payloadIdentifier: DEMO_PROFILE_IDENTIFIER,
    sha256: createHash('sha256').update(xml).digest('hex'),
  };
}
