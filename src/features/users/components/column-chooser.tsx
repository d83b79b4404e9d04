/**
 * Which columns show and in what order, plus any attribute of the pool's schema as an extra
 * column. Remembered per browser (model/view-prefs.ts).
 */
import { useId, useRef, useState } from 'react';
import type { SchemaAttribute } from '@/aws/user-detail';
import { attributeColumnId, attributeLabel, canAddAttributeColumn, type UserColumn } from '../model/column-model';
import { DEFAULT_PREFS, moveColumn, toggleColumn } from '../model/view-prefs';

export function ColumnChooser({
  columns,
  visible,
  schema,
  extraAttributes,
  onVisibleChange,
  onAddAttribute,
}: {
  columns: readonly UserColumn[];
  visible: readonly string[];
  schema: readonly SchemaAttribute[];
  extraAttributes: readonly string[];
  onVisibleChange: (visible: string[]) => void;
  onAddAttribute: (name: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const [adding, setAdding] = useState('');
  const panelId = useId();
  const addId = useId();
  const byId = new Map(columns.map((c) => [c.id, c]));
  const ordered = [...visible.filter((id) => byId.has(id)), ...columns.map((c) => c.id).filter((id) => !visible.includes(id))];
  const addable = schema.filter((a) => canAddAttributeColumn(a.name) && !extraAttributes.includes(a.name)).map((a) => a.name);

  return (
    <div
      className="users-columns"
      onKeyDown={(event) => {
        // Escape closes the menu from anywhere in it, and focus goes back to its button.
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          toggle.current?.focus();
        }
      }}
    >
      <button ref={toggle} type="button" className="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        Columns
      </button>
      {open ? (
        <div id={panelId} className="users-columns__panel" role="group" aria-label="Choose columns">
          <ul className="users-columns__list">
            {ordered.map((id) => {
              const column = byId.get(id)!;
              const shown = visible.includes(id);
              const index = visible.indexOf(id);
              return (
                <li key={id} className="users-columns__item">
                  <label title={column.attribute && column.attribute !== column.label ? `Attribute ${column.attribute}` : undefined}>
                    <input
                      type="checkbox"
                      checked={shown}
                      disabled={column.required}
                      onChange={(e) => onVisibleChange(toggleColumn(visible, id, e.target.checked))}
                    />{' '}
                    {column.label}
                  </label>
                  {shown ? (
                    <span className="users-columns__move">
                      <button type="button" className="button button--small" aria-label={`Move ${column.label} left`} disabled={index <= 0} onClick={() => onVisibleChange(moveColumn(visible, id, -1))}>
                        ←
                      </button>
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={`Move ${column.label} right`}
                        disabled={index >= visible.length - 1}
                        onClick={() => onVisibleChange(moveColumn(visible, id, 1))}
                      >
                        →
                      </button>
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {addable.length > 0 ? (
            <form
              className="users-columns__add"
              onSubmit={(e) => {
                e.preventDefault();
                if (!adding) return;
                onAddAttribute(adding);
                onVisibleChange(toggleColumn(visible, attributeColumnId(adding), true));
                setAdding('');
              }}
            >
              <label htmlFor={addId}>Attribute from the pool schema</label>
              <select id={addId} value={adding} onChange={(e) => setAdding(e.target.value)}>
                <option value="">Choose…</option>
                {addable.map((name) => (
                  <option key={name} value={name}>
                    {attributeLabel(name) === name ? name : `${attributeLabel(name)} — ${name}`}
                  </option>
                ))}
              </select>
              <button type="submit" className="button button--small" disabled={!adding}>
                Add column
              </button>
            </form>
          ) : null}
          <button type="button" className="button button--small" onClick={() => onVisibleChange([...DEFAULT_PREFS.columns])}>
            Reset columns
          </button>
        </div>
      ) : null}
    </div>
  );
}
