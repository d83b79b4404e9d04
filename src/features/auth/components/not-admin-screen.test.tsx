// @vitest-environment jsdom
import '@/lib/testing/dom';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { NotAdminScreen } from './not-admin-screen';

describe('NotAdminScreen', () => {
  it('says who is signed in and which group is missing, and offers nothing but sign-out', async () => {
    const onSignOut = vi.fn(async () => {});
    render(<NotAdminScreen username="user@example.com" adminGroup="admins" onSignOut={onSignOut} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Not an administrator' })).toBeInTheDocument();
    expect(screen.getByText('user@example.com')).toBeInTheDocument();
    expect(screen.getByText('admins')).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(screen.queryAllByRole('link')).toHaveLength(0);
    const buttons = screen.getAllByRole('button');
    expect(buttons).toHaveLength(1);
    await userEvent.click(buttons[0]!);
    expect(onSignOut).toHaveBeenCalledOnce();
  });
});
