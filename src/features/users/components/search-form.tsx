/**
 * Server-side search with Cognito's grammar behind a friendly control: pick a searchable
 * attribute, "equals" or "starts with", type a value. The value is escaped by the filter builder,
 * never spliced; problems show at the field before anything is sent.
 */
import { useId, useState, type FormEvent } from 'react';
import {
  SEARCHABLE_ATTRIBUTE_LABELS,
  SEARCHABLE_ATTRIBUTES,
  validateSearch,
  type AttributeSearch,
  type SearchableAttribute,
  type SearchMatch,
} from '../filters/filter-model';

const EMPTY: AttributeSearch = { attribute: 'email', match: 'starts-with', value: '' };

export function SearchForm({
  search,
  onSearch,
  onRejected,
}: {
  search: AttributeSearch | undefined;
  onSearch: (search: AttributeSearch | undefined) => void;
  /** a search was refused before being sent (true), or a valid one was sent (false) */
  onRejected?: (rejected: boolean) => void;
}) {
  const [draft, setDraft] = useState<AttributeSearch>(search ?? EMPTY);
  const [problems, setProblems] = useState<string[]>([]);
  const ids = { attribute: useId(), match: useId(), value: useId(), problems: useId() };

  // A link or the back button changed the search: show it (state adjusted while rendering).
  const [shown, setShown] = useState(search);
  if (shown !== search) {
    setShown(search);
    setDraft(search ?? EMPTY);
    setProblems([]);
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateSearch(draft);
    setProblems(found);
    onRejected?.(found.length > 0);
    if (found.length === 0) onSearch(draft);
  };

  return (
    <form role="search" aria-label="Search users in Cognito" className="users-search" onSubmit={submit} noValidate>
      <label htmlFor={ids.attribute} className="users-search__label">
        Search
      </label>
      <select
        id={ids.attribute}
        value={draft.attribute}
        onChange={(e) => setDraft({ ...draft, attribute: e.target.value as SearchableAttribute })}
        aria-label="Attribute to search"
      >
        {SEARCHABLE_ATTRIBUTES.map((attribute) => (
          <option key={attribute} value={attribute}>
            {SEARCHABLE_ATTRIBUTE_LABELS[attribute]}
          </option>
        ))}
      </select>
      <select id={ids.match} value={draft.match} onChange={(e) => setDraft({ ...draft, match: e.target.value as SearchMatch })} aria-label="Match">
        <option value="starts-with">starts with</option>
        <option value="equals">equals</option>
      </select>
      <input
        id={ids.value}
        type="search"
        value={draft.value}
        placeholder={draft.attribute === 'status' ? 'Enabled or Disabled' : 'Value'}
        aria-label="Search value"
        aria-invalid={problems.length > 0 || undefined}
        aria-describedby={problems.length > 0 ? ids.problems : undefined}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => setDraft({ ...draft, value: e.target.value })}
      />
      <button type="submit" className="button button--primary">
        Search
      </button>
      {search ? (
        <button type="button" className="button" onClick={() => onSearch(undefined)}>
          Clear search
        </button>
      ) : null}
      {problems.length > 0 ? (
        <ul id={ids.problems} className="users-search__problems" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
