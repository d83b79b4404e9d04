// @vitest-environment jsdom
import '@/lib/testing/dom';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@/aws/errors';
import { SignInForm } from './sign-in-form';

describe('SignInForm', () => {
  it('has labelled fields and says what is missing, without calling Cognito', async () => {
    const onSubmit = vi.fn(async () => {});
    render(<SignInForm onSubmit={onSubmit} />);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your username or email address.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
    expect(screen.getByLabelText('Username or email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Username or email')).toHaveAccessibleDescription('Enter your username or email address.');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('trims the username, disables the button while pending, and shows the failure as an alert', async () => {
    let reject: (error: unknown) => void = () => {};
    const onSubmit = vi.fn(() => new Promise<void>((_resolve, r) => (reject = r)));
    render(<SignInForm onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText('Username or email'), '  admin@example.com ');
    await userEvent.type(screen.getByLabelText('Password'), 'Wrong-Passw0rd!');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(onSubmit).toHaveBeenCalledWith({ username: 'admin@example.com', password: 'Wrong-Passw0rd!' });
    const pending = await screen.findByRole('button', { name: 'Signing in…' });
    expect(pending).toBeDisabled();

    reject(new AppError('NotAuthorizedException', 'The username or password is incorrect. Check both and try again.'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Sign-in failed');
    expect(alert).toHaveTextContent('The username or password is incorrect. Check both and try again.');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('turns raw SDK and network errors into sentences', async () => {
    const onSubmit = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    render(<SignInForm onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText('Username or email'), 'admin@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'x');
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Cannot reach AWS. Check your network connection and try again.');
  });
});
