import { createPublicClients, type PublicClients } from '@/aws/clients';
import { createIdTokenVerifier } from '@/aws/token-verifier';
import type { AppConfig } from '@/config/app-config';
import { createSessionChannel, type SessionChannel } from '@/features/auth/session-channel';
import { SessionController } from '@/features/auth/session-controller';
import { browserSessionStorage, type SessionStorageLike } from '@/features/auth/session-store';

/** Long-lived objects built once from the config: the unsigned AWS clients and the operator's session. */
export interface AppServices {
  publicClients: PublicClients;
  session: SessionController;
}

export function createAppServices(
  config: AppConfig,
  options: { storage?: SessionStorageLike | null; channel?: SessionChannel | null } = {},
): AppServices {
  const publicClients = createPublicClients(config);
  const session = new SessionController({
    auth: { idp: publicClients.idp, clientId: config.clientId, userPoolId: config.userPoolId },
    verifier: createIdTokenVerifier(config),
    adminGroup: config.adminGroup,
    storage: options.storage === undefined ? browserSessionStorage() : options.storage,
    // In a browser only: Node tests build several sessions in one process and would hand sessions between them.
    channel:
      options.channel !== undefined
        ? options.channel
        : typeof window === 'undefined'
          ? null
          : createSessionChannel({ userPoolId: config.userPoolId, clientId: config.clientId }),
  });
  return { publicClients, session };
}
