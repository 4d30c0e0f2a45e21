/**
 * The two-week rule: Intune's direct-enrollment file "is only valid for two weeks" after download
 * (./README.md P6). Pure: the clock comes in as `now`.
 *
 * The download moment is not recorded in the file, so the two weeks are counted from the earliest plausible of
 * the CMS signing time, the file's modified time and the import time: starting early warns early, which is the
 * safe side. "Day 12" means 12 whole days have passed; the file is expired once 14 × 24 hours have passed.
 */
import type { ProfileAge, ProfileFinding, ProfileOverride } from '../../preload/domain';
import { DOWNLOAD_STEPS } from './wrong-file-findings';

export const DAY_MS = 24 * 60 * 60 * 1000;
export const VALID_DAYS = 14;
export const WARN_FROM_DAY = 12;

/** Dates before Intune's Apple Configurator support, or well after the import, are clock or copy artefacts. */
const EARLIEST_PLAUSIBLE = Date.UTC(2015, 0, 1);
const CLOCK_SKEW_MS = DAY_MS;

export interface AgeInputs {
  readonly importedAt: number;
  readonly fileModifiedAt?: number;
  readonly signingTime?: number;
  readonly now: number;
  readonly override?: ProfileOverride;
}

export function computeAge(inputs: AgeInputs): ProfileAge {
  const candidates: { readonly from: ProfileAge['countedFrom']; readonly at: number | undefined }[] = [
    { from: 'signing-time', at: inputs.signingTime },
    { from: 'file-modified', at: inputs.fileModifiedAt },
  ];
  let origin: { from: ProfileAge['countedFrom']; at: number } = { from: 'imported', at: inputs.importedAt };
  for (const c of candidates) {
    if (c.at === undefined || !Number.isFinite(c.at)) continue;
    if (c.at < EARLIEST_PLAUSIBLE || c.at > inputs.importedAt + CLOCK_SKEW_MS) continue;
    if (c.at < origin.at) origin = { from: c.from, at: c.at };
  }
  const elapsed = Math.max(0, inputs.now - origin.at);
  const expiresAt = origin.at + VALID_DAYS * DAY_MS;
  const ageDays = Math.floor(elapsed / DAY_MS);
  const state = elapsed >= VALID_DAYS * DAY_MS ? 'expired' : ageDays >= WARN_FROM_DAY ? 'expiring' : 'fresh';
  return {
    state,
    ageDays,
    daysLeft: Math.max(0, Math.ceil((expiresAt - inputs.now) / DAY_MS)),
    countedFrom: origin.from,
    countedFromAt: origin.at,
    expiresAt,
    overridden: state === 'expired' && inputs.override !== undefined,
  };
}

const FROM_WORDS: Readonly<Record<ProfileAge['countedFrom'], string>> = {
  'signing-time': 'its signing time',
  'file-modified': "the file's modified date",
  imported: 'when it was imported',
};

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The one age finding for the summary and the CLI. */
export function ageFinding(age: ProfileAge, override?: ProfileOverride): ProfileFinding {
  const old = `The profile is ${plural(age.ageDays, 'day')} old (counted from ${FROM_WORDS[age.countedFrom]}, ${day(age.countedFromAt)})`;
  switch (age.state) {
    case 'fresh':
      return {
        severity: 'info',
        code: 'age-ok',
        message: `${old}; ${plural(age.daysLeft, 'day')} left of the two weeks Intune allows.`,
      };
    case 'expiring':
      return {
        severity: 'warning',
        code: 'age-expiring',
        message: `${old} and stops working in ${plural(age.daysLeft, 'day')}, on ${day(age.expiresAt)}. Download a fresh one soon. ${DOWNLOAD_STEPS}`,
      };
    case 'expired':
      if (override) {
        return {
          severity: 'warning',
          code: 'age-overridden',
          message: `${old}; it expired on ${day(age.expiresAt)}. Runs are allowed because an operator overrode the age check on ${day(override.at)} ("${override.reason}"). Enrollments may fail; download a fresh one. ${DOWNLOAD_STEPS}`,
        };
      }
      return {
        severity: 'error',
        code: 'age-expired',
        message: `${old}; Intune's direct-enrollment file is valid for two weeks, so it expired on ${day(age.expiresAt)} and enrollments will fail. Download a fresh one. ${DOWNLOAD_STEPS} (An operator can override this; the override is logged.)`,
      };
  }
}
