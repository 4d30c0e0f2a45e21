/**
 * Issue 25, on the Results tab: how many of the cart's finished devices Intune shows as enrolled, and the ones
 * still to chase (not yet seen, not seen, several records, push failed). Nothing when Intune is not in use.
 */
import { useMemo } from 'react';
import type { IntuneEnrollmentView } from '../../preload/intune-domain';
import { useBench } from '../state/bench-store';
import { intuneWords } from './intune-enrollment-line';

export function IntuneResults() {
  const jobs = useBench((s) => s.jobs);
  const intune = useBench((s) => s.intune);
  const rows = useMemo(() => {
    const list: IntuneEnrollmentView[] = [];
    for (const job of Object.values(jobs)) {
      const e = job.phase === 'succeeded' && job.serialNumber ? intune[job.serialNumber] : undefined;
      if (e) list.push(e);
    }
    return list.sort((a, b) => a.serial.localeCompare(b.serial));
  }, [jobs, intune]);
  if (rows.length === 0) return null;
  const enrolled = rows.filter((r) => r.enrollment === 'enrolled').length;
  const chase = rows.filter((r) => r.enrollment !== 'enrolled');
  return (
    <section className="results-intune" aria-labelledby="results-intune-title">
      <h3 id="results-intune-title">
        Enrolled in Intune: {enrolled} of {rows.length}
      </h3>
      {chase.length > 0 && (
        <table className="results-failed">
          <caption>Not enrolled in Intune yet</caption>
          <thead>
            <tr>
              <th scope="col">Serial</th>
              <th scope="col">Intune</th>
              <th scope="col">What to do</th>
            </tr>
          </thead>
          <tbody>
            {chase.map((e) => {
              const words = intuneWords(e);
              return (
                <tr key={e.serial}>
                  <td className="mono">{e.serial}</td>
                  <td>{words.text}</td>
                  <td>{words.detail ?? 'Nothing yet: the bench keeps asking for 30 minutes.'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
