import type { useTestLogin } from '../../use-test-login';
import type { TestLoginState } from '../../model/state';

export interface StepProps {
  state: TestLoginState;
  actions: ReturnType<typeof useTestLogin>['actions'];
  /** a step is running: actions wait */
  busy: boolean;
}
