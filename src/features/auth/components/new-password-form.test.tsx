// @vitest-environment jsdom
import '@/lib/testing/dom';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@/aws/errors';
import { NewPasswordForm } from './new-password-form';

const checklist = () => screen.getByText(/password policy/).closest('.checklist') as HTMLElement;
const item = (label: RegExp) => within(checklist()).getByText(label).closest('li')!;

describe('NewPasswordForm', () => {
  it('checks the password against the policy while typing, saying which policy it shows', async () => {
    render(<NewPasswordForm account="a@example.com" requiredAttributes={[]} onSubmit={vi.fn()} onCancel={vi.fn()} />);
    expect(screen.getByText(/Cognito's default password policy \(your pool's may differ/)).toBeInTheDocument();
    expect(item(/At least 8 characters/)).toHaveTextContent('(not met)');
    await userEvent.type(screen.getByLabelText('New password'), 'abcDEF12');
    expect(item(/At least 8 characters/)).toHaveTextContent('(met)');
    expect(item(/uppercase/)).toHaveTextContent('(met)');
    expect(item(/number/)).toHaveTextContent('(met)');
    expect(item(/special character/)).toHaveTextContent('(not met)');
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(expect.stringContaining('At least 8 characters'));
  });

  it('uses the policy from the config when the deployer gave one', () => {
    render(
      <NewPasswordForm
        account="a@example.com"
        requiredAttributes={[]}
        configuredPolicy={{ minimumLength: 12, requireUppercase: false, requireLowercase: true, requireNumbers: false, requireSymbols: false }}
        onSubmit={vi.fn()}
        onCancel={vi.fn()}
      />,
    );
    expect(screen.getByText("Your pool's password policy")).toBeInTheDocument();
    expect(within(checklist()).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['•At least 12 characters (not met)', '•A lowercase letter (a–z) (not met)']);
  });

  it('asks for required attributes and a matching confirmation before submitting', async () => {
    const onSubmit = vi.fn(async () => {});
    render(<NewPasswordForm account="a@example.com" requiredAttributes={['name', 'custom:team_name']} onSubmit={onSubmit} onCancel={vi.fn()} />);
    await userEvent.type(screen.getByLabelText('New password'), 'Brand-New-Passw0rd!');
    await userEvent.type(screen.getByLabelText('Confirm new password'), 'Brand-New-Passw0rd');
    await userEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    expect(await screen.findByText('The two passwords differ. Type the same password twice.')).toBeInTheDocument();
    expect(screen.getByText('Enter full name.')).toBeInTheDocument();
    expect(screen.getByText('Enter team name.')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();

    await userEvent.type(screen.getByLabelText('Confirm new password'), '!');
    await userEvent.type(screen.getByLabelText('Full name'), 'Ada Admin');
    await userEvent.type(screen.getByLabelText('Team name'), 'Ops');
    await userEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    expect(onSubmit).toHaveBeenCalledWith({ newPassword: 'Brand-New-Passw0rd!', attributes: { name: 'Ada Admin', 'custom:team_name': 'Ops' } });
  });

  it('shows Cognito’s policy refusal at the password field and other failures as an alert', async () => {
    const onSubmit = vi
      .fn()
      .mockRejectedValueOnce(new AppError('InvalidPasswordException', "The password does not meet the pool's password policy (Password must have symbol characters). Choose one that does."))
      .mockRejectedValueOnce(new AppError('NotAuthorizedException', 'This sign-in step took too long and has expired. Start signing in again.'));
    render(<NewPasswordForm account="a@example.com" requiredAttributes={[]} onSubmit={onSubmit} onCancel={vi.fn()} />);
    await userEvent.type(screen.getByLabelText('New password'), 'Password1');
    await userEvent.type(screen.getByLabelText('Confirm new password'), 'Password1');
    await userEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    const field = screen.getByLabelText('New password');
    expect(await screen.findByText(/Password must have symbol characters/)).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveFocus();

    await userEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This sign-in step took too long and has expired.');
  });

  it('after Cognito refuses the password, the checklist shows the rule it named as unmet', async () => {
    // The demo pool needs 10 characters; the default checklist (8) ticked every box for 9.
    const onSubmit = vi
      .fn()
      .mockRejectedValueOnce(new AppError('InvalidPasswordException', 'Password did not conform with policy: Password not long enough'))
      .mockResolvedValueOnce(undefined);
    render(<NewPasswordForm account="a@example.com" requiredAttributes={[]} onSubmit={onSubmit} onCancel={vi.fn()} />);
    await userEvent.type(screen.getByLabelText('New password'), 'Abcdefg1!');
    await userEvent.type(screen.getByLabelText('Confirm new password'), 'Abcdefg1!');
    expect(item(/At least 8 characters/)).toHaveTextContent('(met)');
    await userEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    expect(await screen.findByText(/Password not long enough/)).toBeInTheDocument();
    expect(screen.getByText(/as far as Cognito's answer shows it/)).toBeInTheDocument();
    expect(item(/At least 10 characters/)).toHaveTextContent('(not met)');
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(expect.stringContaining('At least 10 characters'));

    await userEvent.type(screen.getByLabelText('New password'), 'x');
    expect(item(/At least 10 characters/)).toHaveTextContent('(met)');
  });
});
