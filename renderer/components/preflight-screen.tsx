export interface PreflightScreenProps {
  readonly searched: readonly string[];
  readonly onUseSimulator: () => void;
}

/** Shown on a Mac without cfgutil: how to get it, and a way to try the bench without it. */
export function PreflightScreen({ searched, onUseSimulator }: PreflightScreenProps) {
  return (
    <section className="preflight" aria-labelledby="preflight-title">
      <h2 id="preflight-title">Install Apple Configurator's Automation Tools</h2>
      <p>Enroll Bench drives iPhones and iPads with Apple's cfgutil command, and it is not installed on this Mac.</p>
      <ol className="preflight-steps">
        <li>Install Apple Configurator from the Mac App Store.</li>
        <li>Open Apple Configurator.</li>
        <li>
          In the menu bar choose <strong>Apple Configurator ▸ Install Automation Tools…</strong> and enter an administrator
          password. This puts cfgutil at <code>/usr/local/bin/cfgutil</code>.
        </li>
        <li>Quit and reopen Enroll Bench.</li>
      </ol>
      <h3>Where the bench looked</h3>
      <ul className="preflight-searched">
        {searched.map((path) => (
          <li key={path}>
            <code>{path}</code>
          </li>
        ))}
      </ul>
      <p>To explore the bench without cfgutil, run it with simulated devices. Nothing real is changed.</p>
      <button type="button" className="primary" onClick={onUseSimulator}>
        Use the simulator
      </button>
    </section>
  );
}
