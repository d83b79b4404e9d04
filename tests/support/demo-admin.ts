/**
 * The demo operator's admin context against an emulator target, as the signed-in app builds it:
 * identity-pool credentials for the admin group's role, real SDK clients. Cached per target.
 */
import { DEMO } from '@poolkeeper/cognito-emulator';
import type { AdminContextValue } from '../../src/aws/admin-context';
import { getUserDetail } from '../../src/aws/user-detail';
import { operatorCredentials, sdkClients } from './aws';
import type { EmulatorTarget } from './targets';

const cache = new WeakMap<EmulatorTarget, AdminContextValue>();

export async function demoAdminContext(target: EmulatorTarget): Promise<AdminContextValue> {
  const cached = cache.get(target);
  if (cached) return cached;
  const clients = sdkClients(target, await operatorCredentials(target));
  const me = await getUserDetail({ idp: clients.idp, userPoolId: DEMO.userPoolId }, DEMO.operator.email);
  const ctx: AdminContextValue = {
    ...clients,
    region: DEMO.region,
    sesRegion: DEMO.region,
    userPoolId: DEMO.userPoolId,
    adminGroup: DEMO.adminGroup,
    clientId: DEMO.adminClientId,
    operator: { username: me.username, sub: me.sub, email: DEMO.operator.email, groups: [DEMO.adminGroup, 'support'] },
  };
  cache.set(target, ctx);
  return ctx;
}
