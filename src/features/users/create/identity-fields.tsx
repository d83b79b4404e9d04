import { useId } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import type { AttributeRow } from '../detail/attributes/attribute-form-state';
import { AttributeInput, FieldError } from '../detail/attributes/attribute-input';
import type { CreateFormFields, SignInWith } from './create-form-state';

const labels: Record<SignInWith, string> = { username: 'Username', email: 'Email address', phone_number: 'Phone number' };

/** Who the user is: a username, or the email/phone they sign in with when the pool uses those. */
export function IdentityFields({ form, rows, options }: { form: UseFormReturn<CreateFormFields>; rows: AttributeRow[]; options: SignInWith[] }) {
  const id = useId();
  const signInWith = useWatch({ control: form.control, name: 'signInWith' });
  const errors = form.formState.errors;
  const index = rows.findIndex((r) => r.name === signInWith);
  const row = rows[index];
  return (
    <fieldset className="form__group">
      <legend>Sign-in</legend>
      {options.length > 1 && (
        <fieldset className="choice-group">
          <legend>The user signs in with</legend>
          {options.map((option) => (
            <label key={option}>
              <input type="radio" value={option} {...form.register('signInWith')} /> {labels[option]}
            </label>
          ))}
        </fieldset>
      )}
      {signInWith === 'username' || !row ? (
        <>
          <label htmlFor={`${id}-username`} className="field__label">
            Username
          </label>
          <input
            id={`${id}-username`}
            className="field__input"
            autoComplete="off"
            spellCheck={false}
            aria-required="true"
            aria-invalid={errors.username ? true : undefined}
            aria-describedby={`${id}-username-hint${errors.username ? ` ${id}-username-error` : ''}`}
            {...form.register('username')}
          />
          <p id={`${id}-username-hint`} className="field__hint">
            A username cannot be changed later.
          </p>
          <FieldError id={`${id}-username-error`} message={errors.username?.message} />
        </>
      ) : (
        <>
          <label htmlFor={`${id}-signin`} className="field__label">
            {labels[signInWith]}
          </label>
          <AttributeInput
            id={`${id}-signin`}
            name={row.name}
            type={row.type}
            required
            registration={form.register(`attributes.${index}`)}
            errorId={`${id}-signin-error`}
            invalid={Boolean(errors.attributes?.[index])}
          />
          <FieldError id={`${id}-signin-error`} message={errors.attributes?.[index]?.message} />
        </>
      )}
    </fieldset>
  );
}
