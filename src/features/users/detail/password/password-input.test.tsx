// @vitest-environment jsdom
import '@/lib/testing/dom';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm, useWatch } from 'react-hook-form';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PasswordInput } from './password-input';

function Harness({ concealable }: { concealable?: boolean }) {
  const form = useForm({ defaultValues: { password: '' } });
  const value = useWatch({ control: form.control, name: 'password' });
  return (
    <form>
      <label htmlFor="pw">Password</label>
      <PasswordInput
        id="pw"
        registration={form.register('password')}
        value={value}
        describedBy=""
        invalid={false}
        concealable={concealable ?? true}
        onGenerate={() => form.setValue('password', 'Generated-Passw0rd!')}
      />
    </form>
  );
}

const field = () => screen.getByLabelText('Password');

describe('PasswordInput', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('Generate shows the new password, and the toggle then offers to hide it', async () => {
    render(<Harness />);
    expect(field()).toHaveAttribute('type', 'password');
    await userEvent.click(screen.getByRole('button', { name: 'Show password' }));
    expect(field()).toHaveAttribute('type', 'text');
    await userEvent.click(screen.getByRole('button', { name: 'Hide password' }));
    expect(field()).toHaveAttribute('type', 'password');

    await userEvent.click(screen.getByRole('button', { name: 'Generate' }));
    expect(field()).toHaveValue('Generated-Passw0rd!');
    expect(field()).toHaveAttribute('type', 'text');
    expect(screen.getByRole('button', { name: 'Hide password' })).toBeInTheDocument();
  });

  it('copies the password and says so; a refused clipboard gets a sentence, not silence', async () => {
    const writeText = vi.fn().mockResolvedValueOnce(undefined).mockRejectedValueOnce(new Error('denied'));
    render(<Harness />);
    const copy = screen.getByRole('button', { name: 'Copy password' });
    expect(copy).toBeDisabled(); // nothing to copy yet
    await userEvent.click(screen.getByRole('button', { name: 'Generate' }));
    // userEvent installs its own clipboard at setup; replace it afterwards.
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await userEvent.click(copy);
    expect(writeText).toHaveBeenCalledWith('Generated-Passw0rd!');
    expect(await screen.findByText('Copied to the clipboard.')).toBeInTheDocument();

    await userEvent.type(field(), 'x');
    expect(screen.queryByText('Copied to the clipboard.')).toBeNull(); // that was about the old value
    await userEvent.click(copy);
    expect(await screen.findByText(/did not allow copying\. Select the password and copy it yourself/)).toBeInTheDocument();
  });

  it('a temporary password the operator hands over is always shown, with no toggle', () => {
    render(<Harness concealable={false} />);
    expect(field()).toHaveAttribute('type', 'text');
    expect(screen.queryByRole('button', { name: /show password|hide password/i })).toBeNull();
    expect(screen.getByRole('button', { name: 'Copy password' })).toBeInTheDocument();
  });
});
