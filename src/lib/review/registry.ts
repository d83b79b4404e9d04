/**
 * Every check, by area file. Each file in ./checks exports `checks`; registry.test.ts reads the
 * folder and fails if a file is not listed here or two checks share an id, so adding a check is
 * adding it to its area file (or a new file plus one line below).
 */
import { checks as appClients } from './checks/app-clients';
import { checks as identityPool } from './checks/identity-pool';
import { checks as messaging } from './checks/messaging';
import { checks as mfaRecovery } from './checks/mfa-recovery';
import { checks as password } from './checks/password';
import { checks as pool } from './checks/pool';
import { checks as signIn } from './checks/sign-in';
import { checks as threatProtection } from './checks/threat-protection';
import type { Check } from './types';

export const CHECK_MODULES: Readonly<Record<string, readonly Check[]>> = {
  'app-clients': appClients,
  'identity-pool': identityPool,
  messaging,
  'mfa-recovery': mfaRecovery,
  password,
  pool,
  'sign-in': signIn,
  'threat-protection': threatProtection,
};

export const CHECKS: readonly Check[] = Object.values(CHECK_MODULES).flat();
