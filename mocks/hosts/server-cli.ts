import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { SeedName, TemplateInput } from '../model/emulator';
import type { DeployResult, SeedFileResult } from '../model/setup-results';
import { DEMO } from '../seed/demo';
import { SeedFileError } from '../seed/seed-problems';
import { startEmulatorServer } from './server';

const USAGE = `Usage: cognito-emulator [options]        (in the Poolkeeper repository: npm run emulator -- [options])

  --port N          port to listen on (default 9229; 0 = any free port)
  --host HOST       interface to bind (default 127.0.0.1)
  --seed NAME|FILE  demo | empty | a seed file (.json/.yaml; JSON Schema: the package's schema/seed.schema.json) (default demo)
  --template FILE   deploy a CloudFormation template's Cognito, IAM and SES resources after the seed
  --parameter K=V   a template parameter (repeatable)
  --stack-name NAME the template's AWS::StackName (default emulated-stack)
  --users N         extra generated users in the demo pool (e.g. 100000)
  --latency MS      delay added to every AWS call
  --quotas on|off   AWS API rate quotas (default on)
  --region REGION   Region for unsigned requests (default us-east-1)
  --data FILE       load state from FILE if it exists; save it there on change and on exit
  --cors-origin O   a web origin besides this machine's that may call it from a browser (repeatable; * for any)
  --help`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function integer(value: string | undefined, flag: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) fail(`${flag} must be a whole number ≥ ${min}, not "${value}".`);
  return n;
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      template: { type: 'string' },
      parameter: { type: 'string', multiple: true },
      'stack-name': { type: 'string' },
      users: { type: 'string' },
      latency: { type: 'string' },
      quotas: { type: 'string' },
      region: { type: 'string' },
      data: { type: 'string' },
      'cors-origin': { type: 'string', multiple: true },
      help: { type: 'boolean' },
    },
    strict: true,
  }).values;
} catch (error) {
  fail((error as Error).message);
}
if (parsed.help) {
  console.log(USAGE);
  process.exit(0);
}
const seedArg = parsed.seed ?? 'demo';
let seed: SeedName = 'empty';
let seedFile: string | undefined;
if (seedArg === 'demo' || seedArg === 'empty') seed = seedArg;
else if (/\.(json|ya?ml)$/i.test(seedArg) || existsSync(seedArg)) seedFile = readText(seedArg, '--seed');
else fail(`--seed must be demo, empty or a seed file (.json, .yaml or .yml), not "${seedArg}".`);

const parameters: Record<string, string> = {};
for (const pair of parsed.parameter ?? []) {
  const eq = pair.indexOf('=');
  if (eq < 1) fail(`--parameter takes Key=Value, not "${pair}".`);
  parameters[pair.slice(0, eq)] = pair.slice(eq + 1);
}
if (parsed.parameter && !parsed.template) fail('--parameter needs --template FILE.');
const template: TemplateInput | undefined = parsed.template
  ? { body: readText(parsed.template, '--template'), file: parsed.template, parameters, ...(parsed['stack-name'] ? { stackName: parsed['stack-name'] } : {}) }
  : undefined;

function readText(file: string, flag: string): string {
  if (!existsSync(file)) fail(`${flag} ${file}: no such file.`);
  return readFileSync(file, 'utf8');
}
const quotas = parsed.quotas ?? 'on';
if (quotas !== 'on' && quotas !== 'off') fail(`--quotas must be on or off, not "${quotas}".`);

const started = performance.now();
const server = await startEmulatorServer({
  port: integer(parsed.port, '--port') ?? 9229,
  host: parsed.host ?? '127.0.0.1',
  seed,
  ...(seedFile === undefined ? {} : { seedFile, seedFileName: seedArg }),
  ...(template ? { template } : {}),
  users: integer(parsed.users, '--users'),
  latencyMs: integer(parsed.latency, '--latency'),
  quotas: quotas === 'on',
  region: parsed.region,
  dataFile: parsed.data,
  corsOrigins: parsed['cors-origin'] ?? [],
}).catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') fail(`Port ${parsed.port ?? 9229} is in use; pick another with --port.`);
  if (error instanceof SeedFileError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
});
const seconds = ((performance.now() - started) / 1000).toFixed(2);

const lines = [
  `Poolkeeper emulator listening on ${server.url}  (ready in ${seconds} s)`,
  `  Cognito user pools, Cognito Identity, SES, IAM and STS on this one endpoint; JWKS at ${server.url}/<poolId>/.well-known/jwks.json`,
  `  AWS credentials: access key "test", secret "test" (may call everything)`,
  `  State: ${server.restored ? `restored from ${parsed.data}` : `seed "${seedArg}"`}${parsed.data ? `, saved to ${parsed.data}` : ''}; quotas ${quotas}${parsed.latency ? `; latency ${parsed.latency} ms` : ''}`,
];
if (seed === 'demo' || server.restored) {
  lines.push(
    '',
    `  Region             ${DEMO.region}`,
    `  User pool          ${DEMO.userPoolId}  (${DEMO.poolName})`,
    `  Admin SPA client   ${DEMO.adminClientId}`,
    `  Test-login client  ${DEMO.testClientId}`,
    `  End-user client    ${DEMO.endUserClientId}  (the test-login panel's default)`,
    `  Demo API           ${server.url}/_apigw/${DEMO.demoApi.id}/${DEMO.demoApi.stage}${DEMO.demoApi.path}  (ID token as Bearer)`,
    `  Identity pool      ${DEMO.identityPoolId}`,
    `  Admin group        ${DEMO.adminGroup}`,
    `  Operator           ${DEMO.operator.email} / ${DEMO.operator.password}`,
    `  Non-admin user     ${DEMO.nonAdmin.email} / ${DEMO.nonAdmin.password}`,
    '',
    `  Dashboard config:  ${JSON.stringify({ ...DEMO.config, testApiUrl: `${server.url}/_apigw/${DEMO.demoApi.id}/${DEMO.demoApi.stage}${DEMO.demoApi.path}`, endpoint: server.url })}`,
    `  Try: aws --endpoint-url ${server.url} cognito-idp list-users --user-pool-id ${DEMO.userPoolId} --region ${DEMO.region}`,
  );
}
const loaded = server.emulator.loaded;
if (loaded.seedFile && !server.restored) lines.push('', ...describeSeed(loaded.seedFile));
if (loaded.template && !server.restored) lines.push('', ...describeStack(loaded.template, template?.file ?? ''));
lines.push('', '  Test endpoints: GET /_emulator/health, GET /_emulator/messages?to=, POST /_emulator/clock {"advanceSeconds":N}, POST /_emulator/reset', '  Ctrl+C stops.');
console.log(lines.join('\n'));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server
      .close()
      .then(() => {
        console.log(`\nEmulator stopped${parsed.data ? `; state saved to ${parsed.data}` : ''}.`);
        process.exit(0);
      })
      .catch((error: unknown) => {
        console.error('Emulator did not stop cleanly', error);
        process.exit(1);
      });
  });
}

function describeSeed(result: SeedFileResult): string[] {
  const out = [`  From ${seedArg} (Region ${result.region}):`];
  for (const [name, pool] of Object.entries(result.userPools)) {
    out.push(`  User pool          ${pool.id}  (${name})`);
    for (const [client, id] of Object.entries(pool.clients)) out.push(`    client           ${id}  (${client})`);
  }
  for (const [name, id] of Object.entries(result.identityPools)) out.push(`  Identity pool      ${id}  (${name})`);
  for (const [name, arn] of Object.entries(result.roles)) out.push(`  Role               ${arn}  (${name})`);
  return out;
}

function describeStack(result: DeployResult, file: string): string[] {
  const out = [`  Stack "${result.stackName}" from ${file}:`];
  for (const [id, resource] of Object.entries(result.resources)) out.push(`    ${id.padEnd(28)} ${resource.type}  ${resource.physicalId}`);
  for (const skipped of result.skipped) out.push(`    ${skipped.logicalId.padEnd(28)} ${skipped.type}  SKIPPED: not emulated`);
  for (const note of result.notes) out.push(`    note: ${note}`);
  out.push('  Outputs:');
  for (const [key, value] of Object.entries(result.outputs)) out.push(`    ${key} = ${value}`);
  return out;
}
