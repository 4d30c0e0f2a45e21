/**
 * The one hook between the jobs area and Intune (issue 25): the install step asks it before installing the
 * enrollment profile, so an ACME profile's serial is pushed to Intune first. The jobs area is composed before
 * the Intune area, so the Intune area fills the hook in later; until then (and without Intune) it does nothing.
 * Services import downward only: the jobs area sees just this small interface.
 */
export type BeforeInstall = (serial: string | undefined, signal: AbortSignal) => Promise<void>;

export class InstallGate {
  private hook: BeforeInstall | undefined;

  set(hook: BeforeInstall | undefined): void {
    this.hook = hook;
  }

  readonly run: BeforeInstall = async (serial, signal) => {
    await this.hook?.(serial, signal);
  };
}
