import { useState } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * A password field with the buttons support work needs beside it: Generate (which also reveals what
 * it generated), Show/Hide (its label says what a press will do, and so follows the field after
 * Generate), and Copy — a generated or temporary password is useless until it reaches the user, and
 * Poolkeeper never shows it again. Shared by the set-password form and the create-user form.
 */
export function PasswordInput({
  id,
  registration,
  value,
  describedBy,
  invalid,
  onGenerate,
  generateLabel = 'Generate',
  concealable = true,
  autoComplete = 'new-password',
}: {
  id: string;
  registration: UseFormRegisterReturn;
  /** the field's current value (watched by the form), for Copy */
  value: string;
  describedBy: string;
  invalid: boolean;
  onGenerate: () => void;
  generateLabel?: string;
  /** false: always shown as text (a temporary password the operator is about to hand over) */
  concealable?: boolean;
  autoComplete?: string;
}) {
  const [visible, setVisible] = useState(!concealable);
  const [copy, setCopy] = useState<{ state: CopyState; of: string }>({ state: 'idle', of: '' });
  // A message about an earlier value would mislead once the field has changed.
  const copyState = copy.of === value ? copy.state : 'idle';

  const copyValue = () => {
    const text = value;
    const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    if (!clipboard) {
      setCopy({ state: 'failed', of: text });
      return;
    }
    clipboard.writeText(text).then(
      () => setCopy({ state: 'copied', of: text }),
      () => setCopy({ state: 'failed', of: text }),
    );
  };

  return (
    <>
      <div className="input-row">
        <input
          id={id}
          className="field__input"
          type={visible ? 'text' : 'password'}
          autoComplete={autoComplete}
          spellCheck={false}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={describedBy}
          {...registration}
        />
        {concealable && (
          <button type="button" className="button" aria-controls={id} onClick={() => setVisible((v) => !v)}>
            {visible ? 'Hide password' : 'Show password'}
          </button>
        )}
        <button
          type="button"
          className="button"
          onClick={() => {
            onGenerate();
            setVisible(true);
          }}
        >
          {generateLabel}
        </button>
        <button type="button" className="button" onClick={copyValue} disabled={value === ''} aria-describedby={`${id}-copy-status`}>
          Copy password
        </button>
      </div>
      <p id={`${id}-copy-status`} role="status" className={copyState === 'failed' ? 'field__error' : 'field__hint'}>
        {copyState === 'copied' && 'Copied to the clipboard.'}
        {copyState === 'failed' && 'The browser did not allow copying. Select the password and copy it yourself.'}
      </p>
    </>
  );
}
