import type { ConfigProblem, ConfigResult } from './app-config';
import { validateConfig } from './config-schema';
import { fieldsFromEnv, fieldsFromFile, hasIdentifyingEnv, type LabelledFields } from './config-shapes';
import { isEmbeddedEmulatorMarker } from './embedded-emulator-marker';

export type ConfigFile =
  | { kind: 'absent' }
  | { kind: 'present'; data: unknown; source: string }
  | { kind: 'unreadable'; problem: ConfigProblem };

/**
 * Fetches the runtime config. A 404 — or an HTML page, which is what dev servers and SPA-rewriting
 * CDNs answer for a missing file — means "no config": the dashboard then runs on the emulator.
 * So does the marker the build puts in place of a missing config.json (embedded-emulator-marker.ts).
 */
export async function fetchConfigFile(url: string, fetchFn: typeof fetch = fetch): Promise<ConfigFile> {
  const source = url.replace(/^.*\//, '') || url;
  let response: Response;
  try {
    response = await fetchFn(url, { headers: { accept: 'application/json' }, cache: 'no-store' });
  } catch (error) {
    return {
      kind: 'unreadable',
      problem: {
        field: source,
        message: `could not be loaded: ${error instanceof Error ? error.message : String(error)}.`,
        fix: 'Check that the dashboard\'s host is reachable and serves the file.',
      },
    };
  }
  if (response.status === 404) return { kind: 'absent' };
  const contentType = response.headers.get('content-type') ?? '';
  if (response.ok && contentType.includes('text/html')) return { kind: 'absent' };
  if (!response.ok) {
    return {
      kind: 'unreadable',
      problem: {
        field: source,
        message: `could not be loaded: the server answered HTTP ${response.status}.`,
        fix: 'Serve the file as a plain static file, or remove it to run on the embedded emulator.',
      },
    };
  }
  const body = await response.text();
  try {
    const data = JSON.parse(body) as unknown;
    if (isEmbeddedEmulatorMarker(data)) return { kind: 'absent' };
    return { kind: 'present', data, source };
  } catch (error) {
    return {
      kind: 'unreadable',
      problem: {
        field: source,
        message: `is not valid JSON (${error instanceof Error ? error.message : 'parse error'}).`,
        fix: 'Fix the JSON syntax (no comments, no trailing commas); public/config.example.json is a valid starting point.',
      },
    };
  }
}

/** Emulated mode: no config file and no VITE_* variable naming a pool or an endpoint. */
export function isEmulatedStartup(file: ConfigFile, env: Record<string, unknown>): boolean {
  return file.kind === 'absent' && !hasIdentifyingEnv(env);
}

/** Live mode: config.json (either shape) with VITE_* variables overriding it field by field. */
export function resolveLiveConfig(file: ConfigFile, env: Record<string, unknown>): ConfigResult {
  const problems: ConfigProblem[] = [];
  let fields: LabelledFields = {};
  if (file.kind === 'unreadable') problems.push(file.problem);
  if (file.kind === 'present') {
    const fromFile = fieldsFromFile(file.data, file.source);
    fields = fromFile.fields;
    problems.push(...fromFile.problems);
  }
  const fromEnv = fieldsFromEnv(env);
  problems.push(...fromEnv.problems);
  return validateConfig({ ...fields, ...fromEnv.fields }, problems);
}

/** Emulated mode: the emulator's config for its demo seed, still overridable (e.g. the idle timeout). */
export function resolveEmulatedConfig(emulatorConfig: unknown, env: Record<string, unknown>): ConfigResult {
  const fromEmulator = fieldsFromFile(emulatorConfig, 'emulator config');
  const fromEnv = fieldsFromEnv(env);
  return validateConfig({ ...fromEmulator.fields, ...fromEnv.fields }, [...fromEmulator.problems, ...fromEnv.problems]);
}
