// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useConfirm } from './dialog';

afterEach(cleanup);

function Harness() {
  const [confirm, dialog] = useConfirm();
  const [answer, setAnswer] = useState('none');
  return (
    <>
      <button onClick={() => void confirm({ title: 'Reset the demo data?', confirmLabel: 'Reset' }).then((ok) => setAnswer(String(ok)))}>Open</button>
      <p>answer: {answer}</p>
      {dialog}
    </>
  );
}

describe('useConfirm', () => {
  it('starts on Cancel, keeps Tab inside, and Escape cancels and returns focus to the opener', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const opener = screen.getByRole('button', { name: 'Open' });
    await user.click(opener);
    const dialog = screen.getByRole('alertdialog', { name: 'Reset the demo data?' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    const reset = screen.getByRole('button', { name: 'Reset' });
    expect(cancel).toHaveFocus();
    await user.tab();
    expect(reset).toHaveFocus();
    await user.tab();
    expect(cancel).toHaveFocus();
    await user.tab({ shift: true });
    expect(reset).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByText('answer: false')).toBeInTheDocument();
    expect(opener).toHaveFocus();
  });
});
