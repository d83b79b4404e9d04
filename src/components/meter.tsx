/** How much of a limit is used, as a bar with the numbers in words beside it. */
export function Meter({ label, value, max }: { label: string; value: number; max: number }) {
  const ratio = max > 0 ? Math.min(1, value / max) : 0;
  const tone = ratio >= 0.9 ? 'danger' : ratio >= 0.7 ? 'warning' : 'ok';
  return (
    <div className={`meter meter--${tone}`}>
      <div role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={value} className="meter__track">
        <div className="meter__fill" style={{ width: `${ratio * 100}%` }} />
      </div>
    </div>
  );
}
