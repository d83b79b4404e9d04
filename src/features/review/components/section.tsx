import type { ReactNode } from 'react';
import { Badge, type BadgeTone } from '@/components/badge';
import type { Finding, Read, Severity } from '@/lib/review/types';

export const SEVERITY_TONE: Record<Severity, BadgeTone> = { high: 'danger', medium: 'warning', low: 'info', info: 'neutral' };

/** A settings group with an anchor findings link to, and the count of findings about it. */
export function Section({ id, title, findings, children }: { id: string; title: string; findings: readonly Finding[]; children: ReactNode }) {
  const mine = findings.filter((f) => f.setting === id);
  return (
    <section className="review-section" id={id} aria-labelledby={`${id}-title`} tabIndex={-1}>
      <h2 className="review-section__title" id={`${id}-title`}>
        {title}
        {mine.length > 0 ? (
          <a className="review-section__count" href={`#finding-list`}>
            <Badge tone={SEVERITY_TONE[mine[0]!.severity]}>
              {mine.length} finding{mine.length === 1 ? '' : 's'}
            </Badge>
          </a>
        ) : null}
      </h2>
      {children}
    </section>
  );
}

/** One setting: its label, value, and — for settings fixed at creation — a mark and why that matters. */
export function Fact({ label, children, fixed, id }: { label: string; children: ReactNode; fixed?: string; id?: string }) {
  return (
    <div className="review-fact" id={id} tabIndex={id ? -1 : undefined}>
      <dt>
        {label}
        {fixed ? (
          <>
            {' '}
            <Badge tone="accent">Fixed at creation</Badge>
          </>
        ) : null}
      </dt>
      <dd>
        {children}
        {fixed ? <span className="review-fact__why">{fixed}</span> : null}
      </dd>
    </div>
  );
}

/** What to show when a read has no answer: the reason, never a blank. */
export function Unavailable({ read }: { read: Extract<Read<unknown>, { ok: false }> }) {
  return <p className="review-unavailable">Not available: {read.reason}.</p>;
}

export const yesNo = (value: boolean | undefined, yes = 'Yes', no = 'No') => (value ? yes : no);
export const list = (values: readonly string[] | undefined, none = 'None') => (values && values.length > 0 ? values.join(', ') : none);
