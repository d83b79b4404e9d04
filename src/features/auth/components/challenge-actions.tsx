/** The buttons under every sign-in challenge: submit (busy while Cognito answers) and a way back. */
export function ChallengeActions({
  isSubmitting,
  submitLabel,
  pendingLabel,
  onCancel,
}: {
  isSubmitting: boolean;
  submitLabel: string;
  pendingLabel: string;
  onCancel: () => void;
}) {
  return (
    <div className="form__actions">
      <button type="submit" className="button button--primary" disabled={isSubmitting}>
        {isSubmitting ? pendingLabel : submitLabel}
      </button>
      <button type="button" className="button button--ghost" onClick={onCancel} disabled={isSubmitting}>
        Back to sign in
      </button>
    </div>
  );
}
