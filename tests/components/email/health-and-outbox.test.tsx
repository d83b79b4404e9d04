// @vitest-environment jsdom
/**
 * Sending health's table view (the chart's accessible twin) against GetSendStatistics from the
 * emulator, an empty history, and the emulator's Outbox tab: present only when the backend is the
 * emulator, newest first, filtered by address.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '@poolkeeper/cognito-emulator';
import { sentLog } from '../../../src/features/email/model/sent-log';
import { nodeHostTarget } from '../../support/targets';
import { contextFor, lookUp, operatorContext, renderEmail } from './harness';

const target = nodeHostTarget();

beforeEach(async () => {
  await target.host().reset();
  localStorage.clear();
  sentLog.forgetResends();
});
afterEach(() => cleanup());

async function statistics(): Promise<{ at: number; attempts: number; bounces: number }[]> {
  const { SendDataPoints } = (await target.emulator.ses.call('GetSendStatistics', {}, { region: DEMO.region, principal: null })) as {
    SendDataPoints: { Timestamp: Date; DeliveryAttempts: number; Bounces: number }[];
  };
  return SendDataPoints.map((p) => ({ at: p.Timestamp.getTime(), attempts: p.DeliveryAttempts, bounces: p.Bounces }));
}

const cellSum = (rows: HTMLElement[], column: number) => rows.reduce((sum, row) => sum + Number(row.querySelectorAll('td')[column]!.textContent!.replace(/,/g, '')), 0);

describe('sending health', () => {
  it('shows the chart as a table with every bin of the range (ends partial), summing to the figures and to GetSendStatistics', async () => {
    const user = userEvent.setup();
    renderEmail(await operatorContext(target));
    const health = await screen.findByRole('region', { name: 'Sending health' }, { timeout: 10_000 });
    const table = await within(health).findByRole('table', {}, { timeout: 10_000 });
    expect(within(table).getByText('SES in us-east-1, last 7 days, per 6 hours')).toBeInTheDocument();
    const rows = () => within(screen.getByRole('region', { name: 'Sending health' }).querySelector('table')!).getAllByRole('row').slice(1);
    expect(rows()).toHaveLength(29);
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['From', 'Delivery attempts', 'Bounces', 'Complaints', 'Rejects']);

    await user.click(within(health).getByRole('button', { name: '14 days' }));
    await waitFor(() => expect(rows()).toHaveLength(29));
    const points = await statistics();
    expect(cellSum(rows(), 0)).toBe(points.reduce((s, p) => s + p.attempts, 0));
    expect(cellSum(rows(), 1)).toBe(points.reduce((s, p) => s + p.bounces, 0));
    expect(within(health).getByText('Delivery attempts', { selector: 'dt' }).nextElementSibling).toHaveTextContent(cellSum(rows(), 0).toLocaleString());
    expect(within(health).getByText(/Bounce rate \(estimate\)/)).toBeInTheDocument();
    expect(within(health).getByText(/Review at 5.0 %, may pause at 10.0 %/)).toBeInTheDocument();
    expect(within(health).getByText(/Review at 0.10 %, may pause at 0.50 %/)).toBeInTheDocument();

    await user.click(within(health).getByRole('button', { name: '24 hours' }));
    await waitFor(() => expect(rows()).toHaveLength(25));
    const dayAgo = Date.now() - 24 * 3600 * 1000;
    expect(cellSum(rows(), 0)).toBe(points.filter((p) => p.at >= Math.floor(dayAgo / 3600_000) * 3600_000).reduce((s, p) => s + p.attempts, 0));
  });

  it('says plainly when there is no sending history', async () => {
    renderEmail(contextFor(target, DEMO.userPoolId, undefined, 'eu-west-1'));
    const health = await screen.findByRole('region', { name: 'Sending health' }, { timeout: 10_000 });
    expect(await within(health).findByText('No sending in the last two weeks', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(within(health).queryByRole('table')).not.toBeInTheDocument();
  });
});

describe('the Outbox tab', () => {
  it('on the emulator: lists what was sent, newest first, filtered by address, with the code', async () => {
    const user = userEvent.setup();
    renderEmail(await operatorContext(target));
    await lookUp(user, 'liam.chen@example.org');
    await user.click(await screen.findByRole('button', { name: 'Resend sign-up code' }, { timeout: 10_000 }));
    await screen.findByText('Sent with ResendConfirmationCode', {}, { timeout: 10_000 });
    const code = target.emulator.outbox.latest({ to: 'liam.chen@example.org' })!.code!;

    await user.click(screen.getByRole('link', { name: /Outbox/ }));
    expect(await screen.findByText("The emulator's outbox")).toBeInTheDocument();
    await user.type(screen.getByLabelText('Filter by address'), 'LIAM.chen@example.org');
    await waitFor(() => expect(screen.getByRole('table')).toHaveTextContent(code), { timeout: 10_000 });
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('resend-code');
    expect(rows[0]).toHaveTextContent('SES');

    await user.clear(screen.getByLabelText('Filter by address'));
    await user.type(screen.getByLabelText('Filter by address'), 'nobody@example.org');
    expect(await screen.findByText('Nothing sent to nobody@example.org', {}, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('against AWS (live mode, no endpoint): no tab, and its URL leads back to the screen', async () => {
    const { router } = renderEmail(await operatorContext(target), '/email/outbox', 'live');
    await screen.findByRole('region', { name: "Why didn't my code arrive?" }, { timeout: 10_000 });
    expect(router.state.location.pathname).toBe('/email');
    expect(screen.queryByRole('link', { name: /Outbox/ })).not.toBeInTheDocument();
  });
});
