// @vitest-environment jsdom
import '@/lib/testing/dom';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { resolveLiveConfig } from '@/config/load-config';
import { ConfigErrorPage } from './config-error-page';

describe('ConfigErrorPage', () => {
  it('lists every problem with its fix', () => {
    const result = resolveLiveConfig({ kind: 'present', data: { region: 'us-east-1', userPoolId: 'nope', clientSecret: 'x' }, source: 'config.json' }, {});
    if (result.ok) throw new Error('expected problems');
    render(<ConfigErrorPage problems={result.problems} source="config.json" />);
    expect(screen.getByRole('heading', { level: 1, name: "The dashboard's configuration needs fixing" })).toBeInTheDocument();
    expect(screen.getByText(/found 4 problems/)).toBeInTheDocument();
    const items = within(screen.getByRole('list', { name: 'Configuration problems' })).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('code')?.textContent)).toEqual(['clientSecret', 'userPoolId', 'clientId', 'identityPoolId']);
    expect(items[0]).toHaveTextContent(/never belong in a browser app.*How to fix: Remove it/);
  });
});
