import { describe, expect, it } from 'vitest';
import '../seed';
import { callAsRoot } from './arrange';
import { Emulator } from './emulator';
import { identityPoolTrust } from './web-identity-trust';

describe('callAsRoot', () => {
  it('calls IAM as root like the other services, so set-up code can create roles', async () => {
    const emulator = new Emulator({ seed: 'empty' });
    await callAsRoot(emulator, 'iam', 'CreateRole', { RoleName: 'FromCode', AssumeRolePolicyDocument: JSON.stringify(identityPoolTrust('us-east-1:x')) });
    expect(emulator.iam.getRole('arn:aws:iam::000000000000:role/FromCode')).toBeDefined();
  });
});
