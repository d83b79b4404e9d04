/** A visible, announced loading state (role="status"), never a blank screen. */
export function Loading({ label = 'Loading…', inline = false }: { label?: string; inline?: boolean }) {
  return (
    <div role="status" className={inline ? 'loading loading--inline' : 'loading'}>
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
