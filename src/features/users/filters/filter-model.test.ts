import { describe, expect, it } from 'vitest';
import { escapeFilterValue, filterExpression, planQuery, serverQueryKey, validateSearch } from './filter-model';
import { isEmptyView, parseViewParams, viewToParams } from './url-params';

describe('filter builder', () => {
  it('builds equals and starts-with expressions in the Cognito grammar', () => {
    expect(filterExpression('email', 'equals', 'bob@example.com')).toBe('email = "bob@example.com"');
    expect(filterExpression('given_name', 'starts-with', 'Jo')).toBe('given_name ^= "Jo"');
    expect(filterExpression('cognito:user_status', 'equals', 'UNCONFIRMED')).toBe('cognito:user_status = "UNCONFIRMED"');
  });

  it('escapes double quotes and backslashes instead of splicing them', () => {
    expect(escapeFilterValue('a"b')).toBe('a\\"b');
    expect(escapeFilterValue('a\\b')).toBe('a\\\\b');
    // a backslash before a quote must not turn the escaped quote back into a terminator
    expect(escapeFilterValue('x\\"')).toBe('x\\\\\\"');
    expect(filterExpression('name', 'equals', 'O"Brien" OR email ^= "')).toBe('name = "O\\"Brien\\" OR email ^= \\""');
  });

  it('an escaped value is recovered exactly by a grammar-following reader', () => {
    const values = ['plain', 'q"uote', 'back\\slash', '\\"', '"""', '\\\\', 'ünïcødé ✓', ''];
    for (const value of values) {
      const expression = filterExpression('name', 'equals', value);
      const match = /^name = "((?:[^"\\]|\\.)*)"$/.exec(expression);
      expect(match, expression).not.toBeNull();
      expect(match![1]!.replace(/\\(.)/g, '$1')).toBe(value);
    }
  });

  it('validates a search before it is sent', () => {
    expect(validateSearch({ attribute: 'email', match: 'equals', value: '' })).toEqual(['Type a value to search for.']);
    expect(validateSearch({ attribute: 'email', match: 'equals', value: 'a\nb' })[0]).toMatch(/control characters/);
    expect(validateSearch({ attribute: 'email', match: 'starts-with', value: 'x'.repeat(300) })[0]).toMatch(/at most 256/);
    expect(validateSearch({ attribute: 'status', match: 'equals', value: 'enabled' })[0]).toMatch(/Enabled/);
    expect(validateSearch({ attribute: 'status', match: 'equals', value: 'Disabled' })).toEqual([]);
    expect(validateSearch({ attribute: 'email', match: 'starts-with', value: 'bob' })).toEqual([]);
  });
});

describe('query plan (one server filter per ListUsers call)', () => {
  it('lists everyone with no filter', () => {
    expect(planQuery({})).toEqual({ serverFilter: undefined });
    expect(planQuery({ q: 'text only' })).toEqual({ serverFilter: undefined });
  });

  it('sends the attribute search to the server and keeps quick filters client-side', () => {
    expect(planQuery({ search: { attribute: 'email', match: 'starts-with', value: 'bob' }, status: 'UNCONFIRMED', enabled: 'disabled' })).toEqual({
      serverFilter: 'email ^= "bob"',
      clientStatus: 'UNCONFIRMED',
      clientEnabled: 'disabled',
    });
  });

  it('sends a status quick filter to the server when there is no search', () => {
    expect(planQuery({ status: 'UNCONFIRMED', enabled: 'enabled' })).toEqual({
      serverFilter: 'cognito:user_status = "UNCONFIRMED"',
      clientEnabled: 'enabled',
    });
  });

  it('sends the enabled filter as status "Enabled"/"Disabled"', () => {
    expect(planQuery({ enabled: 'disabled' }).serverFilter).toBe('status = "Disabled"');
    expect(planQuery({ enabled: 'enabled' }).serverFilter).toBe('status = "Enabled"');
  });

  it('keys loads by server filter only', () => {
    expect(serverQueryKey(planQuery({ q: 'x' }))).toBe(serverQueryKey(planQuery({})));
    expect(serverQueryKey(planQuery({ status: 'CONFIRMED' }))).not.toBe(serverQueryKey(planQuery({})));
  });
});

describe('URL search params', () => {
  it('round-trips a view', () => {
    const view = {
      search: { attribute: 'email' as const, match: 'equals' as const, value: 'a"b\\c@example.com' },
      status: 'FORCE_CHANGE_PASSWORD' as const,
      enabled: 'disabled' as const,
      q: 'smith & co',
    };
    const params = viewToParams(view);
    const reparsed = parseViewParams(new URLSearchParams(params.toString()));
    expect(reparsed).toEqual({ view, problems: [] });
  });

  it('keeps unrelated params and drops emptied ones', () => {
    const params = viewToParams({ status: 'CONFIRMED' }, new URLSearchParams('tab=x&q=old&value=v&attribute=email'));
    expect(params.toString()).toBe('tab=x&status=CONFIRMED');
  });

  it('accepts lenient spellings', () => {
    expect(parseViewParams(new URLSearchParams('status=unconfirmed&enabled=Disabled&attribute=name&match=%5E%3D&value=Jo')).view).toEqual({
      status: 'UNCONFIRMED',
      enabled: 'disabled',
      search: { attribute: 'name', match: 'starts-with', value: 'Jo' },
    });
  });

  it('reports malformed parts in sentences and keeps the rest', () => {
    const { view, problems } = parseViewParams(
      new URLSearchParams('attribute=custom:tier&value=gold&status=BANANA&enabled=maybe&q=kept'),
    );
    expect(view).toEqual({ q: 'kept' });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/“custom:tier” is not an attribute Cognito can search/);
    expect(problems[1]).toMatch(/“BANANA” is not a user status/);
    expect(problems[2]).toMatch(/“maybe” is not “enabled” or “disabled”/);
  });

  it('reports a missing value, a missing attribute and an unsupported match', () => {
    expect(parseViewParams(new URLSearchParams('attribute=email')).problems[0]).toMatch(/no value/);
    expect(parseViewParams(new URLSearchParams('value=bob')).problems[0]).toMatch(/names no attribute/);
    const contains = parseViewParams(new URLSearchParams('attribute=email&match=contains&value=bob'));
    expect(contains.problems[0]).toMatch(/“contains” is not a match Cognito supports/);
    expect(contains.view.search).toEqual({ attribute: 'email', match: 'starts-with', value: 'bob' });
  });

  it('rejects a value that would make an invalid filter', () => {
    const { view, problems } = parseViewParams(new URLSearchParams({ attribute: 'email', value: 'x'.repeat(400) }));
    expect(view.search).toBeUndefined();
    expect(problems[0]).toMatch(/at most 256/);
  });

  it('knows an empty view', () => {
    expect(isEmptyView(parseViewParams(new URLSearchParams('')).view)).toBe(true);
    expect(isEmptyView({ q: 'x' })).toBe(false);
  });
});
