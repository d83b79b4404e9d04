import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { countBySeverity } from '@/lib/review/evaluate';
import { AREAS, SEVERITIES, type Area, type Review, type Severity } from '@/lib/review/types';
import { applyFilter, filterFromParams, paramsFromFilter } from '../filters';
import { FindingItem } from './finding-item';

/** Findings, filterable by severity and area (both kept in the URL), worst first. */
/** `labels`: a readable name for a resource (an app client's name beside its id). */
export function FindingsPanel({ review, partial = false, labels = {} }: { review: Review; partial?: boolean; labels?: Readonly<Record<string, string>> }) {
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const shown = applyFilter(review.findings, filter);
  const counts = countBySeverity(review.findings);
  const areaId = useId();
  const set = (next: typeof filter) => setParams(paramsFromFilter(next, params), { replace: true });
  const toggle = (severity: Severity) =>
    set({ ...filter, severities: filter.severities.includes(severity) ? filter.severities.filter((s) => s !== severity) : [...filter.severities, severity] });
  // While the app clients are still being read, their checks are pending, not "not evaluated".
  const notEvaluated = partial ? review.notEvaluated.filter((n) => n.area !== 'app-clients') : review.notEvaluated;
  const areas = (Object.keys(AREAS) as Area[]).filter((a) => review.findings.some((f) => f.area === a));

  return (
    <section className="review-findings" id="finding-list" aria-labelledby="findings-title" tabIndex={-1}>
      <h2 id="findings-title" className="review-section__title">
        Findings
      </h2>
      <div className="review-filters">
        <fieldset className="review-filters__severity">
          <legend>Severity</legend>
          {SEVERITIES.map((s) => (
            <label key={s} className={`review-chip review-chip--${s}`}>
              <input type="checkbox" checked={filter.severities.includes(s)} onChange={() => toggle(s)} />
              {s} ({counts[s]})
            </label>
          ))}
        </fieldset>
        <div className="review-filters__area">
          <label htmlFor={areaId}>Area</label>
          <select id={areaId} className="field__input" value={filter.area ?? ''} onChange={(e) => set({ ...filter, area: (e.target.value || null) as Area | null })}>
            <option value="">All areas</option>
            {areas.map((a) => (
              <option key={a} value={a}>
                {AREAS[a]}
              </option>
            ))}
          </select>
        </div>
        {filter.severities.length > 0 || filter.area ? (
          <button type="button" className="button button--small button--ghost" onClick={() => set({ severities: [], area: null })}>
            Clear filters
          </button>
        ) : null}
      </div>
      <p className="muted" role={partial ? undefined : 'status'}>
        {shown.length === review.findings.length ? `${review.findings.length} findings` : `${shown.length} of ${review.findings.length} findings`} ·{' '}
        {review.passed.length} checks passed · {notEvaluated.length} not evaluated{partial ? ' · app clients still being read' : ''}
      </p>
      {shown.length === 0 ? (
        <p className="review-empty">{review.findings.length === 0 ? 'No findings: every evaluated check passed.' : 'No findings match these filters.'}</p>
      ) : (
        <ul className="findings">
          {shown.map((f, i) => (
            <FindingItem key={`${f.id}|${f.resource}|${f.field}|${i}`} finding={f} label={labels[f.resource]} />
          ))}
        </ul>
      )}
      {notEvaluated.length > 0 ? (
        <details className="review-not-evaluated">
          <summary>Not evaluated ({notEvaluated.length})</summary>
          <ul>
            {notEvaluated.map((n, i) => (
              <li key={`${n.id}|${i}`}>
                <strong>{n.title}</strong> <code>{n.id}</code>: {n.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
