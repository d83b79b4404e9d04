import { useId, type ReactNode } from 'react';

/** A titled panel; its heading names the region for screen readers. */
export function Card({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section className={['card', className ?? ''].filter(Boolean).join(' ')} aria-labelledby={id}>
      <h2 id={id} className="card__title">
        {title}
      </h2>
      <div className="card__body">{children}</div>
    </section>
  );
}
