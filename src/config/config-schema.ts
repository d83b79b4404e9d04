import { z } from 'zod';
import {
  DEFAULT_ADMIN_GROUP,
  DEFAULT_IDLE_TIMEOUT_MINUTES,
  type AppConfig,
  type ConfigProblem,
  type ConfigResult,
} from './app-config';
import { CANONICAL_KEYS, ENV_KEYS, type CanonicalKey, type LabelledFields } from './config-shapes';

// Formats follow the Cognito API reference (UserPoolIdType `[\w-]+_[0-9a-zA-Z]+`, ClientIdType
// `[\w+]+`, IdentityPoolId `[\w-]+:[0-9a-f-]+`), narrowed to what real ids look like so a value
// pasted into the wrong field is caught here and not as an opaque AWS error after sign-in.
const REGION = /^[a-z]{2}(-[a-z]+){1,2}-\d{1,2}$/;
const USER_POOL_ID = /^([a-z]{2}(?:-[a-z]+){1,2}-\d{1,2})_[0-9a-zA-Z]+$/;
const CLIENT_ID = /^[\w+]{1,128}$/;
const IDENTITY_POOL_ID = /^([a-z]{2}(?:-[a-z]+){1,2}-\d{1,2}):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const shown = (value: unknown) => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value));

const text = (what: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? 'is missing.' : `must be text, not ${shown(issue.input)}.`) })
    .trim()
    .min(1, { error: `is empty; it must hold ${what}.` });

const region = text('an AWS Region code').regex(REGION, {
  error: (issue) => `${shown(issue.input)} is not an AWS Region code.`,
});

const passwordPolicy = z.strictObject(
  {
    minimumLength: z.number().int().min(6).max(99),
    requireUppercase: z.boolean(),
    requireLowercase: z.boolean(),
    requireNumbers: z.boolean(),
    requireSymbols: z.boolean(),
  },
  { error: 'must be an object with minimumLength (6–99) and the four require… flags (true/false).' },
);

export const configSchema = z.object({
  region,
  userPoolId: text('a user pool id').regex(USER_POOL_ID, {
    error: (issue) =>
      `${shown(issue.input)} is not a user pool id; ids look like "us-east-1_AbC123xyz" (the Region, an underscore, then letters and digits).`,
  }),
  clientId: text('an app client id').regex(CLIENT_ID, {
    error: (issue) =>
      `${shown(issue.input)} is not an app client id (1–128 letters, digits, underscores or plus signs).`,
  }),
  identityPoolId: text('an identity pool id').regex(IDENTITY_POOL_ID, {
    error: (issue) =>
      `${shown(issue.input)} is not an identity pool id; ids look like "us-east-1:1a2b3c4d-…" (the Region, a colon, then a UUID in lower case).`,
  }),
  adminGroup: text('a group name')
    .max(128, { error: 'is longer than 128 characters, the longest group name Cognito allows.' })
    .default(DEFAULT_ADMIN_GROUP),
  sesRegion: region.optional(),
  endpoint: z
    .string({ error: (issue) => `must be a URL, not ${shown(issue.input)}.` })
    .trim()
    .refine(isHttpUrl, { error: (issue) => `${shown(issue.input)} is not an http:// or https:// URL without a query or fragment.` })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  idleTimeoutMinutes: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value),
    z
      .number({ error: (issue) => `must be a number of minutes, not ${shown(issue.input)}.` })
      .int({ error: 'must be a whole number of minutes.' })
      .min(2, { error: 'must be at least 2 minutes (the warning comes one minute before sign-out).' })
      .max(1440, { error: 'must be at most 1440 minutes (a day).' })
      .default(DEFAULT_IDLE_TIMEOUT_MINUTES),
  ),
  passwordPolicy: passwordPolicy.optional(),
  testClientId: text('an app client id')
    .regex(CLIENT_ID, { error: (issue) => `${shown(issue.input)} is not an app client id (1–128 letters, digits, underscores or plus signs).` })
    .optional(),
  testApiUrl: z
    .string({ error: (issue) => `must be a URL, not ${shown(issue.input)}.` })
    .trim()
    .refine(isHttpOrHttpsUrl, { error: (issue) => `${shown(issue.input)} is not an http:// or https:// URL.` })
    .optional(),
});

function parsedHttpUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function isHttpOrHttpsUrl(value: string): boolean {
  return parsedHttpUrl(value) !== undefined;
}

function isHttpUrl(value: string): boolean {
  const url = parsedHttpUrl(value);
  return url !== undefined && url.search === '' && url.hash === '';
}

const FIXES: Record<CanonicalKey, string> = {
  region: 'Set it to the Region code of your user pool, such as "us-east-1" or "eu-west-2" (a code, not a name like "N. Virginia").',
  userPoolId: 'Copy the "User pool ID" from the Cognito console (User pools → your pool → Overview).',
  clientId: 'Copy the "Client ID" from your pool\'s "App clients" page. Use a public client, created without a client secret.',
  identityPoolId: 'Copy the "Identity pool ID" from the Cognito console (Identity pools → your pool). The CloudFormation template in the README creates one.',
  adminGroup: 'Set it to the name of the user pool group whose members may administer the pool, or leave it out to use "admins".',
  sesRegion: 'Set it to the Region where your SES identity lives, or leave it out to use the pool\'s Region.',
  endpoint: 'Leave it out to talk to AWS, or set it to the emulator\'s base URL, such as "http://127.0.0.1:9229".',
  idleTimeoutMinutes: 'Set it to a whole number of minutes between 2 and 1440, or leave it out for 30.',
  testClientId: 'Copy the "Client ID" of your end users\' app client (in an Amplify app: aws_user_pools_web_client_id in aws-exports), or leave it out and pick a client in the Test login panel.',
  testApiUrl: 'Set it to the full URL of an API method protected by the pool, such as "https://abc123defg.execute-api.us-east-1.amazonaws.com/prod/hello", or leave it out.',
  passwordPolicy: 'Copy the numbers from your pool\'s "Password policy", for example {"minimumLength": 8, "requireUppercase": true, "requireLowercase": true, "requireNumbers": true, "requireSymbols": true}, or leave it out.',
};

/**
 * Validates labelled config fields (from config.json, an Amplify export, the emulator and VITE_*
 * variables) and reports every problem at once, each named as the operator wrote it.
 */
export function validateConfig(fields: LabelledFields, earlier: ConfigProblem[] = []): ConfigResult {
  const problems = [...earlier];
  const input: Record<string, unknown> = {};
  for (const key of CANONICAL_KEYS) {
    const field = fields[key];
    if (field !== undefined) input[key] = field.value;
  }
  const parsed = configSchema.safeParse(input);
  const bad = new Set<string>();
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '') as CanonicalKey;
      bad.add(key);
      const label = fields[key]?.label ?? key;
      const sub = issue.path.slice(1).join('.');
      const fix = FIXES[key] ?? 'Remove this field.';
      const missing = fields[key] === undefined && ENV_KEYS[key] !== undefined;
      problems.push({
        field: sub ? `${label}.${sub}` : label,
        message: issue.message,
        fix: missing ? `${fix} Put it in config.json as "${key}", or set the build variable ${ENV_KEYS[key]}.` : fix,
      });
    }
  }
  // Cross-field checks only make sense when both sides are individually valid.
  const poolRegion = typeof input.userPoolId === 'string' ? USER_POOL_ID.exec(input.userPoolId.trim())?.[1] : undefined;
  const configRegion = typeof input.region === 'string' ? input.region.trim() : undefined;
  if (!bad.has('userPoolId') && !bad.has('region') && poolRegion && configRegion && poolRegion !== configRegion) {
    problems.push({
      field: fields.userPoolId?.label ?? 'userPoolId',
      message: `The user pool "${String(input.userPoolId)}" is in ${poolRegion}, but ${fields.region?.label ?? 'region'} is ${configRegion}.`,
      fix: `Set ${fields.region?.label ?? 'region'} to "${poolRegion}", or use the id of a pool in ${configRegion}.`,
    });
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };

  const data = parsed.data;
  const config: AppConfig = {
    region: data.region,
    userPoolId: data.userPoolId,
    clientId: data.clientId,
    identityPoolId: data.identityPoolId,
    adminGroup: data.adminGroup,
    sesRegion: data.sesRegion ?? data.region,
    idleTimeoutMinutes: data.idleTimeoutMinutes,
  };
  if (data.endpoint !== undefined) config.endpoint = data.endpoint;
  if (data.passwordPolicy !== undefined) config.passwordPolicy = data.passwordPolicy;
  if (data.testClientId !== undefined) config.testClientId = data.testClientId;
  if (data.testApiUrl !== undefined) config.testApiUrl = data.testApiUrl;
  return { ok: true, config };
}

/** The Region an identity pool lives in, which may differ from the user pool's. */
export function identityPoolRegion(identityPoolId: string): string {
  return IDENTITY_POOL_ID.exec(identityPoolId)?.[1] ?? identityPoolId.split(':')[0] ?? '';
}
