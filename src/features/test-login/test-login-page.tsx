import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useAdminContext } from '@/aws/admin-context';
import { PageHeader } from '@/components/page-header';
import { useRuntime } from '@/config/runtime-context';
import { isEmulator, latestCode, outboxBase } from './api/emulator-outbox';
import { STEP_IDS } from './model/state';
import { Stepper } from './components/stepper';
import { ApiStep } from './components/steps/api-step';
import { ClientStep } from './components/steps/client-step';
import { ConfirmStep } from './components/steps/confirm-step';
import { IdentityStep } from './components/steps/identity-step';
import { SignInStep } from './components/steps/sign-in-step';
import { SignOutStep } from './components/steps/sign-out-step';
import { SignUpStep } from './components/steps/sign-up-step';
import { TokensStep } from './components/steps/tokens-step';
import { contactOf, useTestLogin } from './use-test-login';
import './test-login.css';

/**
 * Test login: the end user's whole journey against the pool — app client, sign-up, confirmation,
 * SRP sign-in, tokens, identity-pool credentials, an API call, sign-out and clean-up — each step
 * showing its exact calls. The test user's session is this component's state: in memory only,
 * gone when the panel is left, and never the operator's.
 */
export function TestLoginPage() {
  const runtime = useRuntime();
  const { config } = runtime;
  const { operator } = useAdminContext();
  const { state, actions } = useTestLogin();
  const busy = STEP_IDS.some((id) => state.steps[id].status === 'running');

  const base = outboxBase(runtime);
  const emulator = useQuery({
    queryKey: ['test-login', 'emulator-outbox', base],
    queryFn: () => (base ? isEmulator(base) : Promise.resolve(false)),
    staleTime: Infinity,
    retry: false,
  });
  const readCode = emulator.data && base ? () => latestCode(base, { poolId: config.userPoolId, to: contactOf(state) }) : undefined;

  // Start with the configured client (testClientId) described, once.
  const useClientOnce = useRef<(() => void) | null>(() => {
    if (config.testClientId) void actions.useClient(config.testClientId);
  });
  useEffect(() => {
    useClientOnce.current?.();
    useClientOnce.current = null;
  }, []);

  const providerName = `cognito-idp.${config.region}.amazonaws.com/${config.userPoolId}`;
  const props = { state, actions, busy };
  return (
    <div className="page tl-page">
      <PageHeader
        title="Test login"
        description="Run your end users' whole journey against this pool, the way your app does it, and see every call and answer."
      />
      <p className="tl-session-note" role="note">
        You stay signed in as <strong>{operator.email ?? operator.username}</strong>. The test user's session is separate: kept in this page's
        memory only, never stored, and gone when you leave the panel.
      </p>
      <div className="tl-layout">
        <Stepper state={state} />
        <div className="tl-steps">
          <ClientStep {...props} userPoolId={config.userPoolId} />
          <SignUpStep {...props} />
          <ConfirmStep {...props} {...(readCode ? { readCode } : {})} />
          <SignInStep {...props} {...(readCode ? { readCode } : {})} />
          <TokensStep {...props} />
          <IdentityStep {...props} providerName={providerName} />
          <ApiStep {...props} />
          <SignOutStep {...props} />
        </div>
      </div>
    </div>
  );
}
