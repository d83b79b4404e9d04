import { useId } from 'react';

/** Instant filter over every loaded column, custom attributes included (Cognito cannot search those). */
export function QuickFilter({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  const id = useId();
  return (
    <div className="users-quick-filter">
      <label htmlFor={id}>Filter loaded users</label>
      <input
        id={id}
        type="search"
        value={value}
        // Words must all match; "quotes" keep a phrase together. An example that finds a demo user.
        placeholder={`Any column, e.g. pro "Noah Kim"`}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
