import { describe, expect, it } from 'vitest';
import { ServiceError } from '../errors';
import { canonicalFilter, parseUserFilter } from './filter';

const fails = (filter: string) => {
  try {
    parseUserFilter(filter);
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceError);
    return error as ServiceError;
  }
  throw new Error(`expected ${filter} to be refused`);
};

describe('ListUsers filter grammar', () => {
  it('parses exact and prefix matches, with or without spaces', () => {
    expect(parseUserFilter('email = "a@example.com"')).toEqual({ attribute: 'email', mode: 'exact', value: 'a@example.com' });
    expect(parseUserFilter('given_name^="Jo"')).toEqual({ attribute: 'given_name', mode: 'prefix', value: 'Jo' });
    expect(parseUserFilter('  cognito:user_status   =  "unconfirmed"  ')).toEqual({
      attribute: 'cognito:user_status',
      mode: 'exact',
      value: 'unconfirmed',
    });
  });

  it('treats an empty filter as no filter', () => {
    expect(parseUserFilter(undefined)).toBeUndefined();
    expect(parseUserFilter('   ')).toBeUndefined();
  });

  it('unescapes backslash-escaped quotes and backslashes inside the value', () => {
    expect(parseUserFilter('family_name = "O\\"Brien"')?.value).toBe('O"Brien');
    expect(parseUserFilter('name = "back\\\\slash"')?.value).toBe('back\\slash');
    expect(parseUserFilter('name = ""')?.value).toBe('');
  });

  it('accepts exactly the ten searchable attributes', () => {
    for (const name of ['username', 'email', 'phone_number', 'name', 'given_name', 'family_name', 'preferred_username', 'cognito:user_status', 'status', 'sub']) {
      expect(parseUserFilter(`${name} = "x"`)?.attribute).toBe(name);
    }
    expect(fails('custom:department = "ops"')).toMatchObject({ code: 'InvalidParameterException', message: 'Invalid search attribute: custom:department' });
    expect(fails('Email = "x"').message).toBe('Invalid search attribute: Email');
    expect(fails('nickname ^= "x"').message).toBe('Invalid search attribute: nickname');
  });

  it('refuses malformed filters', () => {
    for (const bad of ['email', 'email = x', 'email = "unterminated', 'email != "x"', 'email = "a" and name = "b"', '= "x"', 'email == "x"', "email = 'x'", 'email = "x\\']) {
      expect(fails(bad)).toMatchObject({ code: 'InvalidParameterException', message: 'Error while parsing filter.' });
    }
  });

  it('has one canonical spelling per meaning', () => {
    expect(canonicalFilter(parseUserFilter('email="a"'))).toBe(canonicalFilter(parseUserFilter('  email =  "a" ')));
    expect(canonicalFilter(parseUserFilter('email="a"'))).not.toBe(canonicalFilter(parseUserFilter('email^="a"')));
    expect(canonicalFilter(undefined)).toBe('');
  });
});
