// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { putFakeUser } from '@/aws/user-detail.fake';
import { fakePoolPerTest } from '../testing/fake-server';
import { renderRoute } from '../testing/render-route';
import { eventChallenges, eventRisk } from './auth-event-text';

const event = (i: number, extra: Record<string, unknown> = {}) => ({
  EventId: `event-${i}`,
  EventType: 'SignIn',
  CreationDate: 1_760_000_000 - i * 3600,
  EventResponse: 'Pass',
  EventRisk: { RiskDecision: 'NoRisk', CompromisedCredentialsDetected: false },
  ChallengeResponses: [{ ChallengeName: 'Password', ChallengeResponse: 'Success' }],
  EventContextData: { IpAddress: '198.51.100.24', DeviceName: 'Chrome, Windows 10', City: 'Amsterdam', Country: 'Netherlands' },
  ...extra,
});

const start = fakePoolPerTest((pool) => {
  putFakeUser(pool, { username: 'operator', attributes: { email: 'operator@example.com' }, groups: new Set(['admins']) });
  putFakeUser(pool, {
    username: 'alice',
    attributes: { email: 'alice@example.com' },
    authEvents: [
      event(0, {
        EventResponse: 'Fail',
        ChallengeResponses: [{ ChallengeName: 'Password', ChallengeResponse: 'Success' }, { ChallengeName: 'Mfa', ChallengeResponse: 'Failure' }],
        EventRisk: { RiskDecision: 'AccountTakeover', RiskLevel: 'High', CompromisedCredentialsDetected: false },
      }),
      ...Array.from({ length: 29 }, (_, i) => event(i + 1)),
    ],
  });
  putFakeUser(pool, { username: 'bob', attributes: { email: 'bob@example.com' } });
});

describe('history tab: sign-in activity', () => {
  it('lists the user’s auth events newest first, with outcome, steps, risk and origin, and pages back', async () => {
    const { pool, ctx } = start();
    pool.threatProtection = true;
    renderRoute('/users/alice/history', ctx);
    const table = await screen.findByRole('table', { name: /sign-in activity of alice/i });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(25);
    expect(rows[0]).toHaveTextContent('Sign-in');
    expect(rows[0]).toHaveTextContent('Failed');
    expect(rows[0]).toHaveTextContent('Password right, MFA code wrong');
    expect(rows[0]).toHaveTextContent('Possible account takeover (high risk)');
    expect(rows[0]).toHaveTextContent('198.51.100.24 · Chrome, Windows 10 · Amsterdam, Netherlands');
    expect(rows[1]).toHaveTextContent('Succeeded');

    await userEvent.click(screen.getByRole('button', { name: 'Show older events' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(31));
    expect(screen.queryByRole('button', { name: 'Show older events' })).toBeNull();
    const requests = pool.calls.filter((c) => c.op === 'AdminListUserAuthEvents');
    expect(requests.map((c) => c.input.NextToken)).toEqual([undefined, '25']);
  });

  it('in a pool without threat protection, says why there are no events and how to turn it on', async () => {
    const { ctx } = start();
    renderRoute('/users/alice/history', ctx);
    expect(await screen.findByText('This pool does not record sign-in activity.')).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('AdvancedSecurityMode');
    expect(screen.queryAllByRole('alert').map((el) => el.textContent)).toEqual(['']); // the page's empty status region only
  });

  it('a user with no events yet gets a sentence, and a failed read can be retried', async () => {
    const { pool, ctx } = start();
    pool.threatProtection = true;
    pool.failures.set('AdminListUserAuthEvents', ['AccessDeniedException', 'User is not authorized to perform: cognito-idp:AdminListUserAuthEvents']);
    renderRoute('/users/bob/history', ctx);
    expect(await screen.findByText(/Could not load sign-in activity/)).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('button', { name: /try again|retry/i }));
    expect(await screen.findByText(/No sign-in activity recorded for bob yet/)).toBeInTheDocument();
  });
});

describe('auth event wording', () => {
  it('puts risk and challenge outcomes into words', () => {
    expect(eventRisk({ risk: { decision: 'NoRisk', compromisedCredentials: false } }).text).toBe('No risk found');
    expect(eventRisk({ risk: { decision: 'NoRisk', level: 'Medium', compromisedCredentials: false } }).text).toBe('Medium risk, no action');
    expect(eventRisk({ risk: { decision: 'Block', level: 'High', compromisedCredentials: true } })).toEqual({ text: 'Blocked by threat protection; password found in a breach', tone: 'danger' });
    expect(eventChallenges({ challenges: [{ name: 'Password', response: 'Failure' }] })).toBe('Password wrong');
  });
});
