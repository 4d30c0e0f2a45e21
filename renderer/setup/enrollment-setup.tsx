/**
 * The enrollment set-up area above the devices: the Intune profile and the supervision identity.
 *
 * It shows the full cards when the operator has to act (see setup-view.ts) or asked to see them, and a
 * one-line strip otherwise, so a cart of 40 still fits 1280×800. Files dropped anywhere on the window land
 * here: .p12/.pfx go to the identity import after a password prompt, everything else to the profile import.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BenchApi } from '../../preload/contract';
import { TRAINING_LABEL } from '../../preload/domain';
import { useBenchState, type BenchStore } from '../state/bench-store';
import { isIdentityFileName } from './file-payload';
import { attentionReason } from './setup-view';
import { useNow } from './use-now';
import { useSetupActions } from './use-setup-actions';
import { useWindowFileDrop } from './use-window-drop';
import { useWindowPaste } from './use-window-paste';
import { DropOverlay } from './drop-overlay';
import { IdentityCard } from './identity-card';
import { ErrorNotice } from '../bench/notices';
import { PasswordDialog } from './password-dialog';
import { ProfileCard } from './profile-card';
import { SetupStrip } from './setup-strip';
import './enrollment-setup.css';

export interface EnrollmentSetupProps {
  readonly api: BenchApi;
  readonly store: BenchStore;
}

export function EnrollmentSetup({ api, store }: EnrollmentSetupProps) {
  const { profile, identity, engine } = useBenchState(store);
  const now = useNow();
  const actions = useSetupActions(api);
  const [opened, setOpened] = useState(false);
  /** A dropped .p12 waiting for its password. */
  const [identityFile, setIdentityFile] = useState<File>();
  const toggle = useRef<HTMLButtonElement>(null);
  const focusToggle = useRef(false);

  const { importProfileFile, importIdentityFile } = actions;
  const onFile = useCallback(
    (file: File) => (isIdentityFileName(file.name) ? setIdentityFile(file) : importProfileFile(file)),
    [importProfileFile],
  );
  const dragging = useWindowFileDrop(onFile);
  useWindowPaste(onFile);

  // Keep keyboard focus on the toggle when it swaps between "Change…" and "Hide set-up details".
  useEffect(() => {
    if (focusToggle.current) toggle.current?.focus();
    focusToggle.current = false;
  }, [opened]);
  const setOpen = (next: boolean) => {
    focusToggle.current = true;
    setOpened(next);
  };

  const overlay = dragging && <DropOverlay />;
  if (profile === undefined || identity === undefined) return overlay || null;

  const reason = attentionReason({
    profile,
    identity,
    rejected: actions.rejected,
    identityError: actions.identityError !== undefined,
    now,
  });
  const collapsed = reason === undefined && !opened && profile !== null && identity !== null;

  return (
    // Only the bare strip may sit beside the simulator buttons; a prompt or an error needs the whole row.
    <div
      className={`setup ${collapsed && !identityFile && !actions.profileError ? 'setup-collapsed' : 'setup-expanded'}`}
    >
      {overlay}
      {profile?.training && (
        <p className="training-banner" role="note">
          <strong>{TRAINING_LABEL}.</strong> This bench uses a generated training profile: devices are
          simulated and nothing is enrolled in Intune. Load the real Intune profile before a real cart.
        </p>
      )}
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {actions.announcement}
      </div>
      {identityFile && (
        <PasswordDialog
          fileName={identityFile.name}
          busy={actions.busy}
          onCancel={() => setIdentityFile(undefined)}
          onSubmit={(password) => {
            importIdentityFile(identityFile, password);
            setIdentityFile(undefined);
          }}
        />
      )}
      {actions.profileError && (
        <ErrorNotice error={actions.profileError} onDismiss={actions.dismissProfileError} />
      )}
      {collapsed ? (
        <SetupStrip profile={profile} identity={identity} onExpand={() => setOpen(true)} expandRef={toggle} />
      ) : (
        <>
          <div className="setup-actions">
            {actions.rejected && (
              <button type="button" onClick={actions.dismissRejected}>
                Dismiss the refused file
              </button>
            )}
            {opened && reason === undefined && (
              <button type="button" ref={toggle} aria-expanded="true" onClick={() => setOpen(false)}>
                Hide set-up details
              </button>
            )}
          </div>
          <div className="setup-cards">
            <ProfileCard
              summary={profile}
              rejected={actions.rejected}
              busy={actions.busy}
              onChooseFile={onFile}
              onOverride={actions.overrideAge}
              {...(engine?.kind === 'simulator' ? { onUseTraining: actions.useTrainingProfile } : {})}
            />
            <IdentityCard
              identity={identity}
              now={now}
              busy={actions.busy}
              error={
                actions.identityError && `${actions.identityError.title}. ${actions.identityError.detail}`
              }
              onImport={importIdentityFile}
              onCreate={actions.createIdentity}
            />
          </div>
        </>
      )}
    </div>
  );
}
