/** Runs every check over the gathered API answers and turns outcomes into findings. */
import { CHECKS } from './registry';
import { SEVERITIES, type Check, type CheckMeta, type Finding, type Fix, type NotEvaluated, type Passed, type Review, type ReviewInput, type Severity } from './types';

function fill(text: string, vars: Record<string, string>): string {
  return text.replace(/\{(poolId|clientId|identityPoolId|region|sesRegion)\}/g, (whole, key: string) => vars[key] ?? whole);
}

const fillFix = (fix: Fix, vars: Record<string, string>): Fix => ({ console: fill(fix.console, vars), cli: fill(fix.cli, vars), cloudformation: fill(fix.cloudformation, vars) });

export const severityRank = (severity: Severity) => SEVERITIES.indexOf(severity);

export function evaluateReview(input: ReviewInput, options: { now?: Date; checks?: readonly Check[] } = {}): Review {
  const base: Record<string, string> = { poolId: input.userPoolId, region: input.region, ...(input.identityPoolId ? { identityPoolId: input.identityPoolId } : {}) };
  const findings: Finding[] = [];
  const passed: Passed[] = [];
  const notEvaluated: NotEvaluated[] = [];
  for (const check of options.checks ?? CHECKS) {
    const meta: CheckMeta = check.meta;
    for (const outcome of check.evaluate(input)) {
      if (outcome.status === 'pass') {
        passed.push({ id: meta.id, title: meta.title, area: meta.area, resource: outcome.resource, field: outcome.field, value: outcome.value });
      } else if (outcome.status === 'not-evaluated') {
        notEvaluated.push({ id: meta.id, title: meta.title, area: meta.area, reason: outcome.resource ? `${outcome.reason} (${outcome.resource})` : outcome.reason });
      } else {
        const vars = { ...base, ...outcome.vars };
        findings.push({
          id: meta.id,
          severity: outcome.severity ?? meta.severity,
          title: outcome.title ?? meta.title,
          area: meta.area,
          resource: outcome.resource,
          field: outcome.field,
          value: outcome.value,
          expected: outcome.expected,
          why: meta.why,
          fixable: meta.fixable,
          fix: fillFix(meta.fix, vars),
          references: { ...meta.references },
          setting: outcome.setting ?? meta.setting,
        });
      }
    }
  }
  // Worst first; within a severity, the order of the checks (stable sort).
  findings.sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  const pool = input.pool.ok ? input.pool.value : undefined;
  return {
    pool: { id: input.userPoolId, name: pool?.Name ?? '', region: input.region },
    evaluatedAt: (options.now ?? new Date()).toISOString(),
    findings,
    passed,
    notEvaluated,
  };
}

/** Findings at or above `threshold` (the CLI's --fail-on). */
export const findingsAtOrAbove = (review: Review, threshold: Severity) => review.findings.filter((f) => severityRank(f.severity) <= severityRank(threshold));

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { high: 0, medium: 0, low: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
