/**
 * A scratch npm project outside the repository that installs the packed emulator the way someone
 * else's project would, with nothing from this repository but the tarball.
 *
 * The install must work offline, from the npm cache that `npm ci` filled: `npm ci` caches the
 * package tarballs but not the registry's package documents a fresh `npm install` would look up.
 * So the scratch project gets a package-lock.json cut from ours — the entries its dependencies
 * reach, at the same versions and hoisting positions — and the installer only unpacks tarballs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

interface LockEntry {
  version?: string;
  link?: boolean;
  optional?: boolean;
  dev?: boolean;
  devOptional?: boolean;
  peer?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [field: string]: unknown;
}

interface Lockfile {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
}

/** 'node_modules/a/node_modules/b' → 'node_modules/a'; 'node_modules/a' → '' (the project). */
function parentOf(location: string): string {
  const i = location.lastIndexOf('/node_modules/');
  return i < 0 ? '' : location.slice(0, i);
}

/** Where Node would find `name` from the package at `from`: its own node_modules, then up. */
function locate(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  for (let dir = from; ; dir = parentOf(dir)) {
    const key = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (packages[key] && !packages[key].link) return key;
    if (dir === '') return undefined;
  }
}

/**
 * The lockfile entries (ours) that `direct` dependencies need, transitively, keeping their
 * locations so every package resolves what it resolves in this repository.
 */
export function lockSubset(lock: Lockfile, direct: string[]): Record<string, LockEntry> {
  const out: Record<string, LockEntry> = {};
  const queue: Array<[from: string, name: string, optional: boolean]> = direct.map((name) => ['', name, false]);
  while (queue.length) {
    const [from, name, optional] = queue.shift()!;
    const key = locate(lock.packages, from, name);
    if (!key) {
      if (optional) continue;
      throw new Error(`${name} (needed by ${from || 'the scratch project'}) is not in package-lock.json`);
    }
    if (out[key]) continue;
    const { dev: _dev, devOptional: _devOptional, peer: _peer, ...entry } = lock.packages[key]!;
    out[key] = entry;
    const optionalPeers = entry.peerDependenciesMeta ?? {};
    for (const dep of Object.keys(entry.dependencies ?? {})) queue.push([key, dep, false]);
    for (const dep of Object.keys(entry.optionalDependencies ?? {})) queue.push([key, dep, true]);
    for (const dep of Object.keys(entry.peerDependencies ?? {})) queue.push([key, dep, optionalPeers[dep]?.optional === true]);
  }
  return out;
}

/** package.json and package-lock.json for a project depending on `tarball` and `registryDeps`. */
export function scratchManifests(opts: {
  repoLock: Lockfile;
  tarball: { file: string; path: string; manifest: LockEntry & { name: string; version: string } };
  registryDeps: Record<string, string>;
}) {
  const { repoLock, tarball, registryDeps } = opts;
  const spec = `file:${tarball.file}`;
  const dependencies = { ...registryDeps, [tarball.manifest.name]: spec };
  const pkg = { name: 'outside-project', version: '1.0.0', private: true, type: 'module', dependencies };

  const packed = tarball.manifest;
  const packages: Record<string, LockEntry> = {
    '': { name: pkg.name, version: pkg.version, dependencies },
    [`node_modules/${packed.name}`]: {
      version: packed.version,
      resolved: spec,
      integrity: `sha512-${createHash('sha512').update(readFileSync(tarball.path)).digest('base64')}`,
      license: packed.license,
      dependencies: packed.dependencies,
      bin: packed.bin,
      engines: packed.engines,
      peerDependencies: packed.peerDependencies,
      peerDependenciesMeta: packed.peerDependenciesMeta,
    },
    ...lockSubset(repoLock, [...Object.keys(registryDeps), ...Object.keys(packed.dependencies ?? {})]),
  };
  const lock = { name: pkg.name, version: pkg.version, lockfileVersion: 3, requires: true, packages };
  return { pkg, lock };
}
