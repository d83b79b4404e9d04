import { Badge } from '@/components/badge';
import { TextField } from '@/components/text-field';
import type { OutboxMessage } from '../../api/emulator-outbox';
import { StepSection } from '../step-section';
import { ReadCodeButton } from '../read-code-button';
import type { StepProps } from './step-props';

export function ConfirmStep({ state, actions, busy, readCode }: StepProps & { readCode?: () => Promise<OutboxMessage | undefined> }) {
  const { delivery, statusHistory } = state;
  return (
    <StepSection
      id="confirm"
      run={state.steps.confirm}
      intro="ConfirmSignUp with the code Cognito sent. CodeDeliveryDetails says where it went (masked); with PreventUserExistenceErrors even an unknown user gets one, so it proves nothing was delivered."
    >
      {delivery ? (
        <p>
          Cognito sent the code by <strong>{delivery.medium}</strong> to <strong>{delivery.destination}</strong> (attribute {delivery.attribute}).
        </p>
      ) : state.signUp ? (
        <p>Cognito reported no CodeDeliveryDetails: the pool verifies no attribute automatically, so no code was sent.</p>
      ) : null}
      {statusHistory.length > 0 ? (
        <p className="tl-status-history">
          User status:{' '}
          {statusHistory.map((status, index) => (
            <span key={`${status}-${index}`}>
              {index > 0 ? <span aria-hidden="true"> → </span> : null}
              <Badge tone={status === 'CONFIRMED' ? 'success' : 'warning'}>{status}</Badge>
            </span>
          ))}
        </p>
      ) : null}
      <form
        className="form tl-inline-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void actions.confirm();
        }}
      >
        <TextField
          label="Confirmation code"
          value={state.inputs.code}
          onChange={(event) => actions.setInput({ code: event.target.value })}
          inputMode="numeric"
          autoComplete="one-time-code"
          className="field--code"
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy || state.inputs.username.trim() === ''}>
            Confirm sign-up
          </button>
          <button type="button" className="button" disabled={busy || state.inputs.username.trim() === ''} onClick={() => void actions.resend()}>
            Resend the code
          </button>
          {readCode ? <ReadCodeButton readCode={readCode} onCode={(code) => actions.setInput({ code })} disabled={busy} /> : null}
        </div>
      </form>
    </StepSection>
  );
}
