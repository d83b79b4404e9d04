import type { ReactNode } from 'react';

export type AlertTone = 'error' | 'warning' | 'info' | 'success';

/**
 * A message in the page. Errors and warnings use role="alert" so screen readers announce them
 * as they appear; information uses role="status".
 */
export function Alert({ tone = 'info', title, children, actions }: { tone?: AlertTone; title?: string; children?: ReactNode; actions?: ReactNode }) {
  const role = tone === 'error' || tone === 'warning' ? 'alert' : 'status';
  return (
    <div role={role} className={`alert alert--${tone}`}>
      {title ? <p className="alert__title">{title}</p> : null}
      {children ? <div className="alert__body">{children}</div> : null}
      {actions ? <div className="alert__actions">{actions}</div> : null}
    </div>
  );
}
