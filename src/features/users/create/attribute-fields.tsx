import { useId, useState } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import type { AttributeRow } from '../detail/attributes/attribute-form-state';
import { AttributeInput, FieldError } from '../detail/attributes/attribute-input';
import type { CreateFormFields } from './create-form-state';

/** Required attributes in view; optional ones folded away until wanted (or until one is invalid). */
export function AttributeFields({ form, rows }: { form: UseFormReturn<CreateFormFields>; rows: AttributeRow[] }) {
  const signInWith = useWatch({ control: form.control, name: 'signInWith' });
  const [expanded, setExpanded] = useState(false);
  const errors = form.formState.errors.attributes;
  const shown = rows.map((row, index) => ({ row, index })).filter(({ row }) => row.name !== signInWith);
  const required = shown.filter(({ row }) => row.required);
  const optional = shown.filter(({ row }) => !row.required);
  const optionalInvalid = optional.some(({ index }) => errors?.[index]);
  const field = ({ row, index }: { row: AttributeRow; index: number }) => (
    <AttributeField key={row.name} row={row} form={form} index={index} error={errors?.[index]?.message} />
  );
  return (
    <>
      {required.length > 0 && (
        <fieldset className="form__group">
          <legend>Required attributes</legend>
          {required.map(field)}
        </fieldset>
      )}
      <details open={expanded || optionalInvalid} onToggle={(e) => setExpanded(e.currentTarget.open)}>
        <summary>Optional attributes ({optional.length})</summary>
        {optional.map(field)}
      </details>
    </>
  );
}

function AttributeField({ row, form, index, error }: { row: AttributeRow; form: UseFormReturn<CreateFormFields>; index: number; error?: string }) {
  const id = useId();
  const notes = [row.type !== 'String' && row.type, row.custom && 'custom'].filter(Boolean).join(', ');
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {row.name}
        {notes && <span className="muted"> ({notes})</span>}
      </label>
      <AttributeInput
        id={id}
        name={row.name}
        type={row.type}
        required={row.required}
        registration={form.register(`attributes.${index}`)}
        errorId={`${id}-error`}
        invalid={Boolean(error)}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
