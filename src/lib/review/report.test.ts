import { describe, expect, it } from 'vitest';
import { renderReport, toJsonReport, toMarkdown, toSarif } from './report';
import type { Finding, Review } from './types';

const finding = (over: Partial<Finding> = {}): Finding => ({
  id: 'PK-CLIENT-4',
  severity: 'high',
  title: 'A callback or sign-out URL uses plain http',
  area: 'app-clients',
  resource: 'userpool/eu-west-1_Abc/client/c1',
  field: 'UserPoolClient.CallbackURLs',
  value: ['http://a.example/cb'],
  expected: 'https://',
  why: 'Tokens are delivered there.',
  fixable: true,
  fix: { console: 'Console → client', cli: 'aws cognito-idp update-user-pool-client …', cloudformation: 'AWS::Cognito::UserPoolClient → CallbackURLs' },
  references: {},
  setting: 'client-c1',
  ...over,
});

const review: Review = {
  pool: { id: 'eu-west-1_Abc', name: 'Shop | *prod*', region: 'eu-west-1' },
  evaluatedAt: '2026-11-30T09:00:00.000Z',
  findings: [finding(), finding({ id: 'PK-DR-1', severity: 'info', title: 'The pool has no replica in another Region', field: 'ListUserPoolReplicas.UserPoolReplicas', value: [] })],
  passed: [],
  notEvaluated: [{ id: 'PK-IDP-3', title: 'Role trust', area: 'identity-pool', reason: 'not evaluated: needs `iam:GetRole`' }],
};

describe('review reports', () => {
  it('JSON has exactly the documented shape', () => {
    const json = toJsonReport(review);
    expect(Object.keys(json)).toEqual(['pool', 'evaluatedAt', 'findings', 'notEvaluated']);
    expect(Object.keys(json.findings[0]!)).toEqual(['id', 'severity', 'title', 'resource', 'field', 'value', 'expected', 'fixable', 'fix', 'references']);
    expect(json.notEvaluated).toEqual([{ id: 'PK-IDP-3', reason: 'not evaluated: needs `iam:GetRole`' }]);
  });

  it('Markdown escapes pool text and keeps evidence and commands in code', () => {
    const md = toMarkdown(review);
    expect(md).toContain('# Configuration review: Shop \\| \\*prod\\*');
    expect(md).toContain('`UserPoolClient.CallbackURLs = ["http://a.example/cb"]`');
    expect(md).toContain('```sh\naws cognito-idp update-user-pool-client …\n```');
    expect(md).toContain('| 1 | 0 | 0 | 1 | 0 | 1 |');
  });

  it('SARIF 2.1.0: one rule per check, levels by severity, a location per result', () => {
    const sarif = toSarif(review);
    const run = sarif.runs[0]!;
    expect(sarif.version).toBe('2.1.0');
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['PK-CLIENT-4', 'PK-DR-1']);
    expect(run.results.map((r) => [r.ruleId, r.level, r.ruleIndex])).toEqual([
      ['PK-CLIENT-4', 'error', 0],
      ['PK-DR-1', 'note', 1],
    ]);
    expect(run.invocations[0]!.toolExecutionNotifications).toHaveLength(1);
    expect(JSON.parse(renderReport(review, 'sarif'))).toEqual(sarif);
  });

  it('text names each finding with its evidence and fix', () => {
    const text = renderReport(review, 'text');
    expect(text).toContain('[HIGH] A callback or sign-out URL uses plain http (PK-CLIENT-4)');
    expect(text).toContain('Not evaluated:\n  PK-IDP-3: not evaluated: needs `iam:GetRole`');
  });
});
