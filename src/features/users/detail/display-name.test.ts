import { expect, it } from 'vitest';
import { displayName } from './display-name';

const uuid = '7d0c6f5e-3b1a-4c2d-9e8f-0a1b2c3d4e5f';

it('shows a chosen username as it is, and a generated one as the email or phone', () => {
  expect(displayName({ username: 'alice', sub: uuid, attributes: { email: 'a@example.com' } })).toBe('alice');
  expect(displayName({ username: uuid, sub: uuid, attributes: { email: 'a@example.com' } })).toBe('a@example.com');
  expect(displayName({ username: uuid, sub: '', attributes: { phone_number: '+14155550123' } })).toBe('+14155550123');
  expect(displayName({ username: uuid, sub: uuid, attributes: {} })).toBe(uuid);
});
