import { useId } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { AttributeInput, FieldError } from './attribute-input';
import type { AttributeRow } from './attribute-form-state';

interface Props {
  row: AttributeRow;
  registration: UseFormRegisterReturn;
  error?: string;
  busy: boolean;
  onDelete: () => void;
}

export function AttributeRowView({ row, registration, error, busy, onDelete }: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  const constraints = [
    row.required && 'required',
    row.mutable ? undefined : 'read-only',
    row.custom && 'custom',
  ].filter(Boolean);
  const deletable = row.mutable && !row.required && row.value !== undefined;
  return (
    <tr>
      <th scope="row">
        {row.mutable ? <label htmlFor={id}>{row.name}</label> : row.name}
      </th>
      <td>
        {row.type}
        {constraints.length > 0 && <span className="muted"> ({constraints.join(', ')})</span>}
      </td>
      <td>
        {row.mutable ? (
          <>
            <AttributeInput
              id={id}
              name={row.name}
              type={row.type}
              required={row.required}
              registration={registration}
              errorId={errorId}
              invalid={Boolean(error)}
            />
            <FieldError id={errorId} message={error} />
          </>
        ) : (
          <span className="attribute-value">{row.value ?? <span className="muted">not set</span>}</span>
        )}
      </td>
      <td>
        {deletable && (
          <button type="button" className="button button--small" onClick={onDelete} disabled={busy} aria-label={`Delete ${row.name}`}>
            Delete
          </button>
        )}
      </td>
    </tr>
  );
}
