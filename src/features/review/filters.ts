/** The findings filter lives in the URL (?severity=high&area=app-clients) so a link reopens the same view. */
import { AREAS, SEVERITIES, type Area, type Finding, type Severity } from '@/lib/review/types';

export interface FindingFilter {
  severities: Severity[];
  area: Area | null;
}

export function filterFromParams(params: URLSearchParams): FindingFilter {
  const severities = params.getAll('severity').filter((s): s is Severity => (SEVERITIES as readonly string[]).includes(s));
  const area = params.get('area');
  return { severities, area: area && area in AREAS ? (area as Area) : null };
}

export function paramsFromFilter(filter: FindingFilter, base: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(base);
  next.delete('severity');
  next.delete('area');
  for (const s of filter.severities) next.append('severity', s);
  if (filter.area) next.set('area', filter.area);
  return next;
}

export function applyFilter(findings: readonly Finding[], filter: FindingFilter): Finding[] {
  return findings.filter((f) => (filter.severities.length === 0 || filter.severities.includes(f.severity)) && (!filter.area || f.area === filter.area));
}
