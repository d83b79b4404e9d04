import { describe, expect, it } from 'vitest';
import { trustAllowsWebIdentity } from './web-identity-trust';

const POOL = 'us-east-1:00000000-0000-4000-8000-000000000001';
const statement = (extra: Record<string, unknown> = {}) => ({
  Effect: 'Allow',
  Principal: { Federated: 'cognito-identity.amazonaws.com' },
  Action: 'sts:AssumeRoleWithWebIdentity',
  Condition: {
    StringEquals: { 'cognito-identity.amazonaws.com:aud': POOL },
    'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
  },
  ...extra,
});
const trust = (...statements: unknown[]) => ({ Version: '2012-10-17', Statement: statements });

describe('trustAllowsWebIdentity', () => {
  it('allows the identity pool named in aud, for authenticated identities only', () => {
    expect(trustAllowsWebIdentity(trust(statement()), POOL, true)).toBe(true);
    expect(trustAllowsWebIdentity(trust(statement()), POOL, false)).toBe(false);
    expect(trustAllowsWebIdentity(trust(statement()), 'us-east-1:00000000-0000-4000-8000-000000000002', true)).toBe(false);
  });

  it('needs the Cognito Identity principal and the web-identity action', () => {
    expect(trustAllowsWebIdentity(trust(statement({ Principal: { Service: 'lambda.amazonaws.com' } })), POOL, true)).toBe(false);
    expect(trustAllowsWebIdentity(trust(statement({ Action: 'sts:AssumeRole' })), POOL, true)).toBe(false);
    expect(trustAllowsWebIdentity(trust(statement({ Action: ['sts:TagSession', 'sts:AssumeRole*'] })), POOL, true)).toBe(true);
  });

  it('lets an explicit Deny win and refuses conditions it does not understand', () => {
    expect(trustAllowsWebIdentity(trust(statement(), statement({ Effect: 'Deny', Condition: undefined })), POOL, true)).toBe(false);
    expect(trustAllowsWebIdentity(trust(statement({ Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } })), POOL, true)).toBe(false);
    expect(trustAllowsWebIdentity({}, POOL, true)).toBe(false);
  });
});
