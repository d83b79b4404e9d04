import { Badge } from '@/components/badge';
import { showValue } from '@/lib/review/report';
import { AREAS, type Finding } from '@/lib/review/types';
import { SEVERITY_TONE } from './section';

/** A finding, closed to one line; opened, everything a reviewer needs to act on it. */
export function FindingItem({ finding, label }: { finding: Finding; label?: string | undefined }) {
  const f = finding;
  return (
    <li className="finding">
      <details>
        <summary className="finding__summary">
          <Badge tone={SEVERITY_TONE[f.severity]}>{f.severity}</Badge>
          <span className="finding__title">{f.title}</span>
          <span className="finding__resource">{label ?? f.resource}</span>
        </summary>
        <div className="finding__body">
          <dl className="finding__facts">
            <div>
              <dt>Evidence</dt>
              <dd>
                <code>
                  {f.field} = {showValue(f.value)}
                </code>{' '}
                <span className="muted">expected {f.expected}</span>
              </dd>
            </div>
            <div>
              <dt>Why it matters</dt>
              <dd>{f.why}</dd>
            </div>
            <div>
              <dt>Fix</dt>
              <dd>
                <p>
                  {f.fixable ? <Badge tone="success">Fixable on this pool</Badge> : <Badge tone="accent">Needs a new pool or client</Badge>} {f.fix.console}
                </p>
                <pre className="finding__code">
                  <code>{f.fix.cli}</code>
                </pre>
                <p className="muted">
                  CloudFormation: <code>{f.fix.cloudformation}</code>
                </p>
              </dd>
            </div>
            <div>
              <dt>Check</dt>
              <dd>
                <code>{f.id}</code> · {AREAS[f.area]}
                {f.references.prowler ? <> · Prowler <code>{f.references.prowler}</code></> : null}
                {f.references.securityHub ? <> · Security Hub {f.references.securityHub}</> : null}
              </dd>
            </div>
          </dl>
          <a className="button button--small" href={`#${f.setting}`}>
            Go to the setting
          </a>
        </div>
      </details>
    </li>
  );
}
