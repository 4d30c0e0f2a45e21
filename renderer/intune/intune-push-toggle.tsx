/**
 * Settings › Intune, issue 25: "Push prepared serials to Intune". Turning it on asks Microsoft for one more
 * permission (DeviceManagementServiceConfig.ReadWrite.All) in this Mac's browser; the same switch as
 * `enroll-bench settings set intune.pushSerials true`.
 */
import { useState } from 'react';
import type { BenchApi } from '../../preload/contract';
import type { ErrorInfo } from '../../preload/domain';
import type { IntuneStatusView } from '../../preload/intune-domain';

export function IntunePushToggle({
  api,
  status,
  onStatus,
}: {
  readonly api: Pick<BenchApi, 'setIntunePushSerials'>;
  readonly status: IntuneStatusView;
  readonly onStatus: (next: IntuneStatusView) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ErrorInfo>();
  const on = status.pushSerials === true;
  return (
    <div className="intune-push">
      <label>
        <input
          type="checkbox"
          checked={on}
          disabled={busy}
          onChange={(e) => {
            const next = e.target.checked;
            setBusy(true);
            setFailure(undefined);
            void api
              .setIntunePushSerials({ on: next })
              .then((r) => (r.ok ? onStatus(r.value) : setFailure(r.error)))
              .finally(() => setBusy(false));
          }}
        />{' '}
        Push prepared serials to Intune
      </label>
      <p className="settings-hint">
        Each prepared serial is added to Apple Configurator devices for the picked profile (before the install
        for ACME, after the device is done for SCEP), and the bench checks that the device enrolls. Turning it
        on asks for the DeviceManagementServiceConfig.ReadWrite.All permission.
      </p>
      {failure && (
        <p role="alert" className="intune-error">
          <strong>{failure.title}.</strong> {failure.detail}
        </p>
      )}
    </div>
  );
}
