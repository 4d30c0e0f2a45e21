/**
 * The "Log" tab's content until the bench log's own view (renderer/log/log-view.tsx, `LogView`) is joined
 * in: the lead swaps this component for `LogView` when the log area is merged.
 */
export function LogTab() {
  return (
    <section className="log-tab" aria-labelledby="log-tab-title">
      <h2 id="log-tab-title">Bench log</h2>
      <p>The log of prepared serial numbers, and its CSV exports, are not part of this build.</p>
    </section>
  );
}
