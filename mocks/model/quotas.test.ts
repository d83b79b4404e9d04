import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../tests/support/fixed-clock';
import { Quotas } from './quotas';

const scope = { region: 'us-east-1', poolId: 'us-east-1_Pool1' };

function callsUntilThrottled(quotas: Quotas, op: string, max = 1000, s = scope): number {
  for (let i = 0; i < max; i++) {
    try {
      quotas.take('cognito-idp', op, s);
    } catch (error) {
      expect(error).toMatchObject({ code: 'TooManyRequestsException', message: 'Rate exceeded' });
      return i;
    }
  }
  return max;
}

describe('Quotas', () => {
  it('allows exactly the category rate within one second (UserList 30/s, shared by ListUsersInGroup)', () => {
    const quotas = new Quotas(new FixedClock());
    for (let i = 0; i < 20; i++) quotas.take('cognito-idp', 'ListUsers', scope);
    expect(callsUntilThrottled(quotas, 'ListUsersInGroup')).toBe(10);
  });

  it('refills from the clock', () => {
    const clock = new FixedClock();
    const quotas = new Quotas(clock);
    expect(callsUntilThrottled(quotas, 'AdminGetUser')).toBe(120);
    clock.advance(0.5);
    expect(callsUntilThrottled(quotas, 'AdminGetUser')).toBe(60);
  });

  it('gives challenge responses 3x the authentication quota before they spill over', () => {
    const quotas = new Quotas(new FixedClock());
    expect(callsUntilThrottled(quotas, 'RespondToAuthChallenge')).toBe(480);
    expect(callsUntilThrottled(quotas, 'InitiateAuth')).toBe(0);
  });

  it('caps starred categories at 5 RPS per operation and pool', () => {
    const quotas = new Quotas(new FixedClock());
    expect(callsUntilThrottled(quotas, 'ListGroups')).toBe(5);
    expect(callsUntilThrottled(quotas, 'GetGroup')).toBe(5);
    expect(callsUntilThrottled(quotas, 'ListGroups', 1000, { region: 'us-east-1', poolId: 'us-east-1_Other' })).toBe(5);
  });

  it('is off when disabled and ignores unlisted operations', () => {
    const quotas = new Quotas(new FixedClock(), { enabled: false });
    expect(callsUntilThrottled(quotas, 'ListUsers')).toBe(1000);
    quotas.enabled = true;
    expect(callsUntilThrottled(quotas, 'SomethingNew')).toBe(1000);
  });

  it('throttles SES reads at once per second with SES wording', () => {
    const quotas = new Quotas(new FixedClock());
    quotas.take('ses', 'GetSendQuota', scope);
    expect(() => quotas.take('ses', 'GetSendQuota', scope)).toThrow(expect.objectContaining({ code: 'Throttling' }));
  });
});
