import { parseArgs } from 'node:util';
import { DEMO } from '../seed/demo';
import { startEmulatorServer } from './server';

const USAGE = `Usage: cognito-emulator [options]        (in the Poolkeeper repository: npm run emulator -- [options])

  --port N          port to listen on (default 9229; 0 = any free port)
  --host HOST       interface to bind (default 127.0.0.1)
  --seed NAME       demo | empty (default demo)
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
const seed = parsed.seed ?? 'demo';
if (seed !== 'demo' && seed !== 'empty') fail(`--seed must be demo or empty, not "${seed}".`);
const quotas = parsed.quotas ?? 'on';
if (quotas !== 'on' && quotas !== 'off') fail(`--quotas must be on or off, not "${quotas}".`);

const started = performance.now();
const server = await startEmulatorServer({
  port: integer(parsed.port, '--port') ?? 9229,
  host: parsed.host ?? '127.0.0.1',
  seed,
  users: integer(parsed.users, '--users'),
  latencyMs: integer(parsed.latency, '--latency'),
  quotas: quotas === 'on',
  region: parsed.region,
  dataFile: parsed.data,
  corsOrigins: parsed['cors-origin'] ?? [],
}).catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') fail(`Port ${parsed.port ?? 9229} is in use; pick another with --port.`);
  throw error;
});
const seconds = ((performance.now() - started) / 1000).toFixed(2);

const lines = [
  `Poolkeeper emulator listening on ${server.url}  (ready in ${seconds} s)`,
  `  Cognito user pools, Cognito Identity and SES on this one endpoint; JWKS at ${server.url}/<poolId>/.well-known/jwks.json`,
  `  AWS credentials: access key "test", secret "test" (may call everything)`,
  `  State: ${server.restored ? `restored from ${parsed.data}` : `seed "${seed}"`}${parsed.data ? `, saved to ${parsed.data}` : ''}; quotas ${quotas}${parsed.latency ? `; latency ${parsed.latency} ms` : ''}`,
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
