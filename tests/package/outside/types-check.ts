// Type-checked in the scratch project with module/moduleResolution nodenext: the shipped .d.ts
// resolve for a plain Node TypeScript project and carry real types (each @ts-expect-error below
// fails the check if the types were missing or `any`).
import type { HttpHandler } from 'msw';
import { createPool, DEMO, Emulator, type OutboxMessage } from '@poolkeeper/cognito-emulator';
import type { BrowserEmulator } from '@poolkeeper/cognito-emulator/browser';
import { handlers } from '@poolkeeper/cognito-emulator/msw';
import { createNodeEmulator, type NodeEmulator } from '@poolkeeper/cognito-emulator/node';
import { startEmulatorServer, type EmulatorServer } from '@poolkeeper/cognito-emulator/server';

export async function check(): Promise<void> {
  const emulator = new Emulator({ seed: 'empty' });
  const spread: HttpHandler[] = handlers(emulator);
  const host: NodeEmulator = createNodeEmulator();
  const messages: OutboxMessage[] = host.messages({ to: 'a@example.com' });
  const pool: { poolId: string; clientId: string } = await createPool(emulator);
  const server: EmulatorServer = await startEmulatorServer({ port: 0 });
  const poolId: string = DEMO.userPoolId;
  const reset: BrowserEmulator['reset'] | undefined = undefined;
  // @ts-expect-error the clock moves by a number of seconds
  host.advanceClock('1h');
  // @ts-expect-error seeds are 'demo' or 'empty'
  new Emulator({ seed: 'nonsense' });
  // @ts-expect-error internal files are not entries
  await import('@poolkeeper/cognito-emulator/model/emulator');
  void [spread, messages, pool, server, poolId, reset];
}
