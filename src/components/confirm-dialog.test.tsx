// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useConfirmDialog, type ConfirmDialogOptions } from './confirm-dialog';

afterEach(cleanup);

function Harness(props: Partial<ConfirmDialogOptions>) {
  const [open, dialog] = useConfirmDialog({
    title: 'Delete user?',
    message: 'This cannot be undone.',
    confirmLabel: 'Delete',
    onConfirm: () => {},
    ...props,
  });
  return (
    <>
      <button onClick={open}>Open</button>
      {dialog}
    </>
  );
}

describe('useConfirmDialog', () => {
  it('opens a labelled modal, focuses Cancel, and Escape returns focus to the opener', async () => {
    const user = userEvent.setup();
    const onCancel = vi.fn();
    render(<Harness onCancel={onCancel} />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete user?' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleDescription('This cannot be undone.');
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(onCancel).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Open' })).toHaveFocus());
  });

  it('keeps Tab inside the dialog', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await user.tab();
    expect(screen.getByRole('button', { name: 'Delete' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Delete' })).toHaveFocus();
  });

  it('requires the confirmation text before confirming', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    render(<Harness destructive confirmationText="alice" onConfirm={onConfirm} />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    const field = screen.getByLabelText('Type alice to confirm');
    expect(field).toHaveFocus();
    const confirm = screen.getByRole('button', { name: 'Delete' });
    expect(confirm).toBeDisabled();
    await user.type(field, 'alic{Enter}');
    expect(onConfirm).not.toHaveBeenCalled();
    await user.type(field, 'e');
    expect(confirm).toBeEnabled();
    await user.click(confirm);
    expect(onConfirm).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
  });

  it('starts empty again when reopened', async () => {
    const user = userEvent.setup();
    render(<Harness confirmationText="bob" />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await user.type(screen.getByLabelText('Type bob to confirm'), 'bob');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(screen.getByLabelText('Type bob to confirm')).toHaveValue('');
  });
});
