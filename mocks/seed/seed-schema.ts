/**
 * The seed file: a declarative description of an emulated account (user pools with their clients,
 * groups and users; IAM roles; identity pools with role mappings; SES). Entries refer to each
 * other by name. AWS-shaped settings (`settings`, policy documents) pass through to the model's own
 * operations, so their validation is AWS's. mocks/schema/seed.schema.json is generated from this
 * (npm run seed-schema) for editors.
 */
import { z } from 'zod';

const name = z.string().min(1);
/** A policy document: an object (YAML/JSON) or JSON text, as IAM takes it. */
const policyDocument = z
  .union([z.string(), z.record(z.string(), z.unknown())])
  .describe('An IAM policy document: an object with Version and Statement, or the same as JSON text');

const roleRef = z.string().min(1).describe('A role of this file by name, or any role ARN');

const user = z
  .object({
    username: name.describe('The username, or the email/phone when the pool signs in with UsernameAttributes'),
    password: z.string().optional().describe('Stored as given (not checked against the pool policy); omit for a user who cannot sign in with a password'),
    status: z.enum(['UNCONFIRMED', 'CONFIRMED', 'FORCE_CHANGE_PASSWORD', 'RESET_REQUIRED']).optional().describe('Default CONFIRMED'),
    enabled: z.boolean().optional(),
    attributes: z.record(z.string(), z.string()).optional().describe('e.g. { email: a@example.com, email_verified: "true", "custom:plan": pro }'),
    groups: z.array(name).optional().describe('Names of groups of this pool'),
  })
  .strict();

const group = z
  .object({
    name,
    description: z.string().optional(),
    precedence: z.number().int().min(0).optional(),
    role: roleRef.optional().describe("The group's IAM role (cognito:roles in its members' ID tokens)"),
  })
  .strict();

const client = z
  .object({
    name: name.describe('ClientName; identity pools refer to the client by it'),
    id: z.string().regex(/^[a-z0-9]{26}$/, 'a client id is 26 lower-case letters and digits').optional().describe('A fixed client id; default random'),
    settings: z.record(z.string(), z.unknown()).optional().describe('Any further CreateUserPoolClient input (AWS shape), e.g. { ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH], GenerateSecret: false }'),
  })
  .strict();

const userPool = z
  .object({
    name: name.describe('PoolName; other entries refer to the pool by it'),
    id: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d_[A-Za-z0-9]{9}$/, 'a pool id is <region>_<9 letters or digits>, e.g. us-east-1_Abc123xyz')
      .optional()
      .describe('A fixed pool id in the file’s region; default random'),
    settings: z.record(z.string(), z.unknown()).optional().describe('Any further CreateUserPool input (AWS shape): Policies, Schema, UsernameAttributes, EmailConfiguration, …'),
    mfa: z.record(z.string(), z.unknown()).optional().describe('SetUserPoolMfaConfig input without UserPoolId, e.g. { MfaConfiguration: OPTIONAL, SoftwareTokenMfaConfiguration: { Enabled: true } }'),
    clients: z.array(client).optional(),
    groups: z.array(group).optional(),
    users: z.array(user).optional(),
  })
  .strict();

const role = z
  .object({
    name: name.describe('RoleName'),
    path: z.string().optional(),
    description: z.string().optional(),
    maxSessionDuration: z.number().int().optional(),
    trust: policyDocument.optional().describe('The trust (assume-role) policy document'),
    trustIdentityPool: z
      .object({ name: name.describe('An identity pool of this file'), amr: z.enum(['authenticated', 'unauthenticated']).optional().describe('default authenticated') })
      .strict()
      .optional()
      .describe('Shorthand for a trust policy letting Cognito Identity give this role to identities of that pool'),
    policies: z.record(z.string(), policyDocument).optional().describe('Inline policies by name'),
  })
  .strict();

const provider = z
  .object({
    userPool: name.describe('A user pool of this file by name'),
    client: name.optional().describe('An app client of that pool by name; default: any client'),
    serverSideTokenCheck: z.boolean().optional(),
  })
  .strict();

const rule = z
  .object({
    claim: name,
    matchType: z.enum(['Equals', 'Contains', 'StartsWith', 'NotEqual']),
    value: z.string(),
    role: roleRef,
  })
  .strict();

const roleMapping = z
  .object({
    userPool: name,
    client: name.optional().describe('Key the mapping by provider:client, as CloudFormation does'),
    type: z.enum(['Token', 'Rules']),
    ambiguousRoleResolution: z.enum(['AuthenticatedRole', 'Deny']),
    rules: z.array(rule).optional(),
  })
  .strict();

const identityPool = z
  .object({
    name: name.describe('IdentityPoolName'),
    id: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d:[0-9a-f-]{36}$/, 'an identity pool id is <region>:<uuid>').optional(),
    allowUnauthenticated: z.boolean().optional(),
    allowClassicFlow: z.boolean().optional(),
    providers: z.array(provider).optional(),
    roles: z.object({ authenticated: roleRef.optional(), unauthenticated: roleRef.optional() }).strict().optional(),
    roleMappings: z.array(roleMapping).optional(),
    tags: z.record(z.string(), z.string()).optional(),
  })
  .strict();

const ses = z
  .object({
    region: z.string().optional().describe("default: the file's region"),
    identities: z
      .array(z.union([z.string(), z.object({ identity: name, status: z.enum(['Pending', 'Success', 'Failed', 'TemporaryFailure', 'NotStarted']).optional() }).strict()]))
      .optional()
      .describe('Email addresses or domains; a plain string is verified (Success)'),
    sandbox: z.boolean().optional(),
    max24HourSend: z.number().min(0).optional(),
    maxSendRate: z.number().min(0).optional(),
  })
  .strict();

export const seedFileSchema = z
  .object({
    $schema: z.string().optional(),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'a Region such as us-east-1').optional().describe('default us-east-1'),
    userPools: z.array(userPool).optional(),
    roles: z.array(role).optional(),
    identityPools: z.array(identityPool).optional(),
    ses: z.array(ses).optional(),
  })
  .strict()
  .describe('Poolkeeper emulator seed file');

export type SeedFile = z.infer<typeof seedFileSchema>;
export type SeedUserPool = z.infer<typeof userPool>;
export type SeedRole = z.infer<typeof role>;
export type SeedIdentityPool = z.infer<typeof identityPool>;

/** The JSON Schema shipped as mocks/schema/seed.schema.json. */
export function seedJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(seedFileSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
