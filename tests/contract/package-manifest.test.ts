import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * What a fresh clone relies on: `npm install` on the Node the README names must neither complain
 * about engines nor rewrite package-lock.json.
 */
const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { engines: { node: string }; dependencies: object; devDependencies: object };
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, { version?: string; optional?: boolean; engines?: { node?: string } | string[]; libc?: string[]; dependencies?: object; devDependencies?: object }>;
};
const readme = readFileSync(new URL('README.md', root), 'utf8');

type Version = [number, number, number];
const parse = (text: string): Version => {
  const [major = 0, minor = 0, patch = 0] = text.replace(/^v/, '').split(/[.-]/).map((part) => Number(part));
  return [major, minor, patch];
};
const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** The subset of npm's range grammar engines fields use: `||`, `^`, `~`, comparators, x-ranges, hyphens. */
function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  return range.split('||').some((set) => {
    const hyphen = /^\s*(\S+)\s+-\s+(\S+)\s*$/.exec(set);
    if (hyphen) {
      const upper = hyphen[2] ?? '';
      const parts = upper.split('.').length;
      // "18 - 20" ends before 21.0.0, "18 - 20.1" before 20.2.0; a full version is inclusive.
      const upperOk = parts >= 3 ? compare(v, parse(upper)) <= 0 : satisfies(version, `<=${upper}`) || satisfies(version, upper);
      return compare(v, parse(hyphen[1] ?? '')) >= 0 && upperOk;
    }
    return set
      .replace(/([<>=^~]+)\s+/g, '$1') // npm reads ">= 10.x" as ">=10.x"
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .every((comparator) => {
        const match = /^(\^|~|>=|<=|>|<|=)?v?([\dx*]+)(?:\.([\dx*]+))?(?:\.([\dx*]+))?/.exec(comparator);
        if (!match) throw new Error(`Cannot read the range "${range}"`);
        const [, op = '', ...parts] = match;
        const given = parts.filter((p) => p !== undefined && p !== 'x' && p !== '*').map(Number);
        const bound: Version = [given[0] ?? 0, given[1] ?? 0, given[2] ?? 0];
        const upperOf = (depth: number): Version => (depth === 0 ? [Infinity, 0, 0] : depth === 1 ? [bound[0] + 1, 0, 0] : [bound[0], bound[1] + 1, 0]);
        const within = (upper: Version) => compare(v, bound) >= 0 && compare(v, upper) < 0;
        switch (op) {
          case '>=': return compare(v, bound) >= 0;
          case '>': return compare(v, bound) > 0;
          case '<=': return compare(v, bound) <= 0;
          case '<': return compare(v, bound) < 0;
          case '^': return within(bound[0] > 0 || given.length < 2 ? upperOf(1) : bound[1] > 0 || given.length < 3 ? upperOf(2) : [0, bound[1], bound[2] + 1]);
          case '~': return within(upperOf(given.length >= 2 ? 2 : 1));
          default: return given.length === 3 ? compare(v, bound) === 0 : within(upperOf(given.length));
        }
      });
  });
}

describe('package manifest', () => {
  it('reads ranges the way npm does', () => {
    expect(satisfies('20.19.0', '^20.19.0 || ^22.13.0')).toBe(true);
    expect(satisfies('22.12.0', '^20.19.0 || ^22.13.0')).toBe(false);
    expect(satisfies('23.0.0', '^20.19.0 || ^22.13.0')).toBe(false);
    expect(satisfies('20.20.2', '>=22.12.0')).toBe(false);
    expect(satisfies('20.20.2', '>= 18.x')).toBe(true);
    expect(satisfies('20.20.2', '>=18')).toBe(true);
    expect(satisfies('20.20.2', '18 - 20')).toBe(true);
    expect(satisfies('20.20.2', '20.x')).toBe(true);
    expect(satisfies('20.20.2', '~20.19')).toBe(false);
  });

  it('claims only Node versions every installed package supports (the lowest and highest of each line)', () => {
    const range = manifest.engines.node;
    const lines = range.split('||').map((set) => parse(set.trim().replace(/^[\^~>=]+/, '')));
    const samples = lines.flatMap(([major, minor, patch]) => [`${major}.${minor}.${patch}`, `${major}.999.999`]);
    for (const sample of samples) expect(satisfies(sample, range), `${sample} is inside ${range}`).toBe(true);
    const refusing = Object.entries(lock.packages)
      .filter(([name, entry]) => name !== '' && !entry.optional && !Array.isArray(entry.engines) && entry.engines?.node)
      .flatMap(([name, entry]) => {
        const wanted = (entry.engines as { node: string }).node;
        return samples.filter((sample) => !satisfies(sample, wanted)).map((sample) => `${name}@${entry.version ?? '?'} wants Node ${wanted}, not ${sample}`);
      });
    expect(refusing).toEqual([]);
  });

  it('the README names a Node version the engines field accepts, and this machine runs one', () => {
    const stated = /Node (\d+\.\d+)\+/.exec(readme)?.[1];
    expect(stated, 'README says "Node X.Y+"').toBeDefined();
    expect(satisfies(`${stated}.0`, manifest.engines.node)).toBe(true);
    expect(satisfies(process.version, manifest.engines.node)).toBe(true);
  });

  it('the lock file is in the form npm 10 (Node 20\'s own npm) writes, so a fresh install leaves it alone', () => {
    // npm 11 records `libc` for platform binaries; npm 10 drops the field and rewrites the file.
    const withLibc = Object.keys(lock.packages).filter((name) => lock.packages[name]?.libc);
    expect(withLibc).toEqual([]);
    // npm copies package.json's ranges and engines into the lock's root entry, and rewrites it when they differ.
    const rootEntry = lock.packages[''];
    expect(rootEntry?.engines).toEqual(manifest.engines);
    expect(rootEntry?.dependencies).toEqual(manifest.dependencies);
    expect(rootEntry?.devDependencies).toEqual(manifest.devDependencies);
  });

  it('git ignores public/config.json, which names a real pool and must not be committed by accident', () => {
    const checked = spawnSync('git', ['check-ignore', '-q', 'public/config.json'], { cwd: fileURLToPath(root) });
    expect(checked.status, 'git check-ignore public/config.json').toBe(0);
  });
});
