import { checkPassword, type PasswordPolicy } from './password-policy';

/**
 * The pool's policy as a live checklist. Not a live region: announcing every keystroke would
 * drown a screen reader; the list is read when the operator moves to it, and the field's error
 * says what is missing on submit.
 */
export function PasswordChecklist({ id, password, policy }: { id: string; password: string; policy: PasswordPolicy }) {
  return (
    <ul id={id} className="checklist checklist__items" aria-label="Password requirements">
      {checkPassword(password, policy).map((rule) => (
        <li key={rule.id} className={rule.met ? 'checklist__item checklist__item--met' : 'checklist__item'} data-met={rule.met}>
          <span className="checklist__icon" aria-hidden="true">{rule.met ? '✓' : '✗'}</span>{' '}
          <span className="visually-hidden">{rule.met ? 'Met: ' : 'Not met: '}</span>
          {rule.label}
        </li>
      ))}
    </ul>
  );
}

export function policyProblem(password: string, policy: PasswordPolicy): string | undefined {
  const unmet = checkPassword(password, policy).filter((r) => !r.met);
  if (unmet.length === 0) return undefined;
  return `The password does not meet the pool’s policy: ${unmet.map((r) => r.label.toLowerCase()).join('; ')}.`;
}
