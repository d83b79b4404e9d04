import { checkPassword, type PasswordPolicy } from '@/lib/password-policy';

/**
 * The policy as a checklist that updates while typing. Each item says "met"/"not met" in words
 * (visually hidden), so the state is not carried by colour or an icon alone.
 */
export function PasswordChecklist({ id, password, policy, title }: { id?: string; password: string; policy: PasswordPolicy; title: string }) {
  const checks = checkPassword(password, policy);
  return (
    <div className="checklist" id={id}>
      <p className="checklist__title">{title}</p>
      <ul className="checklist__items">
        {checks.map((check) => (
          <li key={check.rule} className={check.met ? 'checklist__item checklist__item--met' : 'checklist__item'}>
            <span className="checklist__icon" aria-hidden="true">
              {check.met ? '✓' : '•'}
            </span>
            {check.label}
            <span className="visually-hidden">{check.met ? ' (met)' : ' (not met)'}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
