import { useEffect, useId, useState } from 'react';

/**
 * Instant filter over every loaded column, custom attributes included (Cognito cannot search
 * those). The table follows each keystroke; the URL follows once typing pauses.
 */
export function QuickFilter({ value, onChange, onCommit }: { value: string; onChange: (text: string) => void; onCommit: (text: string) => void }) {
  const id = useId();
  const [text, setText] = useState(value);
  // The URL changed under us (a link, back): show its filter.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value);
  }

  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onCommit(text), 400);
    return () => clearTimeout(timer);
  }, [text, value, onCommit]);

  return (
    <div className="users-quick-filter">
      <label htmlFor={id}>Filter loaded users</label>
      <input
        id={id}
        type="search"
        value={text}
        placeholder="Any column, e.g. gold “New York”"
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => {
          setText(e.target.value);
          onChange(e.target.value);
        }}
      />
    </div>
  );
}
