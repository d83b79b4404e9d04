import { Alert } from '@/components/alert';
import type { StepError } from '../model/state';

/** A failure as the error's name, what happened and what to do, and AWS's own words. */
export function StepErrorView({ error }: { error: StepError }) {
  return (
    <Alert tone="error" title={error.code}>
      <p>{error.message}</p>
      {error.detail ? (
        <p className="tl-muted">
          AWS said: <q>{error.detail}</q>
        </p>
      ) : null}
    </Alert>
  );
}
