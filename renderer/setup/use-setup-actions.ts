/**
 * The set-up area's four actions (import a profile, import or create a supervision identity, override an
 * expired profile) and what the UI shows about them: busy, the last refused file, errors, an announcement.
 *
 * The profile and identity themselves come back through the store's `profileChanged` / `identityChanged`
 * events; this hook only keeps what belongs to one attempt. The .p12 password is an argument of one call and
 * is never stored, logged or put anywhere else.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { BenchApi } from '../../preload/contract';
import type { ErrorInfo, IdentitySummary, ProfileSummary, Result } from '../../preload/domain';
import { readFilePayload } from './file-payload';
import { identityUntil, profileImportAnnouncement } from './setup-view';

export interface SetupActions {
  readonly busy: boolean;
  /** The last refused profile file (the current profile was kept), shown until dismissed or replaced. */
  readonly rejected: ProfileSummary | null;
  readonly profileError?: ErrorInfo;
  readonly identityError?: ErrorInfo;
  /** The outcome of the last action in one sentence, for the polite live region. */
  readonly announcement: string;
  importProfileFile(file: File): void;
  importIdentityFile(file: File, password: string): void;
  createIdentity(organizationName: string): void;
  overrideAge(reason: string): void;
  /** Load the generated training profile (the bench refuses it unless the engine is the simulator). */
  useTrainingProfile(): void;
  dismissRejected(): void;
  dismissProfileError(): void;
}

const unexpectedFailure: ErrorInfo = {
  code: 'internal',
  title: 'Something went wrong inside Enroll Bench',
  detail: 'Try again; if it keeps happening, reload the page or restart the app.',
  retryable: true,
};

const words = (error: ErrorInfo): string => `${error.title}. ${error.detail}`;

export function useSetupActions(api: BenchApi): SetupActions {
  const [pending, setPending] = useState(0);
  const [rejected, setRejected] = useState<ProfileSummary | null>(null);
  const [profileError, setProfileError] = useState<ErrorInfo>();
  const [identityError, setIdentityError] = useState<ErrorInfo>();
  const [announcement, setAnnouncement] = useState('');
  // Two files dropped quickly: only the answer to the latest attempt may set what the card shows.
  const attempt = useRef(0);

  const track = useCallback(async <T>(work: () => Promise<Result<T>>): Promise<Result<T>> => {
    setPending((n) => n + 1);
    try {
      return await work();
    } catch {
      // The contract never rejects; if a bridge does anyway, show an error instead of an unhandled rejection.
      return { ok: false, error: unexpectedFailure };
    } finally {
      setPending((n) => n - 1);
    }
  }, []);

  const importProfileFile = useCallback(
    (file: File) => {
      const mine = ++attempt.current;
      setProfileError(undefined);
      void track(async (): Promise<Result<ProfileSummary>> => {
        const data = await readFilePayload(file);
        if (!data.ok) return data;
        return api.importProfile({
          fileName: file.name,
          dataBase64: data.value,
          lastModified: file.lastModified,
        });
      }).then((result) => {
        if (mine !== attempt.current) return;
        if (!result.ok) {
          setProfileError(result.error);
          setAnnouncement(`Profile not loaded: ${file.name}. ${words(result.error)}`);
          return;
        }
        setRejected(result.value.verdict === 'unusable' ? result.value : null);
        setAnnouncement(profileImportAnnouncement(result.value));
      });
    },
    [api, track],
  );

  const identityOutcome = useCallback((result: Result<IdentitySummary>, verb: string) => {
    if (!result.ok) {
      setIdentityError(result.error);
      setAnnouncement(`Supervision identity not ${verb}. ${words(result.error)}`);
      return;
    }
    setIdentityError(undefined);
    setAnnouncement(
      `Supervision identity ${verb}: ${result.value.organizationName}, ${identityUntil(result.value)}.`,
    );
  }, []);

  const importIdentityFile = useCallback(
    (file: File, password: string) => {
      void track(async (): Promise<Result<IdentitySummary>> => {
        const data = await readFilePayload(file);
        if (!data.ok) return data;
        return api.importSupervisionIdentity({ fileName: file.name, dataBase64: data.value, password });
      }).then((result) => identityOutcome(result, 'imported'));
    },
    [api, track, identityOutcome],
  );

  const createIdentity = useCallback(
    (organizationName: string) => {
      void track(() => api.createSupervisionIdentity({ organizationName })).then((result) =>
        identityOutcome(result, 'created'),
      );
    },
    [api, track, identityOutcome],
  );

  const overrideAge = useCallback(
    (reason: string) => {
      setProfileError(undefined);
      void track(() => api.overrideProfileAge({ reason })).then((result) => {
        if (result.ok) setAnnouncement(`Override recorded. ${result.value.headline}`);
        else setProfileError(result.error);
      });
    },
    [api, track],
  );

  const useTrainingProfile = useCallback(() => {
    ++attempt.current;
    setProfileError(undefined);
    void track(() => api.useTrainingProfile()).then((result) => {
      if (!result.ok) {
        setProfileError(result.error);
        setAnnouncement(`Training profile not loaded. ${words(result.error)}`);
        return;
      }
      setRejected(null);
      setAnnouncement(`Training profile loaded: simulator only. ${result.value.headline}`);
    });
  }, [api, track]);

  return useMemo(
    () => ({
      busy: pending > 0,
      rejected,
      profileError,
      identityError,
      announcement,
      importProfileFile,
      importIdentityFile,
      createIdentity,
      overrideAge,
      useTrainingProfile,
      dismissRejected: () => setRejected(null),
      dismissProfileError: () => setProfileError(undefined),
    }),
    [
      pending,
      rejected,
      profileError,
      identityError,
      announcement,
      importProfileFile,
      importIdentityFile,
      createIdentity,
      overrideAge,
      useTrainingProfile,
    ],
  );
}
