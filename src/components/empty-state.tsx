import type { ReactNode } from 'react';

/** Nothing to show yet — said plainly, with the next step when there is one. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="state state--empty">
      <h2 className="state__title">{title}</h2>
      {children ? <div>{children}</div> : null}
      {action ? <div className="state__action">{action}</div> : null}
    </div>
  );
}
