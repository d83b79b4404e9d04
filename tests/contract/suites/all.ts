import type { EmulatorTarget } from '../../support/targets';
import { authorizationSuite } from './authorization';
import { emailDeliverySuite } from './email-delivery';
import { emulatorApiSuite } from './emulator-api';
import { iamStsSuite } from './iam-sts';
import { fidelitySuite } from './fidelity';
import { identitySuite } from './identity';
import { identityPoolsSuite } from './identity-pools';
import { quotasSuite } from './quotas';
import { sesSuite } from './ses';
import { userPoolsSuite } from './user-pools';
import { wireSuite } from './wire';

/** Every contract suite, in an order where the state-changing ones come last. */
export function allSuites(target: EmulatorTarget) {
  wireSuite(target);
  authorizationSuite(target);
  identitySuite(target);
  identityPoolsSuite(target);
  iamStsSuite(target);
  fidelitySuite(target);
  userPoolsSuite(target);
  sesSuite(target);
  emailDeliverySuite(target);
  quotasSuite(target);
  emulatorApiSuite(target);
}
