import { parseDocument, type Tags } from 'yaml';

/**
 * Problems found in a seed file or a CloudFormation template: every one is collected and reported
 * together, each with the file, the path inside it and what to do.
 */
export interface SeedProblem {
  /** e.g. userPools[0].clients[1].name, or Resources.AdminRole.Properties.Policies[0] */
  path: string;
  message: string;
}

export class SeedFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: SeedProblem[],
    /** what was being done, e.g. "is not a valid seed file" */
    summary = 'could not be loaded',
  ) {
    super(
      `${file} ${summary} (${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was loaded):\n` +
        problems.map((p) => `  - ${file}: ${p.path || '(top level)'}: ${p.message}`).join('\n'),
    );
    this.name = 'SeedFileError';
  }
}

/** a.b[0].c from zod/yaml path segments */
export function formatPath(segments: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = String(segment);
      out += /^[A-Za-z_$][\w$]*$/.test(key) ? `${out ? '.' : ''}${key}` : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/** "A, B and C" or "none" — for "what exists" in dangling-reference messages. */
export function listNames(names: Iterable<string>): string {
  const all = [...new Set(names)];
  if (all.length === 0) return 'none';
  return all.length === 1 ? all[0]! : `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}`;
}

/** YAML (JSON is YAML too) → plain data; syntax errors become problems with line and column. */
export function parseYamlFile(text: string, file: string, customTags?: Tags): unknown {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true, ...(customTags ? { customTags } : {}) });
  if (document.errors.length > 0) {
    throw new SeedFileError(
      file,
      document.errors.map((e) => ({ path: e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '', message: e.message.split('\n')[0]! })),
      'is not valid YAML or JSON',
    );
  }
  return document.toJS() as unknown;
}
