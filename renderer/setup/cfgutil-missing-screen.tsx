import { useState, type FormEvent } from 'react';

export interface CfgutilMissingScreenProps {
  readonly searched: readonly string[];
  readonly onUseSimulator: () => void;
  /** Looks for cfgutil again, after the operator installed the Automation Tools. */
  readonly onRecheck: () => void;
  /** Uses (and saves) cfgutil at a path the operator typed. */
  readonly onChoosePath: (path: string) => void;
}

/** Shown on a Mac without cfgutil: how to get it, where else it may be, and a way to try the bench without it. */
export function CfgutilMissingScreen({
  searched,
  onUseSimulator,
  onRecheck,
  onChoosePath,
}: CfgutilMissingScreenProps) {
  const [path, setPath] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (path.trim()) onChoosePath(path.trim());
  };
  return (
    <section className="preflight" aria-labelledby="preflight-title">
      <h2 id="preflight-title">Install Apple Configurator's Automation Tools</h2>
      <p>
        Enroll Bench drives iPhones and iPads with Apple's cfgutil command, and it is not installed on this
        Mac.
      </p>
      <ol className="preflight-steps">
        <li>Install Apple Configurator from the Mac App Store.</li>
        <li>Open Apple Configurator.</li>
        <li>
          In the menu bar choose <strong>Apple Configurator ▸ Install Automation Tools…</strong> and enter an
          administrator password. This puts cfgutil at <code>/usr/local/bin/cfgutil</code>.
        </li>
        <li>
          Come back here and choose{' '}
          <button type="button" className="primary" onClick={onRecheck}>
            Check again
          </button>
        </li>
      </ol>
      <h3>Where the bench looked</h3>
      <ul className="preflight-searched">
        {searched.map((searchedPath) => (
          <li key={searchedPath}>
            <code>{searchedPath}</code>
          </li>
        ))}
      </ul>
      <form className="preflight-path" onSubmit={submit}>
        <label htmlFor="cfgutil-path">cfgutil is somewhere else</label>
        <input
          id="cfgutil-path"
          type="text"
          spellCheck={false}
          placeholder="/path/to/cfgutil"
          value={path}
          onChange={(event) => setPath(event.target.value)}
        />
        <button type="submit" disabled={!path.trim().startsWith('/')}>
          Use this cfgutil
        </button>
      </form>
      <p>To explore the bench without cfgutil, run it with simulated devices. Nothing real is changed.</p>
      <button type="button" onClick={onUseSimulator}>
        Use the simulator
      </button>
    </section>
  );
}
