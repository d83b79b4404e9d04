import { STEP_IDS, STEP_TITLES, currentStep, type TestLoginState } from '../model/state';
import { StatusBadge } from './step-section';

/** The eight steps at a glance; each links to its section, the next one to do is marked. */
export function Stepper({ state }: { state: TestLoginState }) {
  const current = currentStep(state);
  return (
    <nav aria-label="Test login steps" className="tl-stepper">
      <ol className="tl-stepper__list">
        {STEP_IDS.map((id, index) => (
          <li key={id} className={id === current ? 'tl-stepper__item tl-stepper__item--current' : 'tl-stepper__item'}>
            <a href={`#step-${id}`} aria-current={id === current ? 'step' : undefined}>
              <span className="tl-stepper__number">{index + 1}</span> {STEP_TITLES[id]}
            </a>
            <StatusBadge run={state.steps[id]} />
          </li>
        ))}
      </ol>
    </nav>
  );
}
