// @vitest-environment jsdom
import '@/lib/testing/dom';
import { QueryClientProvider, useMutation, useQuery } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@/aws/errors';
import { ToastRegion } from '@/components/toast-region';
import { createToastStore } from '@/lib/toast';
import { createQueryClient } from './query-client';

function Harness({ fail, meta }: { fail: () => Promise<unknown>; meta?: { suppressErrorToast?: boolean; successMessage?: string } }) {
  const mutation = useMutation({ mutationFn: fail, ...(meta ? { meta } : {}) });
  return (
    <button type="button" onClick={() => mutation.mutate()}>
      Act
    </button>
  );
}

function setup(fail: () => Promise<unknown>, meta?: { suppressErrorToast?: boolean; successMessage?: string }) {
  const toasts = createToastStore();
  const onSessionEnded = vi.fn();
  const client = createQueryClient({ toasts, onSessionEnded });
  render(
    <QueryClientProvider client={client}>
      <Harness fail={fail} {...(meta ? { meta } : {})} />
      <ToastRegion store={toasts} />
    </QueryClientProvider>,
  );
  return { toasts, onSessionEnded, client };
}

describe('the query client', () => {
  it('announces a failed mutation’s AppError message as an alert, dismissable', async () => {
    setup(async () => {
      throw Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException', $fault: 'client', $metadata: { httpStatusCode: 400 } });
    });
    await userEvent.click(screen.getByRole('button', { name: 'Act' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Too many requests reached AWS at once. Wait a moment and try again.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Dismiss message' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('leaves the error to the screen when asked, and confirms success when given a message', async () => {
    const { toasts } = setup(async () => {
      throw new AppError('UsernameExistsException', 'A user with this username already exists in the pool.');
    }, { suppressErrorToast: true });
    await userEvent.click(screen.getByRole('button', { name: 'Act' }));
    await act(async () => {});
    expect(toasts.getSnapshot()).toEqual([]);
  });

  it('confirms success when the mutation names a message', async () => {
    setup(async () => 'ok', { successMessage: 'User enabled.' });
    await userEvent.click(screen.getByRole('button', { name: 'Act' }));
    expect(await screen.findByText('User enabled.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('sends the operator back to sign-in when a call says the session is over', async () => {
    const { onSessionEnded, toasts } = setup(async () => {
      throw new AppError('UnrecognizedClientException', 'AWS did not recognise the credentials this session holds. Sign in again.', { reauthenticate: true });
    });
    await userEvent.click(screen.getByRole('button', { name: 'Act' }));
    await vi.waitFor(() => expect(onSessionEnded).toHaveBeenCalledOnce());
    expect(toasts.getSnapshot()).toEqual([]);
  });

  it('retries queries only for retryable failures', async () => {
    const toasts = createToastStore();
    const client = createQueryClient({ toasts, onSessionEnded: vi.fn() });
    client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retryDelay: 0 } });
    const flaky = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValueOnce('fine');
    const denied = vi.fn().mockRejectedValue(new AppError('AccessDeniedException', 'Your role does not allow this action.'));
    function Reader() {
      const a = useQuery({ queryKey: ['flaky'], queryFn: flaky });
      const b = useQuery({ queryKey: ['denied'], queryFn: denied });
      return (
        <p>
          {a.data ?? 'pending'} / {b.error?.message ?? 'pending'}
        </p>
      );
    }
    render(
      <QueryClientProvider client={client}>
        <Reader />
      </QueryClientProvider>,
    );
    expect(await screen.findByText('fine / Your role does not allow this action.')).toBeInTheDocument();
    expect(flaky).toHaveBeenCalledTimes(2);
    expect(denied).toHaveBeenCalledTimes(1);
  });
});
