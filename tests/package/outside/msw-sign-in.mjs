// Runs in the scratch project (plain Node ESM, the installed tarball): the emulator's msw
// handlers in the project's own setupServer, then the real AWS SDK and amazon-cognito-identity-js
// (SRP) against the demo seed and against a pool the set-up API creates. Prints one JSON line.
import { setupServer } from 'msw/node';
import { AdminGetUserCommand, CognitoIdentityProviderClient, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import cognito from 'amazon-cognito-identity-js';
import { createGroup, createPool, createUser, DEMO, Emulator, ROOT_CREDENTIALS } from '@poolkeeper/cognito-emulator';
import { handlers } from '@poolkeeper/cognito-emulator/msw';
import { createNodeEmulator } from '@poolkeeper/cognito-emulator/node';

const { AuthenticationDetails, CognitoUser, CognitoUserPool } = cognito;

function srpSignIn(poolId, clientId, username, password) {
  const user = new CognitoUser({ Username: username, Pool: new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId }) });
  user.setAuthenticationFlowType('USER_SRP_AUTH');
  return new Promise((resolve, reject) =>
    user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), {
      onSuccess: (session) => resolve(session.getIdToken().decodePayload()),
      onFailure: (error) => reject(error),
    }),
  );
}

const failure = (promise) => promise.then(() => 'succeeded', (error) => `${error.name ?? error.code}: ${error.message}`);
const result = {};

// 1. Bring-your-own msw server: the model plus the handlers.
const emulator = new Emulator({ seed: 'demo', quotas: false });
const server = setupServer(...handlers(emulator));
server.listen({ onUnhandledRequest: 'error' });
const operator = await srpSignIn(DEMO.userPoolId, DEMO.adminClientId, DEMO.operator.email, DEMO.operator.password);
result.operatorGroups = operator['cognito:groups'];
result.operatorEmail = operator.email;
result.wrongPassword = await failure(srpSignIn(DEMO.userPoolId, DEMO.adminClientId, DEMO.operator.email, 'Wrong-Passw0rd!'));
const idp = new CognitoIdentityProviderClient({ region: DEMO.region, credentials: ROOT_CREDENTIALS, maxAttempts: 1 });
const listed = await idp.send(new ListUsersCommand({ UserPoolId: DEMO.userPoolId, Filter: `email = "${DEMO.operator.email}"` }));
result.listedOperator = listed.Users?.length;
result.unknownUser = await failure(idp.send(new AdminGetUserCommand({ UserPoolId: DEMO.userPoolId, Username: 'nobody@example.com' })));

// 2. The set-up API on the same emulator: a pool, a group and a user, then SRP against them.
const pool = await createPool(emulator, { name: 'outside-pool', settings: { UsernameAttributes: ['email'] } });
await createGroup(emulator, pool.poolId, { name: 'editors' });
createUser(emulator, pool.poolId, { username: 'ann@example.com', password: 'Ann-Passw0rd!', attributes: { email: 'ann@example.com' }, groups: ['editors'] });
const ann = await srpSignIn(pool.poolId, pool.clientId, 'ann@example.com', 'Ann-Passw0rd!');
result.createdPoolGroups = ann['cognito:groups'];
server.close();

// 3. The ready Node host.
const host = createNodeEmulator({ seed: 'empty', quotas: false });
host.listen();
const empty = await host.createPool({ name: 'node-host-pool' });
host.createUser(empty.poolId, { username: 'bob', password: 'Bob-Passw0rd!', attributes: { email: 'bob@example.com' } });
result.nodeHostSub = typeof (await srpSignIn(empty.poolId, empty.clientId, 'bob', 'Bob-Passw0rd!')).sub;
host.close();

// 4. A deep import is refused with the entries to use.
result.deepImport = await failure(import('@poolkeeper/cognito-emulator/model/emulator'));

console.log(JSON.stringify(result));
