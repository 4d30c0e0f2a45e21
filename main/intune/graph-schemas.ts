/**
 * The shapes the bench reads from Graph, as zod schemas that keep unknown fields (`looseObject`): the beta API
 * adds properties, and a new field must never break a pull. A missing or wrong field is named in the error.
 *
 * Shapes from the public Graph beta reference: `deviceManagement` (intuneAccountId), `enrollmentProfile`
 * (https://learn.microsoft.com/graph/api/resources/intune-enrollment-enrollmentprofile?view=graph-rest-beta) and
 * its `exportMobileConfig` function, which answers `{ "value": String }`.
 */
import { z } from 'zod';

export const deviceManagementSchema = z.looseObject({
  intuneAccountId: z.string().min(1).max(200),
});

export const enrollmentProfileSchema = z.looseObject({
  id: z.string().min(1).max(300),
  displayName: z.string().max(1000),
  description: z.string().max(5000).nullish(),
  requiresUserAuthentication: z.boolean(),
  configurationEndpointUrl: z.string().max(2000).nullish(),
  enableAuthenticationViaCompanyPortal: z.boolean().nullish(),
});

export type GraphEnrollmentProfile = z.output<typeof enrollmentProfileSchema>;

/** 4 MB of text is far beyond any profile (a few KB); the client also caps the body before parsing. */
export const exportMobileConfigSchema = z.looseObject({
  value: z
    .string()
    .min(1)
    .max(4 * 1024 * 1024),
});

/** "intuneAccountId: missing; value: expected string" — field names, never values. */
export function describeIssues(error: z.ZodError, input: unknown): string {
  const absent = (path: readonly PropertyKey[]): boolean => {
    let at: unknown = input;
    for (const key of path) {
      if (typeof at !== 'object' || at === null) return true;
      at = (at as Record<PropertyKey, unknown>)[key];
    }
    return at === undefined;
  };
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.length ? issue.path.join('.') : 'the answer';
      return issue.code === 'invalid_type' && absent(issue.path)
        ? `${where}: missing`
        : `${where}: ${issue.message}`;
    })
    .join('; ');
}
