import { describe, expect, it } from 'vitest';
import { safeNextPath } from '@/features/auth/sign-in-page';
import { featureForPath, type FeatureEntry } from './feature-registry';

const load = async () => ({ routes: [] });
const features: FeatureEntry[] = [
  { name: 'overview', segment: '', load },
  { name: 'users', segment: 'users', load },
];

describe('featureForPath', () => {
  it('finds the feature by the first path segment', () => {
    expect(featureForPath('/', features)?.name).toBe('overview');
    expect(featureForPath('/users', features)?.name).toBe('users');
    expect(featureForPath('/users/alice%40example.com/groups', features)?.name).toBe('users');
    expect(featureForPath('/nowhere', features)).toBeUndefined();
  });
});

describe('safeNextPath', () => {
  it('returns only paths inside the app', () => {
    expect(safeNextPath('/users?status=UNCONFIRMED')).toBe('/users?status=UNCONFIRMED');
    expect(safeNextPath(null)).toBe('/');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath('//evil.example')).toBe('/');
    expect(safeNextPath('/\\evil.example')).toBe('/');
    // browsers drop tabs and newlines from URLs, so '/\t/evil.example' would become '//evil.example'
    expect(safeNextPath('/\t/evil.example')).toBe('/');
    expect(safeNextPath('/\n/evil.example')).toBe('/');
  });
});
