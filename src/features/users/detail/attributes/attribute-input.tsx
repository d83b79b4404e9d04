import type { UseFormRegisterReturn } from 'react-hook-form';
import type { AttributeDataType } from '@/aws/user-detail';

interface Props {
  id: string;
  name: string;
  type: AttributeDataType;
  required?: boolean;
  registration: UseFormRegisterReturn;
  errorId?: string;
  invalid?: boolean;
  describedBy?: string;
}

/** One attribute's input, typed by the schema: Boolean as a choice (it may also be unset). */
export function AttributeInput({ id, name, type, required, registration, errorId, invalid, describedBy }: Props) {
  const described = [describedBy, invalid ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  const common = { id, className: 'field__input', 'aria-invalid': invalid || undefined, 'aria-describedby': described, 'aria-required': required || undefined };
  if (type === 'Boolean') {
    return (
      <select {...common} {...registration}>
        <option value="">not set</option>
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    );
  }
  const htmlType = name === 'email' ? 'email' : name === 'phone_number' ? 'tel' : name === 'birthdate' ? 'date' : 'text';
  return (
    <input
      {...common}
      {...registration}
      type={htmlType}
      inputMode={type === 'Number' ? 'decimal' : undefined}
      autoComplete="off"
      spellCheck={false}
    />
  );
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="field__error">
      {message}
    </p>
  );
}
