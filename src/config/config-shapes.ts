import type { ConfigProblem } from './app-config';

export const CANONICAL_KEYS = [
  'region',
  'userPoolId',
  'clientId',
  'identityPoolId',
  'adminGroup',
  'sesRegion',
  'endpoint',
  'idleTimeoutMinutes',
  'passwordPolicy',
  'testClientId',
  'testApiUrl',
] as const;
export type CanonicalKey = (typeof CANONICAL_KEYS)[number];

/** A config value and the name the operator gave it, so problems can point at what they wrote. */
export type LabelledFields = Partial<Record<CanonicalKey, { value: unknown; label: string }>>;

/** Amplify's aws-exports names for the fields Poolkeeper needs; other aws_* keys are ignored. */
const AMPLIFY_KEYS: Record<string, CanonicalKey> = {
  aws_cognito_region: 'region',
  aws_user_pools_id: 'userPoolId',
  aws_user_pools_web_client_id: 'clientId',
  aws_cognito_identity_pool_id: 'identityPoolId',
};

export const ENV_KEYS: Record<CanonicalKey, string> = {
  region: 'VITE_REGION',
  userPoolId: 'VITE_USER_POOL_ID',
  clientId: 'VITE_CLIENT_ID',
  identityPoolId: 'VITE_IDENTITY_POOL_ID',
  adminGroup: 'VITE_ADMIN_GROUP',
  sesRegion: 'VITE_SES_REGION',
  endpoint: 'VITE_ENDPOINT',
  idleTimeoutMinutes: 'VITE_IDLE_TIMEOUT_MINUTES',
  passwordPolicy: 'VITE_PASSWORD_POLICY',
  testClientId: 'VITE_TEST_CLIENT_ID',
  testApiUrl: 'VITE_TEST_API_URL',
};

/** Variables that point the dashboard at a pool: any of them means "live", even without config.json. */
export const IDENTIFYING_ENV_KEYS = ['VITE_REGION', 'VITE_USER_POOL_ID', 'VITE_CLIENT_ID', 'VITE_IDENTITY_POOL_ID', 'VITE_ENDPOINT'];

const SECRET_KEY = /secret|access_?key|session_?token|^credentials$|^password$/i;
const AWS_ACCESS_KEY_VALUE = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/;

const SECRET_FIX =
  'Remove it. Everything in the dashboard\'s config is readable by anyone who opens the page. Use an app client without a client secret; Poolkeeper gets short-lived AWS credentials from the identity pool when the operator signs in.';

/** Finds anything that looks like a client secret or AWS keys, at any depth. */
export function findSecrets(value: unknown, path: string): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const visit = (node: unknown, at: string) => {
    if (typeof node === 'string') {
      if (AWS_ACCESS_KEY_VALUE.test(node)) {
        problems.push({ field: at, message: 'holds what looks like an AWS access key id; AWS keys never belong in a browser app.', fix: SECRET_FIX });
      }
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, `${at}[${index}]`));
      return;
    }
    if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        const childPath = at ? `${at}.${key}` : key;
        if (SECRET_KEY.test(key)) {
          problems.push({ field: childPath, message: 'looks like a secret (a client secret, AWS keys or a password); secrets never belong in a browser app.', fix: SECRET_FIX });
        } else {
          visit(child, childPath);
        }
      }
    }
  };
  visit(value, path);
  return problems;
}

/**
 * Reads config.json in either Poolkeeper's own shape or Amplify's aws-exports shape, and reports
 * fields it does not know (a typo such as `userPoolID` would otherwise silently fall back).
 */
export function fieldsFromFile(data: unknown, source: string): { fields: LabelledFields; problems: ConfigProblem[] } {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {
      fields: {},
      problems: [{ field: source, message: `must hold a JSON object, not ${Array.isArray(data) ? 'an array' : JSON.stringify(data)}.`, fix: 'Start from public/config.example.json.' }],
    };
  }
  const problems = findSecrets(data, '');
  const secretKeys = new Set(problems.map((problem) => problem.field.split(/[.[]/)[0]));
  const fields: LabelledFields = {};
  const record = data as Record<string, unknown>;
  const isAmplify = Object.keys(record).some((key) => key.startsWith('aws_'));
  for (const [key, value] of Object.entries(record)) {
    if (secretKeys.has(key) || key.startsWith('$') || key.startsWith('_')) continue;
    const canonical: CanonicalKey | undefined = AMPLIFY_KEYS[key] ?? (CANONICAL_KEYS as readonly string[]).find((known) => known === key) as CanonicalKey | undefined;
    // An Amplify export carries many settings of its own (oauth, aws_appsync_*, …): skip them.
    if (isAmplify && canonical === undefined) continue;
    if (canonical === undefined) {
      problems.push({
        field: key,
        message: 'is not a setting Poolkeeper knows.',
        fix: `Remove it or correct its name. Known settings: ${CANONICAL_KEYS.join(', ')}.`,
      });
      continue;
    }
    const existing = fields[canonical];
    if (existing) {
      problems.push({
        field: key,
        message: `sets the same thing as ${existing.label}.`,
        fix: `Keep only one of ${existing.label} and ${key}.`,
      });
      continue;
    }
    fields[canonical] = { value, label: key };
  }
  return { fields, problems };
}

/** VITE_* variables override the file field by field; they are baked into the bundle at build time. */
export function fieldsFromEnv(env: Record<string, unknown>): { fields: LabelledFields; problems: ConfigProblem[] } {
  const fields: LabelledFields = {};
  const problems: ConfigProblem[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith('VITE_') || value === undefined || value === '') continue;
    if (SECRET_KEY.test(name.slice(5)) || (typeof value === 'string' && AWS_ACCESS_KEY_VALUE.test(value))) {
      problems.push({ field: name, message: 'looks like a secret; every VITE_ variable is compiled into the public JavaScript bundle.', fix: SECRET_FIX });
    }
  }
  for (const key of CANONICAL_KEYS) {
    const name = ENV_KEYS[key];
    const value = env[name];
    if (typeof value !== 'string' || value === '') continue;
    if (key === 'passwordPolicy') {
      try {
        fields[key] = { value: JSON.parse(value) as unknown, label: name };
      } catch {
        problems.push({ field: name, message: 'is not valid JSON.', fix: 'Write it as a JSON object, e.g. {"minimumLength":8,"requireUppercase":true,"requireLowercase":true,"requireNumbers":true,"requireSymbols":true}.' });
      }
      continue;
    }
    fields[key] = { value, label: name };
  }
  return { fields, problems };
}

export function hasIdentifyingEnv(env: Record<string, unknown>): boolean {
  return IDENTIFYING_ENV_KEYS.some((name) => typeof env[name] === 'string' && env[name] !== '');
}
