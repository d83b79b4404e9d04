import type { ReactNode } from 'react';

/** The frame every sign-in step shares: product name, one h1 per step, the step's content. */
export function AuthCard({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <main className="auth-page" id="main">
      <div className="auth-card">
        <p className="auth-card__brand" aria-hidden="true">
          <span className="brand-mark" /> Poolkeeper
        </p>
        <h1 className="auth-card__title">{title}</h1>
        {description ? <div className="auth-card__description">{description}</div> : null}
        {children}
      </div>
    </main>
  );
}
