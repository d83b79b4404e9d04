import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECK_MODULES, CHECKS } from './registry';
import { AREAS, SEVERITIES } from './types';

describe('the check registry', () => {
  it('lists every file in checks/ (a new area file cannot be forgotten)', () => {
    const files = readdirSync(new URL('./checks', import.meta.url)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(Object.keys(CHECK_MODULES).sort());
  });

  it('gives every check a unique id and complete metadata', () => {
    const ids = CHECKS.map((c) => c.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { meta } of CHECKS) {
      expect(SEVERITIES).toContain(meta.severity);
      expect(Object.keys(AREAS)).toContain(meta.area);
      expect(meta.title.length).toBeGreaterThan(10);
      expect(meta.why.length).toBeGreaterThan(40);
      expect(meta.fix.console && meta.fix.cli && meta.fix.cloudformation).toBeTruthy();
      expect(meta.setting).toMatch(/^[a-z-]+$/);
    }
  });

  it('covers Prowler\'s user-pool and identity-pool checks and Security Hub Cognito.1–6', () => {
    const prowler = new Set(CHECKS.map((c) => c.meta.references.prowler).filter(Boolean));
    const hub = new Set(CHECKS.map((c) => c.meta.references.securityHub).filter(Boolean));
    expect(prowler.size).toBe(16);
    expect([...hub].sort()).toEqual(['Cognito.1', 'Cognito.2', 'Cognito.3', 'Cognito.4', 'Cognito.5', 'Cognito.6']);
  });
});
