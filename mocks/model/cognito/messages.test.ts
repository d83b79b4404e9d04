import { describe, expect, it } from 'vitest';
import type { ServiceError } from '../errors';
import { deliveryDetails, maskDestination } from './messages';
import { validateInput } from './validation';

describe('code delivery details', () => {
  it('masks destinations the way Cognito does', () => {
    expect(maskDestination('email', 'jane.doe@example.com')).toBe('j***@e***');
    expect(maskDestination('phone_number', '+15551234567')).toBe('+*******4567');
    expect(deliveryDetails('phone_number', '+15551234567')).toEqual({ Destination: '+*******4567', DeliveryMedium: 'SMS', AttributeName: 'phone_number' });
  });
});

describe('input validation', () => {
  const message = (operation: string, input: Record<string, unknown>) => {
    try {
      validateInput(operation, input);
      return 'ok';
    } catch (error) {
      return `${(error as ServiceError).code}: ${(error as ServiceError).message}`;
    }
  };

  it('lists every broken constraint and hides sensitive values', () => {
    expect(message('AdminSetUserPassword', { UserPoolId: 'bad id', Username: '', Password: 'x'.repeat(300) })).toBe(
      'InvalidParameterException: 3 validation errors detected: ' +
        "Value 'bad id' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+; " +
        "Value at 'username' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value at 'password' failed to satisfy constraint: Member must have length less than or equal to 256",
    );
    expect(message('ListUsers', { UserPoolId: 'us-east-1_abc', Limit: 60 })).toBe('ok');
  });

  it('answers a wrong JSON type as a serialization error', () => {
    expect(message('ListUsers', { UserPoolId: 'us-east-1_abc', Limit: '10' })).toMatch(/^SerializationException/);
    expect(message('AdminCreateUser', { UserPoolId: 'us-east-1_abc', Username: 'a', UserAttributes: {} })).toMatch(/^SerializationException/);
  });
});
