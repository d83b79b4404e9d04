// @vitest-environment jsdom
import '@/lib/testing/dom';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleSignOut } from './idle-sign-out';

describe('IdleSignOut', () => {
  let time = 0;
  const now = () => time;
  const at = (ms: number) => {
    time = ms;
    act(() => {
      vi.advanceTimersByTime(1000);
    });
  };

  beforeEach(() => {
    time = 0;
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('warns a minute before, ignores stray movement then, and stays on request', () => {
    const onTimeout = vi.fn();
    render(<IdleSignOut timeoutMinutes={2} onTimeout={onTimeout} now={now} />);
    at(59_000);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    at(61_000);
    const dialog = screen.getByRole('alertdialog', { name: 'Still there?' });
    expect(dialog).toHaveTextContent('You will be signed out in 59 seconds');
    expect(screen.getByRole('button', { name: 'Stay signed in' })).toHaveFocus();

    fireEvent.pointerMove(window);
    at(90_000);
    expect(screen.getByRole('alertdialog')).toHaveTextContent('in 30 seconds');

    fireEvent.click(screen.getByRole('button', { name: 'Stay signed in' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    at(200_000);
    expect(onTimeout).not.toHaveBeenCalled();
    at(211_000);
    expect(onTimeout).toHaveBeenCalledOnce();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    at(400_000);
    expect(onTimeout).toHaveBeenCalledOnce();
  });

  it('counts keyboard and pointer input as activity before the warning', () => {
    const onTimeout = vi.fn();
    render(<IdleSignOut timeoutMinutes={2} onTimeout={onTimeout} now={now} />);
    at(50_000);
    fireEvent.keyDown(window, { key: 'a' });
    at(100_000);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    fireEvent.pointerDown(window);
    at(215_000);
    expect(onTimeout).not.toHaveBeenCalled();
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
  });

  it('signs out at once when a throttled background tab wakes up past the deadline', () => {
    const onTimeout = vi.fn();
    render(<IdleSignOut timeoutMinutes={30} onTimeout={onTimeout} now={now} />);
    time = 45 * 60_000;
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(onTimeout).toHaveBeenCalledOnce();
  });
});
