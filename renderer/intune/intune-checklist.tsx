/**
 * The app registration the admin makes once, as a checklist beside the sign-in fields (Microsoft Entra admin
 * center › App registrations). Bring-your-own: the bench ships no client ID of its own.
 */
export function IntuneChecklist() {
  return (
    <section className="intune-checklist" aria-labelledby="intune-checklist-title">
      <h3 id="intune-checklist-title">Before you connect: the app registration</h3>
      <ol>
        <li>
          Microsoft Entra admin center › App registrations › <strong>New registration</strong>: any name (for
          example “Enroll Bench”), <em>Accounts in this organizational directory only</em>.
        </li>
        <li>
          Authentication › Add a platform › <strong>Mobile and desktop applications</strong>, redirect URI{' '}
          <code>http://localhost</code>.
        </li>
        <li>
          API permissions › Microsoft Graph › <strong>Delegated</strong>:{' '}
          <code>DeviceManagementServiceConfig.Read.All</code> and{' '}
          <code>DeviceManagementManagedDevices.Read.All</code>. Add{' '}
          <code>DeviceManagementServiceConfig.ReadWrite.All</code> only if serial push is turned on.
        </li>
        <li>
          <strong>Grant admin consent</strong> for the tenant (a Global or Privileged Role Administrator).
        </li>
        <li>
          The admin who signs in needs an <strong>Intune licence</strong> and an Intune role that can read
          enrollment settings (Intune Administrator, or a custom role with Enrollment programs › Read).
        </li>
        <li>
          Copy the <strong>Directory (tenant) ID</strong> and the <strong>Application (client) ID</strong>{' '}
          from the registration’s Overview into the fields here.
        </li>
      </ol>
      <p className="settings-hint">
        Device-code sign-in (<code>enroll-bench intune connect --device-code</code>) also needs “Allow public
        client flows”, and many tenants block it with Conditional Access.
      </p>
    </section>
  );
}
