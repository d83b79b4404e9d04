/** The review as JSON (the documented CI shape), Markdown (for a ticket), SARIF 2.1.0 (code scanning) and plain text (a terminal). */
import { AREAS, SEVERITIES, type Finding, type Json, type Review, type Severity } from './types';
import { countBySeverity } from './evaluate';

export const FORMATS = ['text', 'json', 'md', 'sarif'] as const;
export type ReportFormat = (typeof FORMATS)[number];

export const showValue = (value: Json): string => (value === null ? 'not set' : typeof value === 'string' ? value : JSON.stringify(value));

/** `{ pool, evaluatedAt, findings: [{ id, severity, title, resource, field, value, expected, fixable, fix, references }], notEvaluated: [{ id, reason }] }` */
export function toJsonReport(review: Review) {
  return {
    pool: review.pool,
    evaluatedAt: review.evaluatedAt,
    findings: review.findings.map((f) => ({
      id: f.id,
      severity: f.severity,
      title: f.title,
      resource: f.resource,
      field: f.field,
      value: f.value,
      expected: f.expected,
      fixable: f.fixable,
      fix: f.fix,
      references: f.references,
    })),
    notEvaluated: review.notEvaluated.map((n) => ({ id: n.id, reason: n.reason })),
  };
}

const mdEscape = (text: string) => text.replace(/([\\`*_[\]|<>])/g, '\\$1');
const inlineCode = (text: string) => {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text}${fence}`;
};

export function toMarkdown(review: Review): string {
  const counts = countBySeverity(review.findings);
  const lines: string[] = [
    `# Configuration review: ${mdEscape(review.pool.name || review.pool.id)}`,
    '',
    `User pool ${inlineCode(review.pool.id)} in ${inlineCode(review.pool.region)}, evaluated ${review.evaluatedAt}.`,
    '',
    '| high | medium | low | info | passed | not evaluated |',
    '| --- | --- | --- | --- | --- | --- |',
    `| ${counts.high} | ${counts.medium} | ${counts.low} | ${counts.info} | ${review.passed.length} | ${review.notEvaluated.length} |`,
    '',
  ];
  for (const severity of SEVERITIES) {
    const group = review.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(`## ${severity[0]!.toUpperCase()}${severity.slice(1)}`, '');
    for (const f of group) lines.push(...findingMarkdown(f), '');
  }
  if (review.notEvaluated.length > 0) {
    lines.push('## Not evaluated', '');
    for (const n of review.notEvaluated) lines.push(`- **${mdEscape(n.title)}** (${inlineCode(n.id)}): ${mdEscape(n.reason)}`);
    lines.push('');
  }
  return lines.join('\n');
}

function findingMarkdown(f: Finding): string[] {
  const refs = [f.references.prowler && `Prowler ${inlineCode(f.references.prowler)}`, f.references.securityHub && `Security Hub ${f.references.securityHub}`].filter(Boolean);
  return [
    `### ${mdEscape(f.title)}`,
    '',
    `- **Check:** ${inlineCode(f.id)} · ${AREAS[f.area]}${refs.length > 0 ? ` · ${refs.join(', ')}` : ''}`,
    `- **Resource:** ${inlineCode(f.resource)}`,
    `- **Evidence:** ${inlineCode(`${f.field} = ${showValue(f.value)}`)} (expected ${mdEscape(f.expected)})`,
    `- **Why:** ${mdEscape(f.why)}`,
    `- **Fix (${f.fixable ? 'possible on this pool' : 'needs a new pool or client'}):** ${mdEscape(f.fix.console)}`,
    '',
    '```sh',
    f.fix.cli,
    '```',
    '',
    `CloudFormation: ${inlineCode(f.fix.cloudformation)}`,
  ];
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { high: 'error', medium: 'warning', low: 'note', info: 'note' };
const SECURITY_SEVERITY: Record<Severity, string> = { high: '8.0', medium: '5.0', low: '3.0', info: '0.0' };

export function toSarif(review: Review, toolVersion = '0.1.0') {
  const ruleIds = [...new Set(review.findings.map((f) => f.id))];
  const first = (id: string) => review.findings.find((f) => f.id === id)!;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Poolkeeper configuration review',
            version: toolVersion,
            informationUri: 'https://github.com/poolkeeper/poolkeeper',
            rules: ruleIds.map((id) => {
              const f = first(id);
              return {
                id,
                name: id,
                shortDescription: { text: f.title },
                fullDescription: { text: f.why },
                help: { text: `${f.fix.console}\n${f.fix.cli}\n${f.fix.cloudformation}` },
                defaultConfiguration: { level: SARIF_LEVEL[f.severity] },
                properties: {
                  tags: ['security', 'cognito', f.area],
                  'security-severity': SECURITY_SEVERITY[f.severity],
                  ...(f.references.prowler ? { prowler: f.references.prowler } : {}),
                  ...(f.references.securityHub ? { securityHub: f.references.securityHub } : {}),
                },
              };
            }),
          },
        },
        automationDetails: { id: `poolkeeper/${review.pool.id}/` },
        invocations: [
          {
            executionSuccessful: true,
            endTimeUtc: review.evaluatedAt,
            toolExecutionNotifications: review.notEvaluated.map((n) => ({ level: 'warning', message: { text: `${n.id}: ${n.reason}` } })),
          },
        ],
        results: review.findings.map((f) => ({
          ruleId: f.id,
          ruleIndex: ruleIds.indexOf(f.id),
          level: SARIF_LEVEL[f.severity],
          message: { text: `${f.title}: ${f.field} = ${showValue(f.value)} (expected ${f.expected}).` },
          locations: [
            {
              // Code scanning wants a file; the resource's path stands in for one.
              physicalLocation: { artifactLocation: { uri: `aws/${review.pool.region}/cognito-idp/${f.resource}` } },
              logicalLocations: [{ fullyQualifiedName: f.resource, kind: 'resource' }],
            },
          ],
          partialFingerprints: { resourceField: `${f.id}|${f.resource}|${f.field}` },
          properties: { field: f.field, value: f.value, expected: f.expected, fixable: f.fixable },
        })),
      },
    ],
  };
}

export function toText(review: Review): string {
  const counts = countBySeverity(review.findings);
  const lines = [
    `Configuration review of ${review.pool.name || review.pool.id} (${review.pool.id}, ${review.pool.region}) at ${review.evaluatedAt}`,
    `${review.findings.length} findings: ${counts.high} high, ${counts.medium} medium, ${counts.low} low, ${counts.info} info; ${review.passed.length} passed; ${review.notEvaluated.length} not evaluated`,
    '',
  ];
  for (const f of review.findings) {
    lines.push(`[${f.severity.toUpperCase()}] ${f.title} (${f.id})`);
    lines.push(`  ${f.resource}: ${f.field} = ${showValue(f.value)} (expected ${f.expected})`);
    lines.push(`  fix${f.fixable ? '' : ' (needs a new pool or client)'}: ${f.fix.cli}`);
  }
  if (review.notEvaluated.length > 0) {
    lines.push('', 'Not evaluated:');
    for (const n of review.notEvaluated) lines.push(`  ${n.id}: ${n.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

export function renderReport(review: Review, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(toJsonReport(review), null, 2)}\n`;
    case 'sarif':
      return `${JSON.stringify(toSarif(review), null, 2)}\n`;
    case 'md':
      return `${toMarkdown(review)}\n`;
    case 'text':
      return toText(review);
  }
}
