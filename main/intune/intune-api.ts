/**
 * The three Graph calls behind "pick and pull" (all Graph beta):
 *
 * 1. `GET /beta/deviceManagement` → `intuneAccountId`. Apple Configurator profiles live under a pseudo
 *    `depOnboardingSetting` whose id is this value; listing `depOnboardingSettings` does not show it.
 * 2. `GET /beta/deviceManagement/depOnboardingSettings/{A}/enrollmentProfiles` (paged).
 * 3. `GET …/enrollmentProfiles/{id}/exportMobileConfig` → `{ "value": "<string>" }`.
 *
 * A 404 on the export (or on a profile read) after the list showed it means the profile was deleted in the
 * meantime; that is said as such.
 */
import type { GraphClient } from './graph-client';
import {
  deviceManagementSchema,
  enrollmentProfileSchema,
  exportMobileConfigSchema,
  type GraphEnrollmentProfile,
} from './graph-schemas';
import { IntuneError } from './intune-error';
import { sanitizeText } from '../text/sanitize-text';

export interface IntuneProfileListing {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly userAffinity: boolean;
  /** Why the bench will not pull it, when it will not. */
  readonly refusal?: string;
}

export const USER_AFFINITY_REFUSAL =
  'This profile enrolls with user affinity, which needs Setup Assistant sign-in; direct enrollment (what the bench installs) works only with profiles without user affinity. Create or pick a profile with "User affinity: Enroll without user affinity".';

/** Graph ids go into a URL path: only the characters Intune's ids use (GUIDs, `_`). */
const SAFE_ID = /^[A-Za-z0-9_-]{1,200}$/;

function checkedId(id: string, what: string): string {
  if (!SAFE_ID.test(id)) {
    throw new IntuneError(
      'malformed-response',
      'Intune sent an unexpected id',
      `The ${what} is not a plain id.`,
    );
  }
  return id;
}

export function toListing(profile: GraphEnrollmentProfile): IntuneProfileListing {
  const listing = {
    id: profile.id,
    name: sanitizeText(profile.displayName),
    description: sanitizeText(profile.description ?? '', { maxLength: 500 }),
    userAffinity: profile.requiresUserAuthentication,
  };
  return profile.requiresUserAuthentication ? { ...listing, refusal: USER_AFFINITY_REFUSAL } : listing;
}

export class IntuneApi {
  constructor(private readonly graph: GraphClient) {}

  async accountId(): Promise<string> {
    const dm = await this.graph.getJson(
      '/beta/deviceManagement?$select=intuneAccountId',
      deviceManagementSchema,
      "read the tenant's Intune account",
    );
    return checkedId(dm.intuneAccountId, 'Intune account id');
  }

  async listProfiles(accountId: string): Promise<IntuneProfileListing[]> {
    const items = await this.graph.getAll(
      `/beta/deviceManagement/depOnboardingSettings/${checkedId(accountId, 'Intune account id')}/enrollmentProfiles`,
      enrollmentProfileSchema,
      'list the Apple Configurator enrollment profiles',
    );
    return items.map(toListing);
  }

  /** The export's `value` string, as Graph sent it (decoding is ./decode-export.ts). */
  async exportMobileConfig(accountId: string, profile: IntuneProfileListing): Promise<string> {
    const path = `/beta/deviceManagement/depOnboardingSettings/${checkedId(accountId, 'Intune account id')}/enrollmentProfiles/${checkedId(profile.id, 'profile id')}/exportMobileConfig`;
    try {
      return (await this.graph.getJson(path, exportMobileConfigSchema, `export "${profile.name}"`)).value;
    } catch (error) {
      if (error instanceof IntuneError && error.reason === 'not-found') {
        throw new IntuneError(
          'profile-deleted',
          'The profile is no longer in Intune',
          `"${profile.name}" was deleted in Intune (or its id changed) after it was listed. Pick the profile again.`,
          error.ids,
        );
      }
      throw error;
    }
  }
}
