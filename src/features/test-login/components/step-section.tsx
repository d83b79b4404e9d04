import type { ReactNode } from 'react';
import { Alert } from '@/components/alert';
import { Badge, type BadgeTone } from '@/components/badge';
import { STEP_IDS, STEP_TITLES, type StepId, type StepRun } from '../model/state';
import { CallLog } from './call-log';
import { StepErrorView } from './step-error';

const STATUS: Record<StepRun['status'], { label: string; tone: BadgeTone }> = {
  idle: { label: 'Not run', tone: 'neutral' },
  running: { label: 'Running…', tone: 'info' },
  done: { label: 'Done', tone: 'success' },
  error: { label: 'Failed', tone: 'danger' },
};

export function StatusBadge({ run }: { run: StepRun }) {
  const status = STATUS[run.status];
  return <Badge tone={status.tone}>{status.label}</Badge>;
}

/** One step of the panel: number, title, status, the step's own content, its outcome and its calls. */
export function StepSection({ id, run, intro, children }: { id: StepId; run: StepRun; intro?: ReactNode; children: ReactNode }) {
  const number = STEP_IDS.indexOf(id) + 1;
  return (
    <section className="card tl-step" id={`step-${id}`} aria-labelledby={`step-${id}-title`} aria-busy={run.status === 'running'}>
      <div className="tl-step__head">
        <h2 className="card__title" id={`step-${id}-title`}>
          <span className="tl-step__number">{number}.</span> {STEP_TITLES[id]}
        </h2>
        <StatusBadge run={run} />
      </div>
      <div className="card__body stack">
        {intro ? <p className="tl-muted">{intro}</p> : null}
        {children}
        {run.error ? <StepErrorView error={run.error} /> : null}
        {run.note ? <Alert tone={run.status === 'error' ? 'warning' : 'success'}>{run.note}</Alert> : null}
        <CallLog calls={run.calls} />
      </div>
    </section>
  );
}
