import { describe, expect, it } from 'vitest';
import { applyFilter, filterFromParams, paramsFromFilter } from './filters';
import type { Finding } from '@/lib/review/types';

describe('findings filter in the URL', () => {
  it('reads known severities and areas, ignores the rest, and keeps other parameters', () => {
    const filter = filterFromParams(new URLSearchParams('severity=high&severity=bogus&area=nowhere&tab=x'));
    expect(filter).toEqual({ severities: ['high'], area: null });
    const next = paramsFromFilter({ severities: ['high', 'low'], area: 'app-clients' }, new URLSearchParams('tab=x&severity=info'));
    expect(next.toString()).toBe('tab=x&severity=high&severity=low&area=app-clients');
  });

  it('filters by any chosen severity and the area', () => {
    const f = (severity: Finding['severity'], area: Finding['area']) => ({ severity, area }) as Finding;
    const findings = [f('high', 'app-clients'), f('low', 'app-clients'), f('high', 'password')];
    expect(applyFilter(findings, { severities: ['high'], area: null })).toHaveLength(2);
    expect(applyFilter(findings, { severities: [], area: 'app-clients' })).toHaveLength(2);
    expect(applyFilter(findings, { severities: ['high'], area: 'app-clients' })).toHaveLength(1);
  });
});
